package io.ecsl.modules;

import static io.ecsl.diag.LanguageCode.CANNOT_FIND;
import static io.ecsl.diag.LanguageCode.IMPORT_CYCLE;
import static io.ecsl.diag.LanguageCode.NOT_UTF8;
import static io.ecsl.diag.LanguageCode.OUTSIDE_ROOT;

import io.ecsl.ast.Item;
import io.ecsl.ast.SourceUnit;
import io.ecsl.diag.Diagnostic;
import io.ecsl.diag.LanguageCode;
import io.ecsl.diag.Diagnostics;
import io.ecsl.diag.Suggestions;
import io.ecsl.parse.Parser;
import io.ecsl.source.SourceFile;
import io.ecsl.source.SourceFiles;
import io.ecsl.source.Span;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads the project's files and everything they import, and orders modules so that each comes
 * after the modules it imports. Imports resolve relative to the importing file, must stay inside
 * the project root (or name the stdlib, {@code std/…}), and may not form a cycle.
 */
public final class ModuleLoader {
  private final Path projectRoot;
  private final Diagnostics diagnostics;
  private final Map<String, LoadedModule> modules = new LinkedHashMap<>();
  private final Map<String, LoadedModule> rootFiles = new HashMap<>();
  private final List<LoadedModule> ordered = new ArrayList<>();
  private final Deque<LoadedModule> visiting = new ArrayDeque<>();
  private final Map<LoadedModule, Span> visitingVia = new HashMap<>();

  public ModuleLoader(Path projectRoot, Diagnostics diagnostics) {
    this.projectRoot = realPath(projectRoot);
    this.diagnostics = diagnostics;
  }

  /** The project root inputs are resolved against: a directory, or the directory of a file. */
  public static Path rootFor(List<Path> inputs) {
    if (inputs.isEmpty()) {
      return Path.of(".").toAbsolutePath().normalize();
    }
    Path first = inputs.get(0).toAbsolutePath().normalize();
    return Files.isDirectory(first) ? first : first.getParent();
  }

  /**
   * Loads the root module from files and directories (a directory contributes its {@code .ecs}
   * files, not those of subdirectories) and every module it imports, dependencies first.
   */
  public List<LoadedModule> load(List<Path> inputs) {
    LoadedModule root = new LoadedModule("<root>", projectRoot.getFileName() == null ? "project" : projectRoot.getFileName().toString(), true);
    for (Path input : inputs) {
      Path abs = input.toAbsolutePath().normalize();
      if (Files.isDirectory(abs)) {
        List<Path> files = ecsFiles(abs);
        if (files.isEmpty()) {
          diagnostics.add(Diagnostic.error(CANNOT_FIND, null, "no .ecs files in " + display(abs))
              .withResource(display(abs)).withHint("point ecsl at a directory of .ecs files, or at a file"));
        }
        for (Path f : files) {
          addRootFile(root, f);
        }
      } else if (Files.isRegularFile(abs)) {
        addRootFile(root, abs);
      } else {
        diagnostics.add(Diagnostic.error(CANNOT_FIND, null, "no such file or directory: " + input)
            .withResource(input.toString()).withHint("check the path"));
      }
    }
    resolve(root);
    return ordered;
  }

  private void addRootFile(LoadedModule root, Path file) {
    Path real = realPath(file);
    if (rootFiles.containsKey(real.toString())) {
      return; // named twice on the command line
    }
    if (leadsOutside(file)) {
      return;
    }
    rootFiles.put(real.toString(), root);
    SourceUnit unit = parse(file);
    if (unit != null) {
      root.addUnit(unit);
    }
  }

  private void resolve(LoadedModule module) {
    visiting.push(module);
    for (SourceUnit unit : module.units()) {
      for (Item item : unit.items()) {
        if (item instanceof Item.Import imp) {
          LoadedModule target = importTarget(unit, imp);
          if (target != null) {
            module.addImport(new LoadedModule.Import(unit, imp, alias(imp, target), target));
          }
        }
      }
    }
    visiting.pop();
    ordered.add(module);
  }

