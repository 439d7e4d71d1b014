package io.ecsl.runtime.docker;

/**
 * An image reference split the way the pull API wants it: repository plus tag or digest. A
 * reference without either means {@code latest}, as for {@code docker pull} (the API would
 * otherwise pull every tag).
 */
record ImageRef(String repository, String tagOrDigest) {

  static ImageRef parse(String image) {
    int at = image.indexOf('@');
    if (at >= 0) {
      return new ImageRef(image.substring(0, at), image.substring(at + 1));
    }
    int colon = image.lastIndexOf(':');
    int slash = image.lastIndexOf('/');
    if (colon > slash) {
      return new ImageRef(image.substring(0, colon), image.substring(colon + 1));
    }
    return new ImageRef(image, "latest");
  }
}
