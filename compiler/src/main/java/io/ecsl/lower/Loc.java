package io.ecsl.lower;

import io.ecsl.model.SpanIndex;
import io.ecsl.source.Span;
import java.util.function.Supplier;

/**
 * Where a value is being lowered: its place in the request (a JSON pointer), how to name it in a
 * message ("`memory` in container `app`"), the source span to blame, and how to read quantities
 * there. Pointer and description are computed only when something asks for them — a large
 * project lowers hundreds of thousands of fields and almost none of them ever appear in a message.
 */
final class Loc implements SpanIndex.Path {
  private final Loc parent;
  private final String key;
  private final int index;
  private final Span span;
  private final Hint hint;
  private final boolean stringify;
  private final Supplier<String> describe;
  private String pointer;
  /**
   * For a list whose elements were reordered (canonical sort): the new position of each old index.
   * Shared by every Loc of the same place, so elements created through any of them follow.
   */
  private final Reorder reorder;

  private static final class Reorder {
    int[] moves;
  }

  private Loc(Loc parent, String key, int index, Span span, Hint hint, boolean stringify, Supplier<String> describe,
      Reorder reorder) {
    this.parent = parent;
    this.key = key;
    this.index = index;
    this.span = span;
    this.hint = hint;
    this.stringify = stringify;
    this.describe = describe;
    this.reorder = reorder;
  }

  private Loc(Loc parent, String key, int index, Span span, Hint hint, boolean stringify, Supplier<String> describe) {
    this(parent, key, index, span, hint, stringify, describe, new Reorder());
  }

  /** This place, sharing list reordering with {@code samePlace} (another Loc of the same member). */
  Loc sharing(Loc samePlace) {
    return new Loc(parent, key, index, span, hint, stringify, describe, samePlace.reorder);
  }

  /** The root of a request, described as e.g. "task definition `web`". */
  static Loc root(String where, Span span) {
    return new Loc(null, null, -1, span, null, false, () -> where);
  }

  Loc member(String member, String written, Span at, Hint memberHint) {
    return new Loc(this, member, -1, at, memberHint, false, () -> "`" + written + "`" + ofWhere());
  }

  Loc element(int i, Span at) {
    return new Loc(this, null, i, at, hint, stringify, describe);
  }

  Loc key(String mapKey, Span at) {
    return new Loc(this, mapKey, -1, at, hint, stringify, () -> "`" + mapKey + "`" + ofWhere());
  }

  /** A child that only names a place in the request (no message of its own). */
  Loc child(String member) {
    return new Loc(this, member, -1, span, null, false, describe);
  }

  /** Scalars here are turned into strings (environment values, Docker labels, log options). */
  Loc stringifying() {
    return new Loc(parent, key, index, span, hint, true, describe, reorder);
  }

  /** The same place under another name in messages. */
  Loc named(Supplier<String> newDescription) {
    return new Loc(parent, key, index, span, hint, stringify, newDescription, reorder);
  }

  Span span() {
    return span;
  }

  Hint hint() {
    return hint;
  }

  boolean stringify() {
    return stringify;
  }

  /** How messages name this place. */
  String where() {
    return describe.get();
  }

  @Override
  public String pointer() {
    if (pointer == null || parent != null && parent.reorder.moves != null) {
      pointer = parent == null ? "" : parent.pointer() + "/" + (key != null ? SpanIndex.escape(key) : parent.position(index));
    }
    return pointer;
  }

  private int position(int i) {
    int[] moves = reorder.moves;
    return moves == null || i >= moves.length ? i : moves[i];
  }

  /** Records that the list at this place was reordered. */
  @Override
  public void reordered(int[] newPositions) {
    reorder.moves = newPositions;
  }

  private String ofWhere() {
    String w = describe.get();
    return w.isEmpty() ? "" : " in " + w;
  }
}
