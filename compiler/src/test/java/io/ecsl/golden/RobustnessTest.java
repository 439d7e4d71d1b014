package io.ecsl.golden;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ecsl.compile.Compiler;
import io.ecsl.diag.Diagnostic;
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
 * Truncated and damaged files give clean diagnostics, never an exception: every valid input we
 * have is cut at many points and has bytes flipped, and each damaged copy is compiled.
 */
class RobustnessTest {
  @TempDir Path dir;

  @Test
  void truncatedAndDamagedFilesGiveDiagnosticsNotExceptions() throws IOException {
    List<String> sources = new ArrayList<>();
    try (Stream<Path> s = Stream.concat(Files.walk(GoldenBuildTest.GOLDEN.resolve("build")), Files.walk(RepoPaths.samples()))) {
      for (Path p : s.filter(p -> p.toString().endsWith(".ecs")).sorted().toList()) {
        sources.add(Files.readString(p));
      }
    }
    Random random = new Random(42);
    int compiled = 0;
    int rejected = 0;
    for (String source : sources) {
      for (int cut = 1; cut <= 12; cut++) {
        String truncated = source.substring(0, source.length() * cut / 13);
        rejected += compile(truncated) ? 0 : 1;
        compiled++;
      }
      for (int m = 0; m < 12; m++) {
        char[] chars = source.toCharArray();
        for (int k = 0; k < 3; k++) {
          String noise = "{}[]()=\"$\\#,.@\n 0aZ-/%";
          chars[random.nextInt(chars.length)] = noise.charAt(random.nextInt(noise.length()));
        }
        rejected += compile(new String(chars)) ? 0 : 1;
        compiled++;
      }
    }
    assertTrue(compiled > 300, "too few inputs: " + compiled);
    assertTrue(rejected > compiled / 2, "most damaged inputs should be rejected, got " + rejected + " of " + compiled);
  }

  /** Compiles one text; true when it compiled. Fails the test on an exception or a bad diagnostic. */
  private boolean compile(String text) throws IOException {
    Path file = dir.resolve("main.ecs");
    Files.writeString(file, text);
    Compiler.Result r = Compiler.compile(new Compiler.Options(List.of(file), dir, List.of(), List.of(), null, null));
    for (Diagnostic d : r.diagnostics().sorted()) {
      assertNotNull(d.code(), "diagnostic without a code");
      assertFalse(d.message().contains("Exception") || d.message().contains("mismatched input"),
          () -> "raw internal text in a diagnostic: " + d.message() + "\nfor input:\n" + text);
      assertTrue(d.span() != null || d.resource() != null, () -> "diagnostic without a location: " + d);
    }
    return r.ok();
  }
}
