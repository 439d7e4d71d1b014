package io.ecsl.runtime.loadbalancing;

/** A health check matcher's {@code HttpCode}: {@code 200}, {@code 200,202} or {@code 200-299}. */
public final class HttpCodeMatcher {
  private HttpCodeMatcher() {}

  public static boolean matches(String matcher, int status) {
    for (String part : matcher.split(",")) {
      String p = part.trim();
      int dash = p.indexOf('-');
      if (dash > 0) {
        if (status >= Integer.parseInt(p.substring(0, dash).trim()) && status <= Integer.parseInt(p.substring(dash + 1).trim())) {
          return true;
        }
      } else if (!p.isEmpty() && Integer.parseInt(p) == status) {
        return true;
      }
    }
    return false;
  }

  /** Why {@code matcher} is not a valid matcher of codes in [min, max], or null. */
  public static String problem(String matcher, int min, int max) {
    for (String part : matcher.split(",", -1)) {
      String[] bounds = part.trim().split("-", -1);
      if (bounds.length > 2) {
        return "is not a code, a list of codes or a range";
      }
      int previous = -1;
      for (String bound : bounds) {
        int code;
        try {
          code = Integer.parseInt(bound.trim());
        } catch (NumberFormatException e) {
          return "is not a code, a list of codes (200,202) or a range (200-299)";
        }
        if (code < min || code > max) {
          return "must use codes from " + min + " to " + max;
        }
        if (code < previous) {
          return "has a range that ends before it starts";
        }
        previous = code;
      }
    }
    return null;
  }
}
