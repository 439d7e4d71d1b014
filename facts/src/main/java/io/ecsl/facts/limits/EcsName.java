package io.ecsl.facts.limits;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The names ECS accepts (ecs-semantics §2.3, §3.5, §4): the characters and length of each kind of
 * name, and the prefixes some reserve. Most ECS resources share one rule, 1–255 letters, digits,
 * {@code _} and {@code -}.
 */
public enum EcsName {
  TASK_DEFINITION_FAMILY("task definition family", Rules.AWS_NAME, 1, 255),
  CONTAINER("container name", Rules.AWS_NAME, 1, 255),
  SERVICE("service name", Rules.AWS_NAME, 1, 255),
  CLUSTER("cluster name", Rules.AWS_NAME, 1, 255),
  DAEMON("daemon name", Rules.AWS_NAME, 1, 255),
  DAEMON_TASK_DEFINITION_FAMILY("daemon task definition family", Rules.AWS_NAME, 1, 255),
  /** Capacity provider names may not start with {@code aws}, {@code ecs} or {@code fargate}. */
  CAPACITY_PROVIDER("capacity provider name", Rules.AWS_NAME, 1, 255, "aws", "ecs", "fargate"),
  VOLUME("volume name", Rules.AWS_NAME, 1, 255),
  /** Port mapping names: lowercase, and not starting with {@code -}. */
  PORT_MAPPING("port mapping name", new Rules("lowercase letters, digits, `_` or `-`, not starting with `-`",
      "[a-z0-9_][a-z0-9_-]*"), 1, 64),
  /** Container instance attribute names (built-in ones such as {@code ecs.instance-type}, and custom ones). */
  ATTRIBUTE_NAME("attribute name", new Rules("letters, digits, `-`, `_`, `/`, `\\` or `.`", "[A-Za-z0-9_./\\\\-]+"), 1, 128),
  /** Container instance attribute values: no leading or trailing whitespace. */
  ATTRIBUTE_VALUE("attribute value", new Rules("letters, digits, spaces, `-`, `_`, `.`, `@`, `/`, `\\` or `:`, not starting"
      + " or ending with a space", "[A-Za-z0-9_.@/\\\\:-]([A-Za-z0-9_.@/\\\\: -]*[A-Za-z0-9_.@/\\\\:-])?"), 1, 128),
  TAG_KEY("tag key", Rules.TAG, 1, 128),
  TAG_VALUE("tag value", Rules.TAG, 0, 256);

  /** What a kind of name may contain, in words and as a pattern (the length is checked apart). */
  private record Rules(String words, Pattern pattern) {
    static final Rules AWS_NAME = new Rules("letters, digits, `_` or `-`", "[A-Za-z0-9_-]*");
    /** AWS tagging: letters, digits and spaces in any script, and {@code _ . : / = + - @}. */
    static final Rules TAG = new Rules("letters, digits, spaces and `_ . : / = + - @`", "[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");

    Rules(String words, String regex) {
      this(words, Pattern.compile(regex));
    }
  }

  private final String label;
  private final Rules rules;
  private final int minLength;
  private final int maxLength;
  private final List<String> reservedPrefixes;

  EcsName(String label, Rules rules, int minLength, int maxLength, String... reservedPrefixes) {
    this.label = label;
    this.rules = rules;
    this.minLength = minLength;
    this.maxLength = maxLength;
    this.reservedPrefixes = List.of(reservedPrefixes);
  }

  /** How messages name this kind, e.g. "container name". */
  public String label() {
    return label;
  }

  public int minLength() {
    return minLength;
  }

  public int maxLength() {
    return maxLength;
  }

  /** The characters allowed, in words: {@code letters, digits, `_` or `-`}. */
  public String allowedCharacters() {
    return rules.words();
  }

  /** Prefixes ECS reserves for its own names of this kind (compared ignoring case). */
  public List<String> reservedPrefixes() {
    return reservedPrefixes;
  }

  /** True when ECS accepts the name: length, characters and no reserved prefix. */
  public boolean isValid(String name) {
    return name != null && lengthFits(name) && charactersFit(name) && reservedPrefix(name) == null;
  }

  public boolean lengthFits(String name) {
    return name.length() >= minLength && name.length() <= maxLength;
  }

  public boolean charactersFit(String name) {
    return rules.pattern().matcher(name).matches();
  }

  /** The reserved prefix the name starts with, or null. */
  public String reservedPrefix(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    for (String prefix : reservedPrefixes) {
      if (lower.startsWith(prefix)) {
        return prefix;
      }
    }
    return null;
  }

  /** {@code 1–255 letters, digits, `_` or `-`}. */
  public String describe() {
    return (minLength == maxLength ? String.valueOf(maxLength) : minLength + "–" + maxLength) + " " + rules.words();
  }
}
