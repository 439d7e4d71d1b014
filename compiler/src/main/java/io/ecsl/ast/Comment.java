package io.ecsl.ast;

import io.ecsl.source.Span;

/**
 * A comment as written ({@code # …}, {@code // …} or {@code /* … *}{@code /}, trailing blanks
 * removed). Comments mean nothing to the compiler; the parser hands them over with each file for
 * the formatter and editors, so nothing else has to read the text again.
 */
public record Comment(Span span, String text) implements Node {}
