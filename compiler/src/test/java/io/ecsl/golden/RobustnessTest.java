package io.ecsl.golden;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ecsl.compile.Compiler;
import io.ecsl.diag.Diagnostic;
import io.ecsl.diag.WellFormedDiagnostics;
import io.ecsl.source.SourceFile;
import io.ecsl.testing.Golden;
import io.ecsl.testing.RepoPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Truncated and damaged files: every .ecs file of the golden build cases and the samples is cut at
 * twelve points and, twelve times, has three characters replaced by syntax characters, and each
 * damaged copy is compiled on its own. None may throw, and every diagnostic must be one a user can
 * act on ({@link WellFormedDiagnostics}). What each one gives is pinned in
 * {@code golden/robustness.txt}, one line per damaged input — the damage, then {@code ok} or its
 * errors ({@code CODE@line:col}, at most three) — so a change in how the compiler recovers from
 * broken input shows as a diff to review ({@code -Decsl.golden.update=true} rewrites the file).
 *
 * <p>Each file's damage comes from a generator seeded with its own path, so adding or editing one
 * file changes only its own lines.
 */
class RobustnessTest {
  private static final Path EXPECTED = GoldenBuildTest.GOLDEN.resolve("robustness.txt");
  private static final String NOISE = "{}[]()=\"$\\#,.@\n 0aZ-/%";
  private static final int CUTS = 13;
  private static final int DAMAGES = 12;

  @TempDir Path dir;

  @Test
  void eachTruncatedOrDamagedFileGivesItsPinnedDiagnostics() throws IOException {
    Path root = RepoPaths.root();
    List<Path> files;
    try (Stream<Path> s = Stream.concat(Files.walk(GoldenBuildTest.GOLDEN.resolve("build")), Files.walk(RepoPaths.samples()))) {
      files = s.filter(p -> p.toString().endsWith(".ecs")).map(p -> root.relativize(p.toAbsolutePath().normalize()))
          .sorted().toList();
    }
    StringBuilder outcomes = new StringBuilder();
    int inputs = 0;
    for (Path file : files) {
      String source = Files.readString(root.resolve(file));
      for (int cut = 1; cut < CUTS; cut++) {
        int at = source.length() * cut / CUTS;
        outcomes.append(file).append(" cut at ").append(where(source, at)).append(" -> ")
            .append(outcome(source.substring(0, at))).append('\n');
        inputs++;
      }
      Random random = new Random(file.toString().hashCode());
      for (int m = 0; m < DAMAGES; m++) {
        char[] chars = source.toCharArray();
        List<String> edits = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
          int at = random.nextInt(chars.length);
          char noise = NOISE.charAt(random.nextInt(NOISE.length()));
          chars[at] = noise;
          edits.add(where(source, at) + "='" + (noise == '\n' ? "\\n" : String.valueOf(noise)) + "'");
        }
        outcomes.append(file).append(" damaged ").append(String.join(" ", edits)).append(" -> ")
            .append(outcome(new String(chars))).append('\n');
        inputs++;
      }
    }
    assertTrue(inputs > 300, "too few inputs: " + inputs);
    Golden.assertText(EXPECTED, outcomes.toString());
  }

  private static String where(String source, int offset) {
    SourceFile file = SourceFile.of("x", source);
    return file.lineOf(offset) + ":" + file.columnOf(offset);
  }

  /** {@code ok}, or the first errors as {@code CODE@line:col}; fails on an exception or a diagnostic a user cannot act on. */
  private String outcome(String text) throws IOException {
    Path file = dir.resolve("main.ecs");
    Files.writeString(file, text);
    Compiler.Result r = Compiler.compile(new Compiler.Options(List.of(file), dir, List.of(), List.of(), null, null));
    List<Diagnostic> diagnostics = r.diagnostics().sorted();
    List<String> problems = WellFormedDiagnostics.problems(diagnostics);
    assertTrue(problems.isEmpty(), () -> String.join("\n", problems) + "\nfor input:\n" + text);
    List<String> errors = new ArrayList<>();
    for (Diagnostic d : diagnostics) {
      if (d.isError()) {
        errors.add(d.code() + (d.span() != null && !d.span().isNone() ? "@" + d.span().line() + ":" + d.span().column() : ""));
      }
    }
    if (errors.isEmpty()) {
      return "ok";
    }
    String shown = String.join(" ", errors.subList(0, Math.min(3, errors.size())));
    return errors.size() > 3 ? shown + " (+" + (errors.size() - 3) + ")" : shown;
  }
}
