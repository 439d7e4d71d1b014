package io.ecsl.parse;

import io.ecsl.ast.StringPart;
import io.ecsl.source.Span;
import java.util.ArrayList;
import java.util.List;

/**
 * Multi-line strings behave like Java text blocks: the text starts on the line after the opening
 * {@code """}, the indentation common to all non-blank lines and the closing delimiter's line is
 * removed, and the newline before the closing {@code """} is dropped. So
 *
 * <pre>
 *   command = """
 *     set -e
 *     exec app
 *     """
 * </pre>
 *
 * is {@code "set -e\nexec app"}.
 */
final class MultiLineStrings {
  private MultiLineStrings() {}

  /** Raw text, an escape (already decoded, never dedented) or an interpolation. */
  record Piece(String text, boolean escaped, StringPart.Interpolation interpolation, Span span) {
    static Piece text(String t, Span s) {
      return new Piece(t, false, null, s);
    }

    static Piece escaped(String t, Span s) {
      return new Piece(t, true, null, s);
    }

    static Piece interpolation(StringPart.Interpolation i) {
      return new Piece(null, false, i, i.span());
    }
  }

  static List<StringPart> dedent(List<Piece> pieces, Span whole) {
    // Work line by line over a flat list of "cells": characters of raw text, or opaque cells
    // (escapes and interpolations) that count as content.
    List<List<Object>> lines = new ArrayList<>();
    List<Object> current = new ArrayList<>();
    lines.add(current);
    for (Piece p : pieces) {
      if (p.interpolation() != null || p.escaped()) {
        current.add(p);
        continue;
      }
      for (char ch : p.text().toCharArray()) {
        if (ch == '\r') {
          continue;
        }
        if (ch == '\n') {
          current = new ArrayList<>();
          lines.add(current);
        } else {
          current.add(ch);
        }
      }
    }
    // The opening line holds nothing but whitespace (text starts on the next line).
    if (lines.size() > 1 && isBlank(lines.get(0))) {
      lines.remove(0);
    }
    List<Object> closingLine = lines.get(lines.size() - 1);
    boolean closingOnOwnLine = lines.size() > 1 && isBlank(closingLine);
    int indent = Integer.MAX_VALUE;
    for (int i = 0; i < lines.size(); i++) {
      List<Object> line = lines.get(i);
      boolean last = i == lines.size() - 1;
      if (isBlank(line) && !(last && closingOnOwnLine)) {
        continue;
      }
      indent = Math.min(indent, leadingWhitespace(line));
    }
    if (indent == Integer.MAX_VALUE) {
      indent = 0;
    }
    if (closingOnOwnLine) {
      lines.remove(lines.size() - 1);
    }
    List<StringPart> parts = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < lines.size(); i++) {
      List<Object> line = lines.get(i);
      int skip = Math.min(indent, leadingWhitespace(line));
      int end = line.size();
      while (end > skip && line.get(end - 1) instanceof Character c && (c == ' ' || c == '\t')) {
        end--; // trailing spaces are invisible in source; drop them as text blocks do
      }
      for (int j = skip; j < end; j++) {
        Object cell = line.get(j);
        if (cell instanceof Character c) {
          text.append(c);
        } else {
          Piece p = (Piece) cell;
          if (p.escaped()) {
            text.append(p.text());
          } else {
            if (!text.isEmpty()) {
              parts.add(new StringPart.Text(whole, text.toString()));
              text.setLength(0);
            }
            parts.add(p.interpolation());
          }
        }
      }
      if (i < lines.size() - 1) {
        text.append('\n');
      }
    }
    if (!text.isEmpty()) {
      parts.add(new StringPart.Text(whole, text.toString()));
    }
    return parts;
  }

  private static boolean isBlank(List<Object> line) {
    for (Object cell : line) {
      if (!(cell instanceof Character c) || !(c == ' ' || c == '\t')) {
        return false;
      }
    }
    return true;
  }

  private static int leadingWhitespace(List<Object> line) {
    int n = 0;
    while (n < line.size() && line.get(n) instanceof Character c && (c == ' ' || c == '\t')) {
      n++;
    }
    return n;
  }
}