  private LoadedModule importTarget(SourceUnit unit, Item.Import imp) {
    String path = imp.path().constant();
    Span at = imp.path().span();
    if (path == null) {
      diagnostics.add(Diagnostic.error(CANNOT_FIND, at, "an import path cannot use `${…}`")
          .withHint("imports are resolved before anything is evaluated; write the path out"));
      return null;
    }
    if (path.indexOf('\0') >= 0) {
      // No file system accepts it; found by the pipeline fuzzer (it crashed Path.resolve).
      diagnostics.add(Diagnostic.error(CANNOT_FIND, at, "an import path cannot contain a NUL character (\\0)")
          .withHint("write the path of a file or directory of the project, e.g. `./common.ecs`"));
      return null;
    }
    LoadedModule target;
    if (path.startsWith("std/")) {
      target = stdlibModule(path, at);
    } else {
      target = fileModule(unit, path, at);
    }
    if (target == null) {
      return null;
    }
    if (visiting.contains(target)) {
      List<String> chain = new ArrayList<>();
      List<LoadedModule> stack = new ArrayList<>(visiting);
      java.util.Collections.reverse(stack);
      boolean in = false;
      for (LoadedModule m : stack) {
        in |= m == target;
        if (in) {
          chain.add(m.displayName());
        }
      }
      chain.add(target.displayName());
      diagnostics.add(Diagnostic.error(IMPORT_CYCLE, at, "import cycle: " + String.join(" → ", chain))
          .withHint("move what both modules need into a third module that imports neither"));
      return null;
    }
    if (!ordered.contains(target)) {
      visitingVia.put(target, at);
      resolve(target);
    }
    return target;
  }

  private LoadedModule stdlibModule(String path, Span at) {
    String name = path.substring("std/".length()).replaceAll("\\.ecs$", "");
    String id = "std/" + name;
    LoadedModule existing = modules.get(id);
    if (existing != null) {
      return existing;
    }
    String source = Stdlib.source(name);
    if (source == null) {
      List<String> known = Stdlib.modules();
      diagnostics.add(Diagnostic.error(CANNOT_FIND, at, "no stdlib module `" + path + "`")
          .withHint(Suggestions.closest(name, known) != null ? "did you mean `std/" + Suggestions.closest(name, known) + "`?"
              : "the stdlib has: " + String.join(", ", known.stream().map(k -> "std/" + k).toList())));
      return null;
    }
    LoadedModule module = new LoadedModule(id, id, false);
    modules.put(id, module);
    SourceUnit unit = Parser.parse(new SourceFile(id + ".ecs", null, source), diagnostics);
    if (unit != null) {
      module.addUnit(unit);
    }
    return module;
  }

  private LoadedModule fileModule(SourceUnit unit, String path, Span at) {
    if (unit.file().path() == null) {
      diagnostics.add(Diagnostic.error(OUTSIDE_ROOT, at, "the stdlib can only import `std/…` modules").withHint(null));
      return null;
    }
    Path base = unit.file().path().toAbsolutePath().getParent();
    Path target = base.resolve(path).normalize();
    if (!Files.exists(target) && !path.endsWith(".ecs") && Files.isRegularFile(Path.of(target + ".ecs"))) {
      target = Path.of(target + ".ecs");
    }
    if (!Files.exists(target)) {
      diagnostics.add(Diagnostic.error(CANNOT_FIND, at, "cannot find `" + path + "` (looked for " + display(target) + ")")
          .withHint(siblingHint(target)));
      return null;
    }
    Path real = realPath(target);
    if (!real.startsWith(projectRoot)) {
      diagnostics.add(Diagnostic.error(OUTSIDE_ROOT, at, "`" + path + "` is outside the project root " + display(projectRoot))
          .withHint("imports stay inside the project; pass --project-root to widen it, or use the stdlib (`std/…`)"));
      return null;
    }
    if (rootFiles.containsKey(real.toString()) || Files.isDirectory(real) && isRootDir(real)) {
      diagnostics.add(Diagnostic.error(IMPORT_CYCLE, at, "`" + path + "` is part of this module already")
          .withHint("files of one directory share their names; use them without importing"));
      return null;
    }
    List<Path> files = Files.isDirectory(real) ? ecsFiles(real) : List.of(real);
    if (files.isEmpty()) {
      // An empty module would import silently and every `alias.name` fail later, far from the cause.
      diagnostics.add(Diagnostic.error(LanguageCode.CANNOT_FIND, at, "`" + path + "` is a directory with no .ecs files (" + display(real) + ")")
          .withHint("a directory module is the .ecs files directly in it; import a file, or add one there"));
      return null;
    }
    String id = real.toString();
    LoadedModule existing = modules.get(id);
    if (existing != null) {
      return existing;
    }
    LoadedModule module = new LoadedModule(id, display(real), false);
    modules.put(id, module);
    for (Path f : files) {
      if (leadsOutside(f)) {
        continue;
      }
      SourceUnit parsed = parse(f);
      if (parsed != null) {
        module.addUnit(parsed);
      }
    }
    return module;
  }

