package io.ecsl.facts.query;

import io.ecsl.facts.limits.EcsName;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Recursive descent over the expression text; tokens are read where the grammar expects them, so
 * a value may hold characters that elsewhere are operators ({@code g2.*}, {@code service:web},
 * {@code 2018-06-18T22:28:28+00:00}, a regular expression with balanced parentheses).
 *
 * <pre>
 * query     = or
 * or        = and { ("||" | "or") and }
 * and       = unary { ("&amp;&amp;" | "and") unary }
 * unary     = ("!" | "not") unary | "(" or ")" | condition
 * condition = subject operator [ value | "[" value { "," value } "]" ]
 * </pre>
 *
 * Keywords and operator words are read in any case; {@code not} binds tighter than {@code and},
 * which binds tighter than {@code or}.
 */
final class Parser {
  private static final String WORD_PUNCTUATION = "_.:/\\-@";

  private final String text;
  private int pos;

  private Parser(String text) {
    this.text = text;
  }

  static Expression parse(String text) {
    if (text == null || text.isBlank()) {
      throw new ClusterQuerySyntaxError("it is empty", 0, text == null ? 0 : text.length());
    }
    Parser p = new Parser(text);
    Expression e = p.or();
    p.skipSpace();
    if (p.pos < text.length()) {
      int end = p.tokenEnd();
      String found = text.substring(p.pos, end);
      throw new ClusterQuerySyntaxError("unexpected `" + found + "`" + (found.equals(")") ? " with no `(` to close"
          : p.atOperatorChar() ? "" : "; join conditions with `and` or `or`"), p.pos, end);
    }
    return e;
  }

  private Expression or() {
    List<Expression> operands = new ArrayList<>();
    operands.add(and());
    while (connective("||", "or")) {
      operands.add(and());
    }
    return operands.size() == 1 ? operands.get(0)
        : new Expression.Or(operands, operands.get(0).start(), operands.get(operands.size() - 1).end());
  }

  private Expression and() {
    List<Expression> operands = new ArrayList<>();
    operands.add(unary());
    while (connective("&&", "and")) {
      operands.add(unary());
    }
    return operands.size() == 1 ? operands.get(0)
        : new Expression.And(operands, operands.get(0).start(), operands.get(operands.size() - 1).end());
  }

  private Expression unary() {
    skipSpace();
    int start = pos;
    if (at("!") && !at("!=") && !at("!~")) {
      pos++;
      Expression operand = unary();
      return new Expression.Not(operand, start, operand.end());
    }
    if (atWord("not")) {
      pos += 3;
      Expression operand = unary();
      return new Expression.Not(operand, start, operand.end());
    }
    if (at("(")) {
      pos++;
      Expression inner = or();
      skipSpace();
      if (!at(")")) {
        throw new ClusterQuerySyntaxError("missing `)`", pos, tokenEnd());
      }
      pos++;
      return inner;
    }
    return condition();
  }

  private Condition condition() {
    skipSpace();
    int start = pos;
    if (pos >= text.length()) {
      throw new ClusterQuerySyntaxError("it ends where a subject such as `attribute:ecs.instance-type` is expected", pos, pos);
    }
    String word = word();
    if (word.isEmpty()) {
      int end = tokenEnd();
      throw new ClusterQuerySyntaxError("unexpected `" + text.substring(pos, end) + "` where a subject such as "
          + "`attribute:ecs.instance-type` is expected", pos, end);
    }
    Subject subject;
    String attribute = null;
    if (word.toLowerCase(Locale.ROOT).startsWith("attribute:")) {
      subject = Subject.ATTRIBUTE;
      attribute = word.substring("attribute:".length());
      if (!EcsName.ATTRIBUTE_NAME.isValid(attribute)) {
        throw new ClusterQuerySyntaxError("`" + word + "` is not a valid attribute name (" + EcsName.ATTRIBUTE_NAME.describe()
            + ")", start, pos);
      }
    } else {
      subject = Subject.named(word).orElseThrow(() -> unknownSubject(word, start));
    }
    int operatorStart = skipSpace();
    Operator operator = operator(word);
    if (!subject.operators().contains(operator)) {
      throw new ClusterQuerySyntaxError("`" + subject.written() + (subject == Subject.ATTRIBUTE ? attribute : "")
          + "` cannot be compared with `" + operator.symbol() + "`; its operators are "
          + String.join(", ", subject.operators().stream().map(Operator::symbol).toList()), operatorStart, pos);
    }
    List<Argument> arguments = switch (operator.arity()) {
      case NONE -> List.of();
      case ONE -> List.of(single(operator));
      case LIST -> list(operator);
    };
    int end = arguments.isEmpty() ? pos : arguments.get(arguments.size() - 1).end();
    return new Condition(subject, attribute, operator, operatorStart, arguments, start, end);
  }

  private ClusterQuerySyntaxError unknownSubject(String word, int start) {
    String lower = word.toLowerCase(Locale.ROOT);
    String hint = lower.contains("instancetype") ? "; the instance type is `attribute:ecs.instance-type`"
        : lower.contains("zone") ? "; the Availability Zone is `attribute:ecs.availability-zone`" : "";
    return new ClusterQuerySyntaxError("unknown subject `" + word + "`; subjects are " + Subject.list() + hint, start, pos);
  }

