package io.ecsl.importer;

import io.ecsl.ast.Amount;
import io.ecsl.ast.Expr;
import io.ecsl.ast.Operator;
import io.ecsl.ast.Ident;
import io.ecsl.ast.Item;
import io.ecsl.ast.StringPart;
import io.ecsl.fmt.Formatter;
import io.ecsl.source.Span;
import java.math.BigDecimal;
import java.util.List;

/** Small constructors for AST nodes built in memory (no source, so every span is {@link Span#NONE}). */
final class Ast {
  private static final Span NONE = Span.NONE;

  private Ast() {}

  /** True when {@code text} can be written bare (a name, not a keyword). */
  static boolean isName(String text) {
    return !text.isEmpty() && !Formatter.keyText(text).startsWith("\"");
  }

  static Item.Key key(String text) {
    return isName(text) ? new Item.Key(NONE, new Ident(NONE, text), null) : new Item.Key(NONE, null, str(text));
  }

  static Item.Label label(String text) {
    return isName(text) ? new Item.Label(NONE, new Ident(NONE, text), null) : new Item.Label(NONE, null, str(text));
  }

  /** {@code key = value}. */
  static Item.Entry attr(String key, Expr value) {
    return new Item.Entry(NONE, key(key), List.of(), null, value, null, false, NONE);
  }

  /** {@code key { body }}. */
  static Item.Entry block(String key, List<Item> body) {
    return new Item.Entry(NONE, key(key), List.of(), null, null, body, false, NONE);
  }

  /** {@code key label (= value)? ({ body })?}; value and body may be null. */
  static Item.Entry labelled(String key, String label, Expr value, List<Item> body) {
    return new Item.Entry(NONE, key(key), List.of(label(label)), null, value, body, false, NONE);
  }

  /** {@code key (= value)? { body }} without a label; value and body may be null. */
  static Item.Entry entry(String key, Expr value, List<Item> body) {
    return new Item.Entry(NONE, key(key), List.of(), null, value, body, false, NONE);
  }

  /** {@code key label from value}. */
  static Item.Entry from(String key, String label, Expr value) {
    return new Item.Entry(NONE, key(key), List.of(label(label)), null, value, null, true, NONE);
  }

  /** {@code key label in cluster { body }}. */
  static Item.Entry declaration(String keyword, String label, Expr in, List<Item> body) {
    return new Item.Entry(NONE, key(keyword), List.of(label(label)), in, null, body, false, NONE);
  }

  static Expr.StringLit str(String text) {
    return new Expr.StringLit(NONE, List.of(new StringPart.Text(NONE, text)), false);
  }

  static Expr integer(long value) {
    return value < 0 ? new Expr.Unary(NONE, Operator.NEG, new Expr.IntLit(NONE, -value)) : new Expr.IntLit(NONE, value);
  }

  static Expr decimal(BigDecimal value) {
    if (value.signum() < 0) {
      return new Expr.Unary(NONE, Operator.NEG, decimal(value.negate()));
    }
    BigDecimal plain = value.stripTrailingZeros();
    if (plain.scale() <= 0) {
      return new Expr.IntLit(NONE, plain.longValueExact());
    }
    return new Expr.DecimalLit(NONE, plain);
  }

  static Expr bool(boolean value) {
    return new Expr.BoolLit(NONE, value);
  }

  static Expr name(String name) {
    return new Expr.Name(NONE, new Ident(NONE, name));
  }

  /** {@code a.b}, e.g. {@code app.http}. */
  static Expr member(String target, String member) {
    return new Expr.Member(NONE, name(target), new Ident(NONE, member));
  }

  static Expr list(List<Expr> elements) {
    return new Expr.ListLit(NONE, elements);
  }

  static Expr object(List<Item> items) {
    return new Expr.ObjectLit(NONE, items);
  }

  static Expr quantity(BigDecimal amount, String unit) {
    return new Expr.QuantityLit(NONE, Amount.of(amount.stripTrailingZeros().scale() < 0 ? amount.setScale(0) : amount.stripTrailingZeros()), unit);
  }

  static Expr port(int from, int to, String protocol) {
    return new Expr.PortLit(NONE, from, to, protocol);
  }

  static Expr strategyItem(Expr provider, Expr base, Expr weight) {
    return new Expr.StrategyItem(NONE, provider, base, weight);
  }
}
