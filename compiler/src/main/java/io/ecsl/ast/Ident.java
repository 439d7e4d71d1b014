package io.ecsl.ast;

import io.ecsl.source.Span;

/** A name as written, e.g. {@code prod} or {@code log-router}. */
public record Ident(Span span, String name) implements Node {
  @Override
  public String toString() {
    return name;
  }
}
