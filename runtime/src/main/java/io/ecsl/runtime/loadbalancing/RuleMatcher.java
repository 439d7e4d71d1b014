package io.ecsl.runtime.loadbalancing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Whether a request meets a listener rule's conditions, as ALB evaluates them: every condition
 * must hold, and any one value of a condition is enough. Path patterns are case-sensitive, host
 * names, header names and header values are not; {@code *} matches any characters and {@code ?}
 * one.
 */
public final class RuleMatcher {
  private RuleMatcher() {}

  /** What rules look at in a request. */
  public record Request(String method, String host, String path, Map<String, List<String>> headers,
      Map<String, List<String>> query) {}

  public static boolean matches(JsonNode conditions, Request request) {
    for (JsonNode condition : conditions) {
      if (!holds(condition, request)) {
        return false;
      }
    }
    return true;
  }

  private static boolean holds(JsonNode condition, Request request) {
    String field = condition.path("Field").asText();
    return switch (field) {
      case "path-pattern" -> any(condition.path("PathPatternConfig").path("Values"), request.path(), false);
      case "host-header" -> any(condition.path("HostHeaderConfig").path("Values"), hostWithoutPort(request.host()),
          true);
      case "http-request-method" -> {
        for (JsonNode value : condition.path("HttpRequestMethodConfig").path("Values")) {
          if (value.asText().equals(request.method())) {
            yield true;
          }
        }
        yield false;
      }
      case "http-header" -> {
        JsonNode config = condition.path("HttpHeaderConfig");
        List<String> values = request.headers().get(config.path("HttpHeaderName").asText().toLowerCase(Locale.ROOT));
        if (values == null) {
          yield false;
        }
        for (String value : values) {
          if (any(config.path("Values"), value, true)) {
            yield true;
          }
        }
        yield false;
      }
      case "query-string" -> {
        for (JsonNode pair : condition.path("QueryStringConfig").path("Values")) {
          String key = pair.path("Key").asText(null);
          String wanted = pair.path("Value").asText();
          for (Map.Entry<String, List<String>> entry : request.query().entrySet()) {
            if (key != null && !glob(key, true).matcher(entry.getKey()).matches()) {
              continue;
            }
            for (String value : entry.getValue()) {
              if (glob(wanted, true).matcher(value).matches()) {
                yield true;
              }
            }
          }
        }
        yield false;
      }
      case "source-ip" -> true; // every request to the local proxy comes from this machine
      default -> false;
    };
  }

  private static boolean any(JsonNode patterns, String value, boolean ignoreCase) {
    if (value == null) {
      return false;
    }
    for (JsonNode pattern : patterns) {
      if (glob(pattern.asText(), ignoreCase).matcher(value).matches()) {
        return true;
      }
    }
    return false;
  }

  static Pattern glob(String pattern, boolean ignoreCase) {
    StringBuilder regex = new StringBuilder();
    for (char c : pattern.toCharArray()) {
      switch (c) {
        case '*' -> regex.append(".*");
        case '?' -> regex.append('.');
        default -> regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(regex.toString(), ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
  }

  private static String hostWithoutPort(String host) {
    if (host == null) {
      return null;
    }
    int colon = host.lastIndexOf(':');
    return colon > 0 && !host.endsWith("]") ? host.substring(0, colon) : host;
  }
}
