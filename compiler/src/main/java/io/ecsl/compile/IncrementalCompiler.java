package io.ecsl.compile;

import io.ecsl.ast.SourceUnit;
import io.ecsl.diag.Diagnostic;
import io.ecsl.diag.Diagnostics;
import io.ecsl.eval.ProjectEvaluator;
import io.ecsl.eval.VarInputs;
import io.ecsl.lower.ModelBuilder;
import io.ecsl.model.EcsModel;
import io.ecsl.modules.LoadedModule;
import io.ecsl.modules.ModuleLoader;
import io.ecsl.modules.Sources;
import io.ecsl.rules.CleanItems;
import io.ecsl.rules.Rules;
import io.ecsl.source.SourceFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The compiler kept warm for one project, as an editor needs it: each check reads the editor's
 * unsaved buffers before the disk, and parses again only the files whose text changed since the
 * previous check (and the standard library only once per process), and runs the rules of one task
 * definition or service again only when its content changed ({@link CleanItems}). Its diagnostics are exactly
 * those of {@link Compiler#compile} for the same text; the {@link Analysis} also keeps what an
 * editor asks about afterwards: the parsed modules, every file's scope, and the model lowered as
 * far as it goes even when there are errors.
 */
public final class IncrementalCompiler {
  /** Parsed standard library modules: their text never changes while the process runs. */
  private static final Map<String, Parsed> STDLIB = new ConcurrentHashMap<>();

  private final Compiler.Options options;
  private final Map<Path, Parsed> files = new HashMap<>();
  /** The items that passed the per-item rules: after an edit, only the items it changed run them again. */
  private final CleanItems clean = new CleanItems();

  /** One parse: the name and text it was made from, the AST (null on a syntax error), its diagnostics. */
  private record Parsed(String name, String text, SourceUnit unit, List<Diagnostic> diagnostics) {}

  public IncrementalCompiler(Compiler.Options options) {
    this.options = options;
  }

  public Compiler.Options options() {
    return options;
  }

  /**
   * What one check found.
   *
   * @param diagnostics what {@code ecsl check} reports for the same text
   * @param modules every loaded module, dependencies first; the root module is last
   * @param evaluation the evaluated project (its declarations and each file's scope)
   * @param model the lowered model; after errors it holds what could be lowered (never null)
   * @param rulesRan whether the ECS rules ran (they need a model without errors)
   */
  public record Analysis(Diagnostics diagnostics, List<LoadedModule> modules, ProjectEvaluator.Result evaluation,
      EcsModel model, boolean rulesRan) {}

  /**
   * Checks the project. {@code buffers} maps files (absolute, normalized paths) to the text an
   * editor holds for them, saved or not; other files are read from the disk.
   */
  public synchronized Analysis check(Map<Path, String> buffers) {
    Diagnostics diagnostics = new Diagnostics();
    Path root = Compiler.root(options);
    VarInputs vars = Compiler.vars(options, diagnostics);
    Map<Path, Parsed> seen = new HashMap<>();
    List<LoadedModule> modules = new ModuleLoader(root, diagnostics, new CachingSources(buffers, seen))
        .load(options.inputs());
    files.clear();
    files.putAll(seen); // files no longer part of the project are forgotten
    // After syntax or import errors the command line stops; the editor still wants the model of
    // what did parse, so evaluation goes on with its findings kept out of the list.
    Diagnostics later = diagnostics.hasErrors() ? new Diagnostics() : diagnostics;
    String projectName = root.getFileName() == null ? "ecsl" : root.getFileName().toString();
    ProjectEvaluator.Result evaluation = new ProjectEvaluator(later, vars).evaluate(modules);
    EcsModel model = new ModelBuilder(evaluation.interpreter(), later)
        .build(evaluation.declarations(), new ModelBuilder.Settings(projectName, options.region(), options.accountId()));
    boolean rules = !diagnostics.hasErrors();
    if (rules) {
      Rules.check(model, diagnostics, clean);
    }
    return new Analysis(diagnostics, modules, evaluation, model, rules);
  }

  /** The editor's buffers over the disk, with each file parsed again only when its text changed. */
  private final class CachingSources implements Sources {
    private final Map<Path, String> buffers;
    private final Map<Path, Parsed> seen;

    CachingSources(Map<Path, String> buffers, Map<Path, Parsed> seen) {
      this.buffers = buffers;
      this.seen = seen;
    }

    @Override
    public SourceFile read(Path file, String displayName) throws IOException {
      String text = buffers.get(file.toAbsolutePath().normalize());
      return text != null
          ? new SourceFile(displayName, file.toAbsolutePath(), SourceFile.withoutByteOrderMark(text))
          : Sources.DISK.read(file, displayName);
    }

    @Override
    public List<Path> ecsFiles(Path dir) {
      // a new file the editor has not saved yet belongs to its directory's module already
      TreeSet<Path> all = new TreeSet<>(Sources.DISK.ecsFiles(dir));
      Path normalized = dir.toAbsolutePath().normalize();
      for (Path open : buffers.keySet()) {
        if (open.getFileName().toString().endsWith(".ecs") && normalized.equals(open.getParent())) {
          all.add(open);
        }
      }
      return new ArrayList<>(all);
    }

    @Override
    public SourceUnit parse(SourceFile file, Diagnostics diagnostics) {
      Parsed parsed;
      if (file.path() == null) {
        parsed = STDLIB.computeIfAbsent(file.displayName() + "\n" + file.text(), k -> parseNow(file));
      } else {
        Path key = file.path().toAbsolutePath().normalize();
        Parsed before = files.get(key);
        parsed = before != null && before.name().equals(file.displayName()) && before.text().equals(file.text())
            ? before : parseNow(file);
        seen.put(key, parsed);
      }
      diagnostics.addAll(parsed.diagnostics());
      return parsed.unit();
    }

    private Parsed parseNow(SourceFile file) {
      Diagnostics own = new Diagnostics();
      SourceUnit unit = Sources.DISK.parse(file, own);
      return new Parsed(file.displayName(), file.text(), unit, own.sorted());
    }
  }
}
