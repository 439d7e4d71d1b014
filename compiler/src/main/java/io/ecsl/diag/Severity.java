package io.ecsl.diag;

/** How bad a diagnostic is. Only errors make {@code check} and {@code build} fail (warnings do with --strict). */
public enum Severity {
  ERROR("error"),
  WARNING("warning"),
  NOTE("note");

  private final String word;

  Severity(String word) {
    this.word = word;
  }

  public String word() {
    return word;
  }
}
