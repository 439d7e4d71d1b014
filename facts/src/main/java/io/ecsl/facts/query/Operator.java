package io.ecsl.facts.query;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The comparison operators of the cluster query language (ecs-semantics §3.5), each with its
 * symbol and its word form ({@code ==} / {@code equals}). A negated operator is true exactly when
 * its positive form is false.
 */
public enum Operator {
  EQUALS("==", "equals", Arity.ONE),
  NOT_EQUALS("!=", "not_equals", Arity.ONE),
  GREATER_THAN(">", "greater_than", Arity.ONE),
  GREATER_THAN_EQUAL(">=", "greater_than_equal", Arity.ONE),
  LESS_THAN("<", "less_than", Arity.ONE),
  LESS_THAN_EQUAL("<=", "less_than_equal", Arity.ONE),
  IN("in", "in", Arity.LIST),
  NOT_IN("!in", "not_in", Arity.LIST),
  MATCHES("=~", "matches", Arity.ONE),
  NOT_MATCHES("!~", "not_matches", Arity.ONE),
  EXISTS("exists", "exists", Arity.NONE),
  NOT_EXISTS("!exists", "not_exists", Arity.NONE);

  /** What follows the operator: nothing, one value, or a list {@code [a, b]}. */
  public enum Arity {
    NONE,
    ONE,
    LIST
  }

  private final String symbol;
  private final String word;
  private final Arity arity;

  Operator(String symbol, String word, Arity arity) {
    this.symbol = symbol;
    this.word = word;
    this.arity = arity;
  }

  /** {@code ==}, {@code !in}, {@code exists}. */
  public String symbol() {
    return symbol;
  }

  /** {@code equals}, {@code not_in}, {@code exists}. */
  public String word() {
    return word;
  }

  public Arity arity() {
    return arity;
  }

  /** True for {@code !=}, {@code !in}, {@code !~} and {@code !exists}. */
  public boolean negated() {
    return this == NOT_EQUALS || this == NOT_IN || this == NOT_MATCHES || this == NOT_EXISTS;
  }

  /** The positive form: {@code ==} for {@code !=}; itself when not negated. */
  public Operator positive() {
    return switch (this) {
      case NOT_EQUALS -> EQUALS;
      case NOT_IN -> IN;
      case NOT_MATCHES -> MATCHES;
      case NOT_EXISTS -> EXISTS;
      default -> this;
    };
  }

  /** True for {@code >}, {@code >=}, {@code <} and {@code <=}. */
  public boolean ordering() {
    return this == GREATER_THAN || this == GREATER_THAN_EQUAL || this == LESS_THAN || this == LESS_THAN_EQUAL;
  }

  /** The operator written as {@code text}, symbol or word (words in any case). */
  public static Optional<Operator> of(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    for (Operator op : values()) {
      if (op.symbol.equals(lower) || op.word.equals(lower)) {
        return Optional.of(op);
      }
    }
    return Optional.empty();
  }

  /** {@code ==, !=, >, >=, <, <=, in, !in, =~, !~, exists, !exists}. */
  public static String symbols() {
    return Arrays.stream(values()).map(Operator::symbol).collect(Collectors.joining(", "));
  }
}
