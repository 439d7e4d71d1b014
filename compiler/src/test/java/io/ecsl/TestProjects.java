package io.ecsl;

import io.ecsl.compile.Compiler;
import io.ecsl.diag.DiagnosticRenderer;
import io.ecsl.diag.Diagnostics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Writes small projects to a temporary directory and compiles them, for tests. */
public final class TestProjects {
  private TestProjects() {}

  /** A one-file project. */
  public static Compiler.Result compile(Path dir, String source) {
    return compile(dir, Map.of("main.ecs", source), List.of());
  }

  /** A project of several files (paths relative to the project directory). */
  public static Compiler.Result compile(Path dir, Map<String, String> files, List<String> vars) {
    try {
      for (Map.Entry<String, String> f : files.entrySet()) {
        Path p = dir.resolve(f.getKey());
        Files.createDirectories(p.getParent());
        Files.writeString(p, f.getValue());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Compiler.compile(new Compiler.Options(List.of(dir), dir, vars, List.of(), null, null));
  }

  /** Diagnostics as a person sees them, with paths relative to {@code base} and no color. */
  public static String render(Diagnostics diagnostics, Path base) {
    String text = new DiagnosticRenderer(false).render(diagnostics.sorted());
    String prefix = base.toAbsolutePath().normalize() + "/";
    return text.replace(prefix, "");
  }
}
