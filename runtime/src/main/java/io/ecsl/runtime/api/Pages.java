package io.ecsl.runtime.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** Token pagination for List* operations: the token is an opaque encoding of the next offset. */
public final class Pages {
  private Pages() {}

  /** One page of a list, and the token for the next (null on the last page). */
  public record Page<T>(List<T> items, String nextToken) {}

  public static <T> Page<T> of(List<T> all, String nextToken, Integer maxResults, int defaultSize, int maxSize,
      String exceptionType) {
    int size = maxResults == null ? defaultSize : maxResults;
    if (size < 1 || size > maxSize) {
      throw new ApiException(exceptionType, "maxResults must be between 1 and " + maxSize + "; got " + size + ".");
    }
    int from = nextToken == null || nextToken.isEmpty() ? 0 : decode(nextToken, exceptionType);
    int to = Math.min(all.size(), from + size);
    List<T> items = from >= all.size() ? List.of() : all.subList(from, to);
    return new Page<>(items, to < all.size() ? encode(to) : null);
  }

  private static String encode(int offset) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(("ecsl:" + offset).getBytes(StandardCharsets.UTF_8));
  }

  private static int decode(String token, String exceptionType) {
    try {
      String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      if (text.startsWith("ecsl:")) {
        return Integer.parseInt(text.substring(5));
      }
    } catch (IllegalArgumentException e) {
      // fall through to the error below
    }
    throw new ApiException(exceptionType, "Invalid nextToken '" + token + "': pass the token from the previous"
        + " response unchanged.");
  }
}
