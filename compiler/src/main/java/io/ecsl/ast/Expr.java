package io.ecsl.ast;

import io.ecsl.source.Span;
import java.math.BigDecimal;
import java.util.List;

/**
 * Expressions. Evaluation lives in {@code io.ecsl.eval}; these are plain immutable data (lists
 * are copied on construction).
 */
public sealed interface Expr extends Node {

  record IntLit(Span span, long value) implements Expr {}

  record DecimalLit(Span span, BigDecimal value) implements Expr {
    /** Digits a number may have before, and after, the decimal point: far beyond any ECS setting. */
    public static final int MAX_DIGITS = 100;
  }

  /** {@code 512 MiB}, {@code 0.5 vcpu}, {@code 30s}, {@code 50%}: amount and unit as written. */
  record QuantityLit(Span span, Amount amount, String unit) implements Expr {}

  /** {@code 8080/tcp} or the range {@code 8000-8010/tcp} ({@code to} is 0 for a single port). */
  record PortLit(Span span, int from, int to, String protocol) implements Expr {}

  record BoolLit(Span span, boolean value) implements Expr {}

  record NullLit(Span span) implements Expr {}

  /** A string; {@code multiLine} only matters to the formatter. */
  record StringLit(Span span, List<StringPart> parts, boolean multiLine) implements Expr {
    public StringLit {
      parts = List.copyOf(parts);
    }

    /** The text when there is no interpolation, else null. */
    public String constant() {
      StringBuilder sb = new StringBuilder();
      for (StringPart p : parts) {
        if (p instanceof StringPart.Text t) {
          sb.append(t.text());
        } else {
          return null;
        }
      }
      return sb.toString();
    }
  }

  record Name(Span span, Ident ident) implements Expr {}

  record Member(Span span, Expr target, Ident member) implements Expr {}

  record Index(Span span, Expr target, Expr index) implements Expr {}

  record Call(Span span, Expr callee, List<Arg> args) implements Expr {
    public Call {
      args = List.copyOf(args);
    }
  }

  record Unary(Span span, Operator op, Expr operand) implements Expr {}

  record Binary(Span span, Operator op, Expr left, Expr right) implements Expr {}

  record Conditional(Span span, Expr condition, Expr ifTrue, Expr ifFalse) implements Expr {}

  record ListLit(Span span, List<Expr> elements) implements Expr {
    public ListLit {
      elements = List.copyOf(elements);
    }
  }

  /** {@code FARGATE base 1 weight 3} inside a list: a capacity provider strategy item. */
  record StrategyItem(Span span, Expr provider, Expr base, Expr weight) implements Expr {}

  /** {@code [for k, v in xs: body if cond]}; {@code key} is null for the one-variable form. */
  record ListComprehension(Span span, Ident key, Ident value, Expr iterable, Expr body, Expr condition)
      implements Expr {}

  /** {@code { items }}: the same item syntax as block bodies. */
  record ObjectLit(Span span, List<Item> items) implements Expr {
    public ObjectLit {
      items = List.copyOf(items);
    }
  }
}
