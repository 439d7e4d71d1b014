package io.ecsl.rules;

import io.ecsl.facts.limits.EcsName;

/**
 * Messages about names ECS does not accept. The rules themselves (characters, lengths, reserved
 * prefixes) are {@link EcsName}'s, shared with the runtime; this class only words them.
 */
public final class Names {
  private Names() {}

  /** What is wrong with a name that {@code kind} does not accept (its characters or length). */
  public static String problem(EcsName kind, String name) {
    if (name.isEmpty()) {
      return "is empty; ECS names are " + kind.describe();
    }
    if (name.length() > kind.maxLength()) {
      return "is " + name.length() + " characters long; ECS allows at most " + kind.maxLength();
    }
    String words = kind.allowedCharacters();
    int or = words.lastIndexOf(" or ");
    return "may only contain " + (or < 0 ? words : words.substring(0, or) + " and " + words.substring(or + 4));
  }

  /** {@code rename it, e.g. `my-web`}, for a name of the common kind (letters, digits, {@code _}, {@code -}). */
  public static String hint(EcsName kind, String member, String name) {
    String fixed = name.replaceAll("[^A-Za-z0-9_-]", "-");
    if (fixed.length() > kind.maxLength()) {
      fixed = fixed.substring(0, kind.maxLength());
    }
    if (fixed.isEmpty() || fixed.equals(name)) {
      return "give it a name such as `web`";
    }
    return "rename it, e.g. `" + member + " = \"" + fixed + "\"`";
  }
}
