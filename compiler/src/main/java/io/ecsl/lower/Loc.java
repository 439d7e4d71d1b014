package io.ecsl.lower;

import io.ecsl.model.SpanIndex;
import io.ecsl.source.Span;

/**
 * Where a value is being lowered: its JSON pointer in the request, how to name it in a message
 * ("`memory` of container `app`"), the source span to blame, and how to read quantities there.
 */
record Loc(String pointer, String where, Span span, Hint hint, boolean stringify) {

  Loc member(String member, String written, Span at, Hint memberHint) {
    return new Loc(pointer + "/" + SpanIndex.escape(member), "`" + written + "`" + ofWhere(), at, memberHint, false);
  }

  Loc element(int index, Span at) {
    return new Loc(pointer + "/" + index, where, at, hint, stringify);
  }

  Loc key(String key, Span at) {
    return new Loc(pointer + "/" + SpanIndex.escape(key), "`" + key + "`" + ofWhere(), at, hint, stringify);
  }

  /** Scalars here are turned into strings (environment values, Docker labels, log options). */
  Loc stringifying() {
    return new Loc(pointer, where, span, hint, true);
  }

  Loc named(String newWhere) {
    return new Loc(pointer, newWhere, span, hint, stringify);
  }

  private String ofWhere() {
    return where.isEmpty() ? "" : " in " + where;
  }
}
