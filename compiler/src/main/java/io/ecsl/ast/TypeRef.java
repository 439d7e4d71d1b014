package io.ecsl.ast;

import io.ecsl.source.Span;

/** A written type: {@code string}, {@code memory}, {@code list(string)}, {@code [int]}, {@code map(string)}. */
public record TypeRef(Span span, String name, TypeRef element) implements Node {
  @Override
  public String toString() {
    return element == null ? name : name + "(" + element + ")";
  }
}
