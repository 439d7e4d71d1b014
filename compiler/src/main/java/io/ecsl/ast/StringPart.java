package io.ecsl.ast;

import io.ecsl.source.Span;

/** A piece of a string literal: literal text (escapes already decoded) or a {@code ${…}} interpolation. */
public sealed interface StringPart extends Node {

  record Text(Span span, String text) implements StringPart {}

  record Interpolation(Span span, Expr expr) implements StringPart {}
}
