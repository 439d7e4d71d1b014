package io.ecsl.rules;

import java.util.regex.Pattern;

/** The name rule most ECS resources share: 1–255 letters, digits, {@code _} and {@code -}. */
public final class Names {
  private static final Pattern AWS_NAME = Pattern.compile("[A-Za-z0-9_-]{1,255}");

  private Names() {}

  public static boolean isAwsName(String name) {
    return AWS_NAME.matcher(name).matches();
  }

  /** What is wrong with a name that is not an AWS name. */
  public static String problem(String name) {
    if (name.isEmpty()) {
      return "is empty; ECS names are 1–255 letters, digits, `_` or `-`";
    }
    if (name.length() > 255) {
      return "is " + name.length() + " characters long; ECS allows at most 255";
    }
    return "may only contain letters, digits, `_` and `-`";
  }

  /** {@code rename it, e.g. `my-web`}. */
  public static String hint(String member, String name) {
    String fixed = name.replaceAll("[^A-Za-z0-9_-]", "-");
    if (fixed.length() > 255) {
      fixed = fixed.substring(0, 255);
    }
    if (fixed.isEmpty() || fixed.equals(name)) {
      return "give it a name such as `web`";
    }
    return "rename it, e.g. `" + member + " = \"" + fixed + "\"`";
  }
}
