package io.ecsl.runtime.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.runtime.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Token pagination for the List and Describe operations: the token is an opaque encoding of the
 * next offset. Each API names its paging fields and its error its own way ({@link Paging}); the
 * arithmetic and the response's shape are the same for all.
 */
public final class Pages {
  private Pages() {}

  /** One page of a list, and the token for the next (null on the last page). */
  public record Page<T>(List<T> items, String nextToken) {}

  /**
   * How an API pages: the request's and response's token field, the request's page-size field,
   * and the error type of a bad size or token.
   */
  public record Paging(String tokenField, String sizeField, String exceptionType) {
    public static final Paging ECS = new Paging("nextToken", "maxResults", "InvalidParameterException");
    public static final Paging APPLICATION_AUTO_SCALING = new Paging("NextToken", "MaxResults", "ValidationException");
    public static final Paging CLOUD_MAP = new Paging("NextToken", "MaxResults", "InvalidInput");
    public static final Paging EVENTS = new Paging("NextToken", "Limit", "ValidationException");
  }

  /**
   * The response of a paged operation: {@code {listField: [this page], tokenField: next}} (no token
   * on the last page). Items are JSON objects or strings (ARNs, names).
   */
  public static ObjectNode response(Paging paging, JsonNode request, List<?> all, String listField, int defaultSize,
      int maxSize) {
    Page<?> page = of(all, Json.text(request, paging.tokenField()), Json.integer(request, paging.sizeField()),
        defaultSize, maxSize, paging.exceptionType());
    ObjectNode response = Json.object();
    ArrayNode items = response.putArray(listField);
    for (Object item : page.items()) {
      switch (item) {
        case JsonNode node -> items.add(node);
        case String text -> items.add(text);
        default -> throw new IllegalArgumentException("not a JSON item: " + item.getClass().getName());
      }
    }
    Json.putIfPresent(response, paging.tokenField(), page.nextToken());
    return response;
  }

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
