package io.ecsl.model;

import io.ecsl.source.Span;
import java.util.HashMap;
import java.util.Map;

/**
 * Where each field of an emitted API document came from, keyed by JSON pointer
 * ({@code /containerDefinitions/0/portMappings/1/hostPort}). Rules look up the pointer of the field
 * they complain about and get the nearest span that exists: the field, else its parent.
 */
public final class SpanIndex {
  private final Map<String, Span> spans = new HashMap<>();
  private final Span fallback;

  public SpanIndex(Span fallback) {
    this.fallback = fallback;
  }

  public void put(String pointer, Span span) {
    if (span != null && !span.isNone()) {
      spans.putIfAbsent(pointer, span);
    }
  }

  /** Replaces an existing entry (used when a later stage moves a value). */
  public void replace(String pointer, Span span) {
    if (span != null && !span.isNone()) {
      spans.put(pointer, span);
    }
  }

  /** The span of the field at {@code pointer}, or of its nearest ancestor, or the resource's. */
  public Span at(String pointer) {
    String p = pointer;
    while (true) {
      Span s = spans.get(p);
      if (s != null) {
        return s;
      }
      if (p.isEmpty()) {
        return fallback;
      }
      int slash = p.lastIndexOf('/');
      p = slash <= 0 ? "" : p.substring(0, slash);
    }
  }

  /** The span recorded for exactly this pointer, or null. */
  public Span exact(String pointer) {
    return spans.get(pointer);
  }

  public Span fallback() {
    return fallback;
  }

  /** Renumbers the spans under {@code listPointer} after its elements moved ({@code moves[old] = new}). */
  public void permute(String listPointer, int[] moves) {
    String prefix = listPointer + "/";
    Map<String, Span> moved = new HashMap<>();
    spans.entrySet().removeIf(e -> {
      String key = e.getKey();
      if (!key.startsWith(prefix)) {
        return false;
      }
      String rest = key.substring(prefix.length());
      int slash = rest.indexOf('/');
      String index = slash < 0 ? rest : rest.substring(0, slash);
      int old;
      try {
        old = Integer.parseInt(index);
      } catch (NumberFormatException ex) {
        return false;
      }
      if (old < 0 || old >= moves.length) {
        return false;
      }
      moved.put(prefix + moves[old] + (slash < 0 ? "" : rest.substring(slash)), e.getValue());
      return true;
    });
    spans.putAll(moved);
  }

  /** Escapes a key for use in a JSON pointer (RFC 6901). */
  public static String escape(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }
}
