package io.ecsl.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.ecsl.compile.Compiler;
import io.ecsl.diag.Diagnostic;
import io.ecsl.diag.WellFormedDiagnostics;
import io.ecsl.importer.Importer;
import io.ecsl.source.SourceFile;
import io.ecsl.testing.RepoPaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;

/**
 * Coverage-guided fuzzing (Jazzer) of everything that reads user input: {@code .ecs} source through
 * parse → evaluate → lower → rules, and JSON through the importer (and the source it prints back
 * through the compiler). A user's input may make diagnostics, never an exception, and every
 * diagnostic must be one a user can act on ({@link WellFormedDiagnostics}: a known code, a span
 * inside its file or a resource, no internal text).
 *
 * <p>Inputs start from real material (samples/*.ecs, the JSON corpus) that the fuzzer's bytes then
 * mutate, so it explores deep in the pipeline rather than only the lexer. The compiler module's
 * surefire configuration sets {@code JAZZER_FUZZ=1}, so {@code ./mvnw verify} fuzzes for a bounded
 * time ({@code maxDuration}) instead of only replaying the regression inputs. It is tagged
 * {@code fuzz}, which the fast loop ({@code -Pfast}) leaves out.
 */
@Tag("fuzz")
class PipelineFuzzTest {
  private static final List<String> ECS_SEEDS = seeds(RepoPaths.samples(), ".ecs");
  private static final List<String> JSON_SEEDS = seeds(RepoPaths.corpus(), ".json");
  private static final Path WORK = workDirectory();
  static final AtomicLong EXECUTIONS = new AtomicLong();

  @org.junit.jupiter.api.AfterAll
  static void report() {
    System.out.println("fuzz executions: " + EXECUTIONS.get());
  }

  @FuzzTest(maxDuration = "25s")
  void pipeline(FuzzedDataProvider data) throws IOException {
    EXECUTIONS.incrementAndGet();
    boolean json = data.consumeBoolean();
    List<String> seeds = json ? JSON_SEEDS : ECS_SEEDS;
    String text = mutate(seeds.get(data.consumeInt(0, seeds.size() - 1)), data);
    if (json) {
      Importer.Result result = Importer.importSources(List.of(SourceFile.of("fuzz.json", text)));
      assertWellFormed(result.diagnostics().sorted(), "importing", text);
      if (result.sourceAvailable()) {
        compile(result.source());
      }
    } else {
      compile(text);
    }
  }

  /** Compiles one source file; diagnostics are the expected outcome, but each must be well formed. */
  private static void compile(String source) throws IOException {
    Path file = WORK.resolve("main.ecs");
    Files.writeString(file, source, StandardCharsets.UTF_8);
    assertWellFormed(Compiler.compile(Compiler.Options.of(file)).diagnostics().sorted(), "compiling", source);
  }

  private static void assertWellFormed(List<Diagnostic> diagnostics, String doing, String input) {
    List<String> problems = WellFormedDiagnostics.problems(diagnostics);
    if (!problems.isEmpty()) {
      throw new AssertionError(doing + " gave diagnostics a user cannot act on:\n  " + String.join("\n  ", problems)
          + "\ninput:\n" + input);
    }
  }

  /** A seed changed by the fuzzer: a few insertions, deletions and replacements at chosen offsets. */
  static String mutate(String seed, FuzzedDataProvider data) {
    StringBuilder text = new StringBuilder(seed);
    int edits = data.consumeInt(0, 4);
    for (int i = 0; i < edits && data.remainingBytes() > 0; i++) {
      int at = text.isEmpty() ? 0 : data.consumeInt(0, text.length());
      switch (data.consumeInt(0, 2)) {
        case 0 -> text.insert(at, data.consumeString(16));
        case 1 -> text.delete(at, Math.min(text.length(), at + data.consumeInt(1, 32)));
        default -> text.replace(at, Math.min(text.length(), at + data.consumeInt(1, 8)), data.consumeString(8));
      }
    }
    if (data.consumeBoolean()) {
      text.append(data.consumeRemainingAsString());
    }
    return text.toString();
  }

  private static List<String> seeds(Path dir, String suffix) {
    List<String> out = new ArrayList<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.filter(f -> f.toString().endsWith(suffix) && !f.endsWith("manifest.json")).sorted().toList()) {
        out.add(Files.readString(p));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.add("");
    return out;
  }

  private static Path workDirectory() {
    try {
      Path dir = Files.createTempDirectory("ecsl-fuzz");
      dir.toFile().deleteOnExit();
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
