package io.ecsl.rules;

import io.ecsl.compile.Compiler;
import io.ecsl.diag.Diagnostic;
import io.ecsl.diag.Diagnostics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The rule cases under src/test/resources/rules: {@code valid/CASE/main.ecs} compiles without any
 * diagnostic; {@code invalid/CASE/main.ecs} compiles to exactly the diagnostics in
 * {@code invalid/CASE/expected.txt}. A case directory is named after the rule it exercises
 * ({@code e1006-fargate-memory}), so other tools (cfn-lint runs over the valid cases) can find them.
 */
final class RuleCases {
  static final Path ROOT = Path.of("src/test/resources/rules");

  private RuleCases() {}

  static List<Path> cases(String kind) {
    try (Stream<Path> s = Files.list(ROOT.resolve(kind))) {
      return s.filter(Files::isDirectory).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Copies a case into {@code dir} and compiles it there, as a user's project would be. */
  static Compiler.Result compile(Path caseDir, Path dir) {
    try (Stream<Path> s = Files.list(caseDir)) {
      for (Path f : s.filter(p -> p.toString().endsWith(".ecs")).toList()) {
        Files.copy(f, dir.resolve(f.getFileName()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Compiler.compile(new Compiler.Options(List.of(dir), dir, List.of(), List.of(), null, null));
  }

  /**
   * Diagnostics one per block: {@code file:line:col: severity[CODE]: message}, then the hint and
   * any notes, with paths relative to the project directory.
   */
  static String render(Diagnostics diagnostics, Path dir) {
    String prefix = dir.toAbsolutePath().normalize() + "/";
    StringBuilder out = new StringBuilder();
    for (Diagnostic d : diagnostics.sorted()) {
      out.append(d.where()).append(": ").append(d.severity().word()).append('[').append(d.code()).append("]: ")
          .append(d.message()).append('\n');
      if (d.hint() != null && !d.hint().isBlank()) {
        out.append("  = hint: ").append(d.hint()).append('\n');
      }
      for (Diagnostic.Label l : d.labels()) {
        out.append("  = note: ").append(l.message()).append(" at ").append(l.span().location()).append('\n');
      }
    }
    return out.toString().replace(prefix, "");
  }

  /** The rule codes a case directory name starts with: {@code e1006-…} → E1006. */
  static String codeOf(Path caseDir) {
    String name = caseDir.getFileName().toString();
    return name.length() >= 5 ? name.substring(0, 5).toUpperCase(java.util.Locale.ROOT) : name;
  }

  static List<String> codes(List<Path> dirs) {
    List<String> out = new ArrayList<>();
    dirs.forEach(d -> out.add(codeOf(d)));
    return out;
  }
}
