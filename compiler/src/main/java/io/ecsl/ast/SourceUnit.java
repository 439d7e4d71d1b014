package io.ecsl.ast;

import io.ecsl.source.SourceFile;
import java.util.List;

/** One parsed file: its items, and its comments in source order. */
public record SourceUnit(SourceFile file, List<Item> items, List<Comment> comments) {
  public SourceUnit {
    items = List.copyOf(items);
    comments = List.copyOf(comments);
  }

  /** A file without comments (built in memory). */
  public SourceUnit(SourceFile file, List<Item> items) {
    this(file, items, List.of());
  }
}
