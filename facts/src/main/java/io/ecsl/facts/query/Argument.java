package io.ecsl.facts.query;

/**
 * A value a condition compares with, as written: {@code t2.small}, {@code 'i-abcd1234'} (text
 * without its quotes), at offsets [start, end) of the expression (quotes included).
 */
public record Argument(String text, boolean quoted, int start, int end) {}
