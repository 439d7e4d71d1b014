package io.ecsl.emit.cfn;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Logical ids for a template: CloudFormation allows only letters and digits, so
 * {@code service prod/web-api} becomes {@code ServiceProdWebApi}. Names that collapse to the same
 * id ({@code web-api} and {@code web_api}) get a numeric suffix, in declaration order, so the ids
 * are stable from one build to the next.
 */
final class LogicalIds {
  /** CloudFormation's limit is 255; leave room for a suffix. */
  private static final int MAX = 240;

  private final Set<String> used = new HashSet<>();

  /** A fresh id: the prefix followed by each name in PascalCase. */
  String allocate(String prefix, String... names) {
    StringBuilder sb = new StringBuilder(prefix);
    for (String name : names) {
      appendPascal(sb, name);
    }
    String base = sb.length() > MAX ? sb.substring(0, MAX) : sb.toString();
    String id = base;
    for (int n = 2; !used.add(id.toLowerCase(Locale.ROOT)); n++) {
      id = base + n;
    }
    return id;
  }

  private static void appendPascal(StringBuilder sb, String name) {
    boolean upper = true;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c < 128 && Character.isLetterOrDigit(c)) {
        sb.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      } else {
        upper = true;
      }
    }
  }
}
