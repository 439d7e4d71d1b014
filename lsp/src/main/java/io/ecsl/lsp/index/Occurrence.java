package io.ecsl.lsp.index;

import io.ecsl.source.Span;

/**
 * A name in the source and the symbol it refers to (or, for a definition, defines).
 *
 * @param span the name as written
 * @param symbol what it refers to
 * @param definition whether this is where the symbol is defined
 */
public record Occurrence(Span span, Symbol symbol, boolean definition) {}
