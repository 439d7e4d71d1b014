package io.ecsl.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.ecsl.ast.SourceUnit;
import io.ecsl.diag.Diagnostics;
import io.ecsl.fmt.Formatter;
import io.ecsl.parse.Parser;
import io.ecsl.source.SourceFile;
import io.ecsl.testing.RepoPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * parse → format → parse gives the same AST, and formatting is idempotent, for every valid input
 * we have: golden build inputs, samples, and the stdlib.
 */
class RoundTripTest {

  @TestFactory
  List<DynamicTest> everyValidInput() throws IOException {
    List<Path> files = new ArrayList<>();
    files.addAll(ecsFiles(GoldenBuildTest.GOLDEN.resolve("build")));
    files.addAll(ecsFiles(RepoPaths.samples()));
    files.addAll(ecsFiles(RepoPaths.root().resolve("stdlib/src/main/resources/ecsl/std")));
    List<DynamicTest> tests = new ArrayList<>();
    for (Path f : files) {
      tests.add(DynamicTest.dynamicTest(f.toString(), () -> roundTrip(f)));
    }
    return tests;
  }

  /**
   * The samples and the stdlib are what users copy and read: they are in the canonical form, so
   * `ecsl fmt --check` passes on a copied sample.
   */
  @TestFactory
  List<DynamicTest> samplesAndStdlibAreFormatted() throws IOException {
    List<Path> files = new ArrayList<>(ecsFiles(RepoPaths.samples()));
    files.addAll(ecsFiles(RepoPaths.root().resolve("stdlib/src/main/resources/ecsl/std")));
    List<DynamicTest> tests = new ArrayList<>();
    for (Path f : files) {
      tests.add(DynamicTest.dynamicTest(f.toString(), () -> {
        String source = Files.readString(f);
        assertEquals(Formatter.format(parse(f.toString(), source)), source, f + " is not formatted: run `ecsl fmt " + f + "`");
      }));
    }
    return tests;
  }

  static void roundTrip(Path file) throws IOException {
    SourceUnit first = parse(file.toString(), Files.readString(file));
    String formatted = Formatter.format(first);
    SourceUnit second = parse(file + " (formatted)", formatted);
    assertEquals(AstDump.dump(first.items()), AstDump.dump(second.items()), "formatting changed the meaning of " + file
        + ":\n" + formatted);
    assertEquals(formatted, Formatter.format(second), "formatting is not idempotent for " + file);
  }

  private static SourceUnit parse(String name, String text) {
    Diagnostics d = new Diagnostics();
    SourceUnit unit = Parser.parse(SourceFile.of(name, text), d);
    assertNotNull(unit, () -> name + " does not parse: " + d.sorted());
    return unit;
  }

  private static List<Path> ecsFiles(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(p -> p.toString().endsWith(".ecs")).sorted().toList();
    }
  }
}