  /** Refuses (E0208) a file of the project that is a link leading outside the project root. */
  private boolean leadsOutside(Path file) {
    Path real = linkLeaving(file, projectRoot);
    if (real == null) {
      return false;
    }
    diagnostics.add(Diagnostic.error(OUTSIDE_ROOT, null, "`" + display(file) + "` is a link to " + real
            + ", outside the project root " + display(projectRoot))
        .withResource(display(file))
        .withHint("a project's files stay inside its root: copy the file into the project, or pass --project-root"
            + " to widen it"));
    return true;
  }

  /**
   * Where {@code file} leads (a real path) when it is a link from inside {@code root}, itself a real
   * path, to somewhere outside it; null when it may be read. Such a file is refused, as an import that leaves the root
   * is: otherwise a checked-out repository could make {@code ecsl check} or {@code ecsl fmt} print
   * any file the user can read (a link to {@code /proc/self/environ} printed the CI's secrets as a
   * syntax error), and {@code fmt} rewrite it. A file whose own directory is outside the root
   * (named on the command line) is the user's own choice and stays allowed.
   */
  public static Path linkLeaving(Path file, Path root) {
    Path real = realPath(file);
    Path parent = file.toAbsolutePath().normalize().getParent();
    if (real.startsWith(root) || parent == null || !realPath(parent).startsWith(root)) {
      return null;
    }
    return real;
  }

  private boolean isRootDir(Path dir) {
    for (String file : rootFiles.keySet()) {
      if (Path.of(file).getParent().equals(dir)) {
        return true;
      }
    }
    return false;
  }

  private String siblingHint(Path target) {
    Path dir = target.getParent();
    if (dir == null || !Files.isDirectory(dir)) {
      return "check the path; imports are relative to the importing file";
    }
    List<String> names = new ArrayList<>();
    for (Path p : ecsFiles(dir)) {
      names.add(p.getFileName().toString());
    }
    String best = Suggestions.closest(target.getFileName().toString(), names);
    return best != null ? "did you mean `" + best + "`?" : "check the path; imports are relative to the importing file";
  }

  private static String alias(Item.Import imp, LoadedModule target) {
    if (imp.alias() != null) {
      return imp.alias().name();
    }
    String path = imp.path().constant();
    String last = path.replaceAll("/+$", "");
    last = last.substring(last.lastIndexOf('/') + 1).replaceAll("\\.ecs$", "");
    return last;
  }

  private SourceUnit parse(Path file) {
    SourceFile source;
    try {
      source = SourceFiles.read(file.toAbsolutePath(), display(file));
    } catch (SourceFiles.NotUtf8 e) {
      diagnostics.add(notUtf8(e));
      return null;
    } catch (IOException e) {
      diagnostics.add(Diagnostic.error(CANNOT_FIND, null, "cannot read " + display(file) + ": " + e.getMessage())
          .withResource(display(file)).withHint(null));
      return null;
    }
    return Parser.parse(source, diagnostics);
  }

  /** E0102, the same wherever a source file is read (check, build, fmt, var files). */
  public static Diagnostic notUtf8(SourceFiles.NotUtf8 e) {
    return Diagnostic.error(LanguageCode.NOT_UTF8, e.span(), e.describe()).withHint("save the file as UTF-8");
  }

  private static List<Path> ecsFiles(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".ecs") && Files.isRegularFile(p)).sorted().toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  /** Paths are shown relative to the working directory when they are under it. */
  private static String display(Path p) {
    Path cwd = Path.of("").toAbsolutePath();
    Path abs = p.toAbsolutePath().normalize();
    return abs.startsWith(cwd) && !abs.equals(cwd) ? cwd.relativize(abs).toString() : abs.toString();
  }

  private static Path realPath(Path p) {
    try {
      return p.toRealPath();
    } catch (IOException e) {
      return p.toAbsolutePath().normalize();
    }
  }
}
