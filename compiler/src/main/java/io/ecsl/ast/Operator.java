package io.ecsl.ast;

/**
 * The operators of expressions and how tightly each binds. The grammar (the alternatives of
 * {@code expr} in EcslParser.g4, tightest first) decides how text is grouped; this enum says the
 * same for everything after the parser: the parser maps each token onto it, the evaluator
 * dispatches on it, and the formatter asks it where parentheses are needed. OperatorTest parses
 * every pair of operators to check the two orders agree.
 */
public enum Operator {
  OR("||", "or", 1),
  AND("&&", "and", 2),
  EQ("==", null, 3),
  NE("!=", null, 3),
  LT("<", null, 4),
  LE("<=", null, 4),
  GT(">", null, 4),
  GE(">=", null, 4),
  ADD("+", null, 5),
  SUB("-", null, 5),
  MUL("*", null, 6),
  DIV("/", null, 6),
  MOD("%", null, 6),
  NOT("!", "not", 7),
  NEG("-", null, 7);

  /** Member access, indexing and calls ({@code a.b}, {@code a[i]}, {@code f(x)}) bind tighter than any operator. */
  public static final int POSTFIX = 8;

  private final String symbol;
  private final String word;
  private final int precedence;

  Operator(String symbol, String word, int precedence) {
    this.symbol = symbol;
    this.word = word;
    this.precedence = precedence;
  }

  /** How the formatter writes it: {@code &&}, never {@code and}. */
  public String symbol() {
    return symbol;
  }

  /** Higher binds tighter; binary operators of one level group from the left. */
  public int precedence() {
    return precedence;
  }

  public boolean isUnary() {
    return this == NOT || this == NEG;
  }

  /** The binary operator written {@code text} ({@code +}, {@code and}, …). */
  public static Operator binary(String text) {
    return find(text, false);
  }

  /** The prefix operator written {@code text} ({@code -}, {@code !}, {@code not}). */
  public static Operator unary(String text) {
    return find(text, true);
  }

  private static Operator find(String text, boolean unary) {
    for (Operator op : values()) {
      if (op.isUnary() == unary && (op.symbol.equals(text) || text.equals(op.word))) {
        return op;
      }
    }
    throw new IllegalArgumentException("not a" + (unary ? " prefix" : " binary") + " operator: " + text);
  }
}
