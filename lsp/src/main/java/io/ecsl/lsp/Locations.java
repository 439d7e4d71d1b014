package io.ecsl.lsp;

import io.ecsl.source.SourceFile;
import io.ecsl.source.Span;
import java.nio.file.Path;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

/** Spans of the compiler as protocol ranges and locations. */
public final class Locations {
  private Locations() {}

  public static Position position(SourceFile file, int offset) {
    int o = Math.max(0, Math.min(offset, file.text().length()));
    return new Position(file.lineOf(o) - 1, file.columnOf(o) - 1);
  }

  public static Range range(Span span) {
    return new Range(position(span.file(), span.start()), position(span.file(), span.end()));
  }

  /** The file a span is in: its path, or for the standard library the file it is written to. */
  public static Path path(SourceFile file, Workspace workspace) {
    if (file.path() != null) {
      return file.path().toAbsolutePath().normalize();
    }
    return workspace.stdlibFiles().file(file.displayName());
  }

  /** A location, or null for a span without a file (built-ins). */
  public static Location location(Span span, Workspace workspace) {
    if (span == null || span.isNone()) {
      return null;
    }
    Path p = path(span.file(), workspace);
    return p == null ? null : new Location(Workspace.uri(p), range(span));
  }
}
