package io.ecsl.ast;

import io.ecsl.source.Span;

/** A call argument, positional ({@code name == null}) or named. */
public record Arg(Span span, Ident name, Expr value) implements Node {}