  private Operator operator(String subject) {
    int start = pos;
    if (pos >= text.length()) {
      throw new ClusterQuerySyntaxError("it ends where an operator after `" + subject + "` is expected", pos, pos);
    }
    if ("=!<>~".indexOf(text.charAt(pos)) >= 0) {
      while (pos < text.length() && "=!<>~".indexOf(text.charAt(pos)) >= 0) {
        pos++;
      }
      if (text.substring(start, pos).equals("!")) {
        while (pos < text.length() && Character.isLetter(text.charAt(pos))) {
          pos++; // !in, !exists
        }
      }
    } else {
      while (pos < text.length() && (Character.isLetter(text.charAt(pos)) || text.charAt(pos) == '_')) {
        pos++;
      }
    }
    if (pos == start) {
      int end = tokenEnd();
      throw new ClusterQuerySyntaxError("unexpected `" + text.substring(start, end) + "` where an operator after `"
          + subject + "` is expected", start, end);
    }
    String written = text.substring(start, pos);
    return Operator.of(written).orElseThrow(() -> new ClusterQuerySyntaxError("unknown operator `" + written + "`", start, pos));
  }

  private Argument single(Operator operator) {
    skipSpace();
    if (pos >= text.length()) {
      throw new ClusterQuerySyntaxError("it ends where a value after `" + operator.symbol() + "` is expected", pos, pos);
    }
    if (at("[")) {
      throw new ClusterQuerySyntaxError("`" + operator.symbol() + "` compares with one value, not a list; a list goes with"
          + " `in` or `!in`", pos, pos + 1);
    }
    if (at(")") || at(",") || at("]") || at("&&") || at("||")) {
      throw new ClusterQuerySyntaxError("missing the value after `" + operator.symbol() + "`", pos, pos + 1);
    }
    return value(false);
  }

  private List<Argument> list(Operator operator) {
    skipSpace();
    if (!at("[")) {
      int end = pos >= text.length() ? pos : tokenEnd();
      throw new ClusterQuerySyntaxError("`" + operator.symbol() + "` takes a list such as `[us-east-1a, us-east-1b]`",
          pos, end);
    }
    pos++;
    List<Argument> items = new ArrayList<>();
    while (true) {
      skipSpace();
      if (pos >= text.length()) {
        throw new ClusterQuerySyntaxError("missing `]`", pos, pos);
      }
      if (at("]") || at(",")) {
        throw new ClusterQuerySyntaxError(items.isEmpty() && at("]") ? "the list is empty; give at least one value"
            : "missing a value in the list", pos, pos + 1);
      }
      items.add(value(true));
      skipSpace();
      if (at(",")) {
        pos++;
      } else if (at("]")) {
        pos++;
        return items;
      } else if (pos >= text.length()) {
        throw new ClusterQuerySyntaxError("missing `]`", pos, pos);
      } else {
        int end = tokenEnd();
        throw new ClusterQuerySyntaxError("unexpected `" + text.substring(pos, end) + "` in the list; separate values"
            + " with `,` and close it with `]`", pos, end);
      }
    }
  }

  /**
   * A quoted value, or the characters up to a space, a connective, an unmatched {@code )} or (in
   * a list) a {@code ,} or {@code ]}; parentheses and brackets that match inside it belong to it.
   */
  private Argument value(boolean inList) {
    int start = pos;
    char c = text.charAt(pos);
    if (c == '\'' || c == '"') {
      int close = text.indexOf(c, pos + 1);
      if (close < 0) {
        throw new ClusterQuerySyntaxError("a quote is not closed", pos, text.length());
      }
      pos = close + 1;
      return new Argument(text.substring(start + 1, close), true, start, pos);
    }
    int parens = 0;
    int brackets = 0;
    while (pos < text.length()) {
      char ch = text.charAt(pos);
      if (Character.isWhitespace(ch) || at("&&") || at("||")
          || ch == ')' && parens == 0 || inList && brackets == 0 && (ch == ',' || ch == ']')) {
        break;
      }
      parens += ch == '(' ? 1 : ch == ')' ? -1 : 0;
      brackets += ch == '[' ? 1 : ch == ']' && brackets > 0 ? -1 : 0;
      pos++;
    }
    return new Argument(text.substring(start, pos), false, start, pos);
  }

  /** Consumes {@code symbol} or {@code word} (as a whole word) when next. */
  private boolean connective(String symbol, String word) {
    skipSpace();
    if (at(symbol)) {
      pos += symbol.length();
      return true;
    }
    if (atWord(word)) {
      pos += word.length();
      return true;
    }
    return false;
  }

  /** A run of subject characters: letters, digits and {@code _ . : / \ - @}. */
  private String word() {
    int start = pos;
    while (pos < text.length() && isWordChar(text.charAt(pos))) {
      pos++;
    }
    return text.substring(start, pos);
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || WORD_PUNCTUATION.indexOf(c) >= 0;
  }

  private boolean at(String s) {
    return text.startsWith(s, pos);
  }

  /** The keyword {@code word} (any case) stands next, not as the start of a longer word. */
  private boolean atWord(String word) {
    int end = pos + word.length();
    return text.regionMatches(true, pos, word, 0, word.length())
        && (end >= text.length() || !isWordChar(text.charAt(end)));
  }

  private boolean atOperatorChar() {
    return "=!<>~".indexOf(text.charAt(pos)) >= 0;
  }

  /** The end of the token at {@code pos}, for error spans: a word, else one character. */
  private int tokenEnd() {
    int end = pos;
    while (end < text.length() && isWordChar(text.charAt(end))) {
      end++;
    }
    return end == pos ? Math.min(pos + 1, text.length()) : end;
  }

  /** Skips white space; returns the position after it. */
  private int skipSpace() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
    return pos;
  }
}
