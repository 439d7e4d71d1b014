package io.ecsl.lsp;

import io.ecsl.ast.SourceUnit;
import io.ecsl.compile.IncrementalCompiler;
import io.ecsl.lsp.index.Resolver;
import io.ecsl.lsp.index.SymbolTable;
import io.ecsl.modules.LoadedModule;
import io.ecsl.source.SourceFile;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * One check of a project, immutable: what the compiler found for the text the editor held at
 * that moment, and the names of every file (resolved on first use: diagnostics do not wait for it).
 */
public final class Snapshot {
  private final Project project;
  private final long sequence;
  private final IncrementalCompiler.Analysis analysis;
  private final Map<Path, String> buffers;
  private final Map<Path, SourceUnit> units = new HashMap<>();
  private final Map<String, SourceUnit> stdlib = new HashMap<>();
  private SymbolTable symbols;

  Snapshot(Project project, long sequence, IncrementalCompiler.Analysis analysis, Map<Path, String> buffers) {
    this.project = project;
    this.sequence = sequence;
    this.analysis = analysis;
    this.buffers = buffers;
    for (LoadedModule m : analysis.modules()) {
      for (SourceUnit u : m.units()) {
        if (u.file().path() != null) {
          units.put(u.file().path().toAbsolutePath().normalize(), u);
        } else {
          stdlib.put(u.file().displayName(), u);
        }
      }
    }
  }

  public Project project() {
    return project;
  }

  /** Checks of one project are numbered in order. */
  public long sequence() {
    return sequence;
  }

  public IncrementalCompiler.Analysis analysis() {
    return analysis;
  }

  /** The editor's text for each open file when this check ran. */
  public Map<Path, String> buffers() {
    return buffers;
  }

  /** The parsed file, or null when it did not parse or is not part of the project. */
  public SourceUnit unit(Path file) {
    return units.get(file.toAbsolutePath().normalize());
  }

  public Map<Path, SourceUnit> units() {
    return units;
  }

  /** A standard library module's parsed source, by its name ({@code std/fargate.ecs}). */
  public SourceUnit stdlibUnit(String displayName) {
    return stdlib.get(displayName);
  }

  /** The module a file belongs to, or null. */
  public LoadedModule moduleOf(SourceFile file) {
    for (LoadedModule m : analysis.modules()) {
      for (SourceUnit u : m.units()) {
        if (u.file() == file) {
          return m;
        }
      }
    }
    return null;
  }

  public synchronized SymbolTable symbols() {
    if (symbols == null) {
      symbols = Resolver.resolve(analysis.modules());
    }
    return symbols;
  }
}
