package io.ecsl.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A syntax check of ECS's cluster query language, the {@code expression} of a {@code memberOf}
 * placement constraint: {@code subject operator [argument]} joined by {@code and}/{@code or}
 * ({@code &&}/{@code ||}), negated by {@code not}/{@code !}, grouped by parentheses. An expression
 * ECS cannot parse leaves tasks unplaceable, so it is better caught here.
 */
public final class ClusterQuery {
  private static final Set<String> SUBJECTS = Set.of("agentconnected", "agentversion", "ec2instanceid", "registeredat",
      "runningtaskscount", "task:group");
  private static final Set<String> BINARY = Set.of("==", "equals", "!=", "not_equals", ">", "greater_than", ">=",
      "greater_than_equal", "<", "less_than", "<=", "less_than_equal", "in", "!in", "not_in", "=~", "matches", "!~",
      "not_matches");
  private static final Set<String> UNARY = Set.of("exists", "!exists", "not_exists");
  static final String OPERATORS = "==, !=, >, >=, <, <=, in, !in, =~, !~, exists, !exists";

  private final List<String> tokens;
  private int pos;

  private ClusterQuery(List<String> tokens) {
    this.tokens = tokens;
  }

  /** Null when the expression parses, else what is wrong with it. */
  public static String problem(String expression) {
    if (expression == null || expression.isBlank()) {
      return "it is empty";
    }
    List<String> tokens;
    try {
      tokens = tokenize(expression);
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
    ClusterQuery q = new ClusterQuery(tokens);
    try {
      q.or();
      if (q.pos < tokens.size()) {
        return "unexpected `" + tokens.get(q.pos) + "`";
      }
      return null;
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
  }

  private void or() {
    and();
    while (peekIs("||", "or")) {
      pos++;
      and();
    }
  }

  private void and() {
    unary();
    while (peekIs("&&", "and")) {
      pos++;
      unary();
    }
  }

  private void unary() {
    if (peekIs("!", "not")) {
      pos++;
      unary();
      return;
    }
    if (peekIs("(")) {
      pos++;
      or();
      expect(")");
      return;
    }
    simple();
  }

  private void simple() {
    String subject = next("a subject such as `attribute:ecs.instance-type`");
    String lower = subject.toLowerCase(Locale.ROOT);
    if (lower.startsWith("attribute:")) {
      String attr = subject.substring("attribute:".length());
      if (!attr.matches("[A-Za-z0-9_./\\\\-]{1,128}")) {
        throw new IllegalArgumentException("`" + subject + "` is not a valid attribute name");
      }
    } else if (!SUBJECTS.contains(lower)) {
      throw new IllegalArgumentException("unknown subject `" + subject + "`; subjects are attribute:NAME, agentConnected, "
          + "agentVersion, ec2InstanceId, registeredAt, runningTasksCount and task:group");
    }
    String op = next("an operator after `" + subject + "`");
    String opLower = op.toLowerCase(Locale.ROOT);
    if (UNARY.contains(opLower)) {
      return;
    }
    if (!BINARY.contains(opLower)) {
      throw new IllegalArgumentException("unknown operator `" + op + "`");
    }
    if (peekIs("[")) {
      pos++;
      next("a value in the list");
      while (peekIs(",")) {
        pos++;
        next("a value in the list");
      }
      expect("]");
      return;
    }
    String value = next("a value after `" + op + "`");
    if (Set.of("(", ")", "]", ",", "&&", "||").contains(value)) {
      throw new IllegalArgumentException("missing the value after `" + op + "`");
    }
  }

  private boolean peekIs(String... options) {
    if (pos >= tokens.size()) {
      return false;
    }
    String t = tokens.get(pos).toLowerCase(Locale.ROOT);
    for (String o : options) {
      if (t.equals(o)) {
        return true;
      }
    }
    return false;
  }

  private String next(String what) {
    if (pos >= tokens.size()) {
      throw new IllegalArgumentException("it ends where " + what + " is expected");
    }
    return tokens.get(pos++);
  }

  private void expect(String token) {
    if (!peekIs(token)) {
      throw new IllegalArgumentException("missing `" + token + "`");
    }
    pos++;
  }

  private static List<String> tokenize(String s) {
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if ("()[],".indexOf(c) >= 0) {
        out.add(String.valueOf(c));
        i++;
      } else if (c == '\'' || c == '"') {
        int end = s.indexOf(c, i + 1);
        if (end < 0) {
          throw new IllegalArgumentException("a quote is not closed");
        }
        out.add(s.substring(i, end + 1));
        i = end + 1;
      } else if ("=!<>&|~".indexOf(c) >= 0) {
        int j = i;
        while (j < s.length() && "=!<>&|~".indexOf(s.charAt(j)) >= 0) {
          j++;
        }
        String op = s.substring(i, j);
        // `!exists` and `!in` are operators written with a word
        if (op.equals("!") && j < s.length() && Character.isLetter(s.charAt(j))) {
          int k = j;
          while (k < s.length() && Character.isLetter(s.charAt(k))) {
            k++;
          }
          String word = s.substring(j, k).toLowerCase(Locale.ROOT);
          if (word.equals("exists") || word.equals("in")) {
            out.add("!" + word);
            i = k;
            continue;
          }
        }
        out.add(op);
        i = j;
      } else {
        int j = i;
        while (j < s.length() && !Character.isWhitespace(s.charAt(j)) && "()[],=!<>&|~".indexOf(s.charAt(j)) < 0) {
          j++;
        }
        out.add(s.substring(i, j));
        i = j;
      }
    }
    return out;
  }
}
