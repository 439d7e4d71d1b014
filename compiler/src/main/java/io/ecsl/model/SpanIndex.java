package io.ecsl.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.source.Span;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each field of an emitted API document came from, keyed by JSON pointer
 * ({@code /containerDefinitions/0/portMappings/1/hostPort}). Rules look up the pointer of the field
 * they complain about and get the nearest span that exists: the field, else its parent.
 *
 * <p>Entries may be recorded against a lazy {@link Path}: pointer strings are then built only when
 * the index is first queried, which for most resources of a large project is never.
 */
public final class SpanIndex {
  /** A place in a document whose pointer is computed on demand. */
  public interface Path {
    String pointer();

    /** The pointer of a member ({@code key}) or element ({@code index}, when key is null) of this place. */
    default String childPointer(String key, int index) {
      return pointer() + "/" + (key != null ? escape(key) : Integer.toString(index));
    }

    /** Called when the list at this place was reordered ({@code newPositions[old] = new}). */
    default void reordered(int[] newPositions) {}
  }

  private final Map<String, Span> spans = new HashMap<>();
  // Lazily recorded entries: a place, or a child of a place (key, or index when key is null).
  // Recording a child by its parent keeps no object alive for each leaf value of a request.
  private final ArrayList<Path> pendingPaths = new ArrayList<>();
  private final ArrayList<String> pendingKeys = new ArrayList<>();
  private int[] pendingIndexes = new int[16];
  private final ArrayList<Span> pendingSpans = new ArrayList<>();
  /** Marks a pending entry for the place itself. */
  private static final String SELF = new String("<self>");
  private Map<JsonNode, Path> lists;
  private final Span fallback;

  public SpanIndex(Span fallback) {
    this.fallback = fallback;
  }

  public void put(String pointer, Span span) {
    if (span != null && !span.isNone()) {
      materialize();
      spans.putIfAbsent(pointer, span);
    }
  }

  /** Records a span for a lazily computed place. */
  public void put(Path path, Span span) {
    pending(path, SELF, -1, span);
  }

  /** Records a span for the member {@code key} (or, key null, the element {@code index}) of a place. */
  public void putChild(Path parent, String key, int index, Span span) {
    pending(parent, key, index, span);
  }

  private void pending(Path path, String key, int index, Span span) {
    if (span != null && !span.isNone()) {
      int n = pendingPaths.size();
      if (n >= pendingIndexes.length) {
        pendingIndexes = java.util.Arrays.copyOf(pendingIndexes, Math.max(16, n * 2));
      }
      pendingIndexes[n] = index;
      pendingPaths.add(path);
      pendingKeys.add(key);
      pendingSpans.add(span);
    }
  }

  /**
   * Drops the spare capacity of the recorded entries once a request is complete and sorted: the index lives
   * as long as the model, and for a large project the slack was a tenth of the heap.
   */
  public synchronized void compact() {
    pendingPaths.trimToSize();
    pendingKeys.trimToSize();
    pendingSpans.trimToSize();
    pendingIndexes = java.util.Arrays.copyOf(pendingIndexes, pendingPaths.size());
    lists = null; // the request is finished and sorted: its lists never move again
  }

  /** Remembers which place a list node of the document is, so sorting it can move its spans. */
  public void list(JsonNode node, Path path) {
    if (lists == null) {
      lists = new IdentityHashMap<>();
    }
    lists.put(node, path);
  }

  /** Replaces an existing entry (used when a later stage moves a value). */
  public void replace(String pointer, Span span) {
    if (span != null && !span.isNone()) {
      materialize();
      spans.put(pointer, span);
    }
  }

  /** The span of the field at {@code pointer}, or of its nearest ancestor, or the resource's. */
  public synchronized Span at(String pointer) {
    materialize();
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
  public synchronized Span exact(String pointer) {
    materialize();
    return spans.get(pointer);
  }

  public Span fallback() {
    return fallback;
  }

  /** Every recorded pointer and its span (an editor maps source back to the request this way). */
  public synchronized Map<String, Span> entries() {
    materialize();
    return java.util.Collections.unmodifiableMap(new HashMap<>(spans));
  }

  /**
   * The elements of the list {@code node} (at {@code listPointer}) moved: {@code moves[old] = new}.
   * Lazily recorded places follow through their list's path; string entries are renumbered.
   */
  public void permute(JsonNode node, String listPointer, int[] moves) {
    Path path = lists == null ? null : lists.get(node);
    if (path != null) {
      path.reordered(moves);
    }
    if (!spans.isEmpty()) {
      permute(listPointer, moves);
    }
  }

  /** Renumbers the string-keyed spans under {@code listPointer} after its elements moved. */
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

  private synchronized void materialize() {
    if (pendingPaths.isEmpty()) {
      return;
    }
    for (int i = 0; i < pendingPaths.size(); i++) {
      Path path = pendingPaths.get(i);
      String key = pendingKeys.get(i);
      String pointer = key == SELF ? path.pointer() : path.childPointer(key, pendingIndexes[i]);
      spans.putIfAbsent(pointer, pendingSpans.get(i));
    }
    pendingPaths.clear();
    pendingKeys.clear();
    pendingSpans.clear();
  }

  /** Escapes a key for use in a JSON pointer (RFC 6901). */
  public static String escape(String key) {
    return key.indexOf('~') < 0 && key.indexOf('/') < 0 ? key : key.replace("~", "~0").replace("/", "~1");
  }
}
