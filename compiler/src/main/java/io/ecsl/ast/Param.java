package io.ecsl.ast;

import io.ecsl.source.Span;

/** A template parameter: {@code group: string = "/ecs/app"}. Type and default are optional. */
public record Param(Span span, Ident name, TypeRef type, Expr defaultValue) implements Node {}
