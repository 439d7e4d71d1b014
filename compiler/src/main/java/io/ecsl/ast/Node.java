package io.ecsl.ast;

import io.ecsl.source.Span;

/** Every AST node knows where it came from. */
public interface Node {
  Span span();
}
