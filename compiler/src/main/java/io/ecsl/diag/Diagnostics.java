package io.ecsl.diag;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Collects diagnostics from every stage so one run reports all problems, not only the first.
 * Thread-safe: rules may run in parallel.
 */
public final class Diagnostics {
  private final List<Diagnostic> items = new ArrayList<>();
  private int errorCount;

  public synchronized void add(Diagnostic diagnostic) {
    items.add(diagnostic);
    if (diagnostic.isError()) {
      errorCount++;
    }
  }

  public void addAll(Iterable<Diagnostic> diagnostics) {
    for (Diagnostic d : diagnostics) {
      add(d);
    }
  }

  public synchronized boolean hasErrors() {
    return errorCount > 0;
  }

  public synchronized int errorCount() {
    return errorCount;
  }

  public synchronized int warningCount() {
    return (int) items.stream().filter(d -> d.severity() == Severity.WARNING).count();
  }

  public synchronized boolean isEmpty() {
    return items.isEmpty();
  }

  /** All diagnostics in source order (file, then position), duplicates removed. */
  public synchronized List<Diagnostic> sorted() {
    List<Diagnostic> copy = new ArrayList<>(new java.util.LinkedHashSet<>(items));
    copy.sort(ORDER);
    return copy;
  }

  private static final Comparator<Diagnostic> ORDER =
      Comparator.comparing((Diagnostic d) -> d.span() == null ? "~" + d.where() : d.span().file().displayName())
          .thenComparingInt(d -> d.span() == null ? 0 : d.span().start())
          .thenComparing(Diagnostic::code);
}
