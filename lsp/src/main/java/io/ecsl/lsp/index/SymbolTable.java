package io.ecsl.lsp.index;

import io.ecsl.modules.LoadedModule;
import io.ecsl.source.SourceFile;
import io.ecsl.source.Span;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every name of a project and what it refers to: built by {@link Resolver} from the AST, so it
 * answers for code that was never evaluated (a template nobody calls yet) and for files with
 * errors elsewhere in the project.
 */
public final class SymbolTable {
  private final List<Symbol> symbols = new ArrayList<>();
  private final Map<SourceFile, List<Occurrence>> occurrences = new IdentityHashMap<>();
  private final Map<SourceFile, List<Span>> words = new IdentityHashMap<>();
  private final Map<SourceFile, List<ScopeRange>> scopes = new IdentityHashMap<>();
  private final Map<Symbol, List<Symbol>> children = new IdentityHashMap<>();
  private final Map<LoadedModule, Resolver.Scope> moduleScopes = new IdentityHashMap<>();
  private boolean sorted;

  /** The part of a file where a scope's names are visible. */
  record ScopeRange(int start, int end, Resolver.Scope scope) {}

  void addSymbol(Symbol s) {
    symbols.add(s);
    if (s.parent() != null) {
      children.computeIfAbsent(s.parent(), k -> new ArrayList<>()).add(s);
    }
  }

  void addOccurrence(Occurrence o) {
    if (o.span() == null || o.span().isNone()) {
      return;
    }
    occurrences.computeIfAbsent(o.span().file(), k -> new ArrayList<>()).add(o);
    sorted = false;
  }

  void addWord(Span span) {
    words.computeIfAbsent(span.file(), k -> new ArrayList<>()).add(span);
  }

  void addScope(SourceFile file, int start, int end, Resolver.Scope scope) {
    scopes.computeIfAbsent(file, k -> new ArrayList<>()).add(new ScopeRange(start, end, scope));
  }

  void addModuleScope(LoadedModule module, Resolver.Scope scope) {
    moduleScopes.put(module, scope);
  }

  private void sort() {
    if (!sorted) {
      for (List<Occurrence> list : occurrences.values()) {
        list.sort(Comparator.comparingInt((Occurrence o) -> o.span().start()));
      }
      sorted = true;
    }
  }

  /** Every symbol, in the order they were found. */
  public List<Symbol> symbols() {
    return symbols;
  }

  /** The occurrences in a file, in order. */
  public synchronized List<Occurrence> occurrences(SourceFile file) {
    sort();
    return occurrences.getOrDefault(file, List.of());
  }

  /** Bare words that name no symbol (enum values such as {@code awsvpc}, {@code FARGATE}). */
  public List<Span> words(SourceFile file) {
    return words.getOrDefault(file, List.of());
  }

  /** The occurrence under the cursor: a name whose span contains the offset (or ends at it). */
  public Occurrence at(SourceFile file, int offset) {
    Occurrence best = null;
    for (Occurrence o : occurrences(file)) {
      if (o.span().start() <= offset && offset <= o.span().end()) {
        if (best == null || o.span().end() - o.span().start() < best.span().end() - best.span().start()
            || offset < o.span().end() && best.span().end() == offset) {
          best = o;
        }
      }
      if (o.span().start() > offset) {
        break;
      }
    }
    return best;
  }

  /** Where a symbol is used and defined, across every file of the project. */
  public List<Occurrence> references(Symbol symbol) {
    List<Occurrence> out = new ArrayList<>();
    synchronized (this) {
      sort();
      for (List<Occurrence> list : occurrences.values()) {
        for (Occurrence o : list) {
          if (o.symbol() == symbol) {
            out.add(o);
          }
        }
      }
    }
    out.sort(Comparator.comparing((Occurrence o) -> o.span().file().displayName()).thenComparingInt(o -> o.span().start()));
    return out;
  }

  /** A template's parameters, a task's containers and volumes, a container's ports. */
  public List<Symbol> children(Symbol parent) {
    return children.getOrDefault(parent, List.of());
  }

  /** The names a module defines at its top level (what {@code alias.name} reaches). */
  public Map<String, List<Symbol>> moduleNames(LoadedModule module) {
    Resolver.Scope scope = moduleScopes.get(module);
    return scope == null ? Map.of() : scope.names();
  }

  /**
   * Every name visible at an offset of a file, innermost first (a name shadowed by an inner one
   * is listed once, with the inner symbols). Empty for a file that did not parse.
   */
  public Map<String, List<Symbol>> visible(SourceFile file, int offset) {
    Resolver.Scope innermost = null;
    int size = Integer.MAX_VALUE;
    for (ScopeRange r : scopes.getOrDefault(file, List.of())) {
      if (r.start() <= offset && offset <= r.end() && r.end() - r.start() <= size) {
        innermost = r.scope();
        size = r.end() - r.start();
      }
    }
    Map<String, List<Symbol>> out = new LinkedHashMap<>();
    for (Resolver.Scope s = innermost; s != null; s = s.parent()) {
      s.names().forEach(out::putIfAbsent);
    }
    return out;
  }

  /** The files of the project that have occurrences or scopes (every parsed file). */
  public Collection<SourceFile> files() {
    return scopes.keySet();
  }
}
