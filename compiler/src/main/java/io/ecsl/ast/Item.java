package io.ecsl.ast;

import io.ecsl.source.Span;
import java.util.List;

/**
 * The statements of a file, a block body or an object literal. Like every AST record they copy
 * the lists they are given: a tree, once built, does not change under its readers.
 */
public sealed interface Item extends Node {

  /** {@code import "./common.ecs" as common}; alias may be null (defaults to the file name). */
  record Import(Span span, Expr.StringLit path, Ident alias) implements Item {}

  record Let(Span span, Ident name, TypeRef type, Expr value) implements Item {}

  /** An input set with {@code --var}: {@code var image_tag: string = "1.4.2"}. */
  record Var(Span span, Ident name, TypeRef type, Expr defaultValue) implements Item {}

  /**
   * {@code template name(params) { body }} or {@code template name(params) = expr}. Exactly one of
   * {@code body} and {@code value} is non-null.
   */
  record Template(Span span, Ident name, List<Param> params, TypeRef result, List<Item> body, Expr value)
      implements Item {
    public Template {
      params = List.copyOf(params);
      body = body == null ? null : List.copyOf(body);
    }
  }

  /** {@code for x in xs { … }} or {@code for k, v in m { … }} ({@code key} null in the first form). */
  record For(Span span, Ident key, Ident value, Expr iterable, List<Item> body) implements Item {
    public For {
      body = List.copyOf(body);
    }
  }

  /** {@code if c { … } else { … }}; an {@code else if} is an If alone in {@code otherwise}. */
  record If(Span span, Expr condition, List<Item> then, List<Item> otherwise) implements Item {
    public If {
      then = List.copyOf(then);
      otherwise = otherwise == null ? null : List.copyOf(otherwise);
    }
  }

  /** {@code ...expr}: splice an object's entries into the enclosing body. */
  record Spread(Span span, Expr value) implements Item {}

  /**
   * The one general form: {@code key label* (in expr)? (= value)? body?}.
   *
   * <ul>
   *   <li>{@code cpu = 256}: key, value
   *   <li>{@code port http = 8080/tcp}: key, label, value
   *   <li>{@code service web in prod { … }}: key, label, in, body
   *   <li>{@code container log = sidecar() { cpu = 64 }}: key, label, value, body (refinement)
   *   <li>{@code secret DB from "arn:…"}: key, label, value, {@code fromForm}
   * </ul>
   */
  record Entry(
      Span span,
      Key key,
      List<Label> labels,
      Expr in,
      Expr value,
      List<Item> body,
      boolean fromForm,
      Span bodySpan)
      implements Item {
    public Entry {
      labels = List.copyOf(labels);
      body = body == null ? null : List.copyOf(body);
    }

    public boolean isBlock() {
      return body != null;
    }
  }

  /** A bare expression statement; only template calls are meaningful here. */
  record ExprStatement(Span span, Expr expr) implements Item {}

  /** An entry key: a name or a (possibly interpolated) string such as {@code "awslogs-group"}. */
  record Key(Span span, Ident ident, Expr.StringLit string) implements Node {
    /** The key text when it is constant, else null. */
    public String constant() {
      return ident != null ? ident.name() : string.constant();
    }
  }

  /** A block label: {@code app} in {@code container app}, or a string such as {@code "${name}-worker"}. */
  record Label(Span span, Ident ident, Expr.StringLit string) implements Node {
    public String constant() {
      return ident != null ? ident.name() : string.constant();
    }
  }
}
