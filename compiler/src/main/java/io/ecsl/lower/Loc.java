package io.ecsl.lower;

import io.ecsl.model.SpanIndex;
import io.ecsl.source.Span;
import java.util.function.Supplier;

/**
 * Where a value is being lowered: its place in the request (a JSON pointer), how to name it in a
 * message ("`memory` in container `app`"), the source span to blame, and how to read quantities
 * there. Pointer and description are computed only when something asks for them — a large
 * project lowers hundreds of thousands of fields and almost none of them ever appear in a message.
 * For the same reason a Loc is one small object: its description is a mode and a word, not a
 * lambda, and list reordering lives on the Loc that owns the place.
 */
final class Loc implements SpanIndex.Path {
  /** How {@link #where()} is made. */
  private enum Naming {
    /** {@code text} itself (a request's root: "task definition `web`"). */
    FIXED,
    /** "`text`" in {@code base}'s description (a member or map key). */
    WORD_IN_BASE,
    /** {@code base}'s description (list elements, children, variants of a place). */
    AS_BASE,
    /** {@code custom}. */
    CUSTOM
  }

  private final Loc parent;
  private final String key;
  private final int index;
  private final Span span;
  private final Hint hint;
  private final boolean stringify;
  private final Naming naming;
  private final String text;
  private final Loc base;
  private final Supplier<String> custom;
  /**
   * The Loc that owns this place's list reordering: this one, or the one it shares it with, so
   * elements created through any Loc of the same member follow a canonical sort.
   */
  private final Loc owner;
  /** On an owner: for a list whose elements were reordered, the new position of each old index. */
  private int[] moves;
  private String pointer;

  private Loc(Loc parent, String key, int index, Span span, Hint hint, boolean stringify, Naming naming, String text,
      Loc base, Supplier<String> custom, Loc owner) {
    this.parent = parent;
    this.key = key;
    this.index = index;
    this.span = span;
    this.hint = hint;
    this.stringify = stringify;
    this.naming = naming;
    this.text = text;
    this.base = base;
    this.custom = custom;
    this.owner = owner == null ? this : owner;
  }

  /** The root of a request, described as e.g. "task definition `web`". */
  static Loc root(String where, Span span) {
    return new Loc(null, null, -1, span, null, false, Naming.FIXED, where, null, null, null);
  }

  Loc member(String member, String written, Span at, Hint memberHint) {
    return new Loc(this, member, -1, at, memberHint, false, Naming.WORD_IN_BASE, written, this, null, null);
  }

  /** A member that shares list reordering with {@code samePlace} (another Loc of the same member). */
  Loc member(String member, String written, Span at, Hint memberHint, Loc samePlace) {
    return new Loc(this, member, -1, at, memberHint, false, Naming.WORD_IN_BASE, written, this, null, samePlace.owner);
  }

  /** The attribute as the source wrote it (`in`, `task`, `capacity_provider`); null for a list element or a root. */
  String written() {
    return switch (naming) {
      case WORD_IN_BASE, CUSTOM -> text;
      case AS_BASE, FIXED -> null;  // a list element is written as a value alone
    };
  }

  Loc element(int i, Span at) {
    return new Loc(this, null, i, at, hint, stringify, Naming.AS_BASE, null, this, null, null);
  }

  Loc key(String mapKey, Span at) {
    return new Loc(this, mapKey, -1, at, hint, stringify, Naming.WORD_IN_BASE, mapKey, this, null, null);
  }

  /** A child that only names a place in the request (no message of its own). */
  Loc child(String member) {
    return new Loc(this, member, -1, span, null, false, Naming.AS_BASE, null, this, null, null);
  }

  /** Scalars here are turned into strings (environment values, Docker labels, log options). */
  Loc stringifying() {
    return new Loc(parent, key, index, span, hint, true, Naming.AS_BASE, null, this, null, owner);
  }

  /** The same place under another name in messages. */
  Loc named(Supplier<String> newDescription) {
    return new Loc(parent, key, index, span, hint, stringify, Naming.CUSTOM, written(), null, newDescription, owner);
  }

  /** {@code " in <where>"} of a place, or nothing when it has no description (for composing messages). */
  static String in(Loc place) {
    String w = place.where();
    return w.isEmpty() ? "" : " in " + w;
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
    return switch (naming) {
      case FIXED -> text;
      case WORD_IN_BASE -> {
        String w = base.where();
        yield "`" + text + "`" + (w.isEmpty() ? "" : " in " + w);
      }
      case AS_BASE -> base.where();
      case CUSTOM -> custom.get();
    };
  }

  /**
   * Records where this place's value came from. A place with a parent is recorded through it, so
   * the index keeps no reference to this Loc (leaf Locs then die young instead of being copied by
   * every garbage collection until the build ends).
   */
  void record(SpanIndex spans, Span at) {
    if (parent == null) {
      spans.put(this, at);
    } else {
      spans.putChild(parent, key, index, at);
    }
  }

  @Override
  public String childPointer(String childKey, int childIndex) {
    return pointer() + "/" + (childKey != null ? SpanIndex.escape(childKey) : Integer.toString(position(childIndex)));
  }

  @Override
  public String pointer() {
    if (pointer == null || parent != null && parent.owner.moves != null) {
      pointer = parent == null ? "" : parent.pointer() + "/" + (key != null ? SpanIndex.escape(key) : parent.position(index));
    }
    return pointer;
  }

  private int position(int i) {
    int[] m = owner.moves;
    return m == null || i >= m.length ? i : m[i];
  }

  /** Records that the list at this place was reordered. */
  @Override
  public void reordered(int[] newPositions) {
    owner.moves = newPositions;
  }
}
