package io.ecsl.golden;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ecsl.TestProjects;
import io.ecsl.importer.Importer;
import io.ecsl.testing.Golden;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * What `ecsl import` says about JSON it cannot take, pinned: each golden/import-errors/CASE.json
 * (or directory CASE/ of documents imported together) gives exactly the diagnostics in CASE.err.
 * A case ending in `-warning` must import, with warnings.
 */
class GoldenImportErrorsTest {
  static final Path CASES = GoldenBuildTest.GOLDEN.resolve("import-errors");

  @TestFactory
  List<DynamicTest> cases() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    try (Stream<Path> s = Files.list(CASES)) {
      for (Path p : s.sorted().toList()) {
        String name = p.getFileName().toString();
        if (name.endsWith(".json") || Files.isDirectory(p)) {
          String caseName = name.replaceAll("\\.json$", "");
          tests.add(DynamicTest.dynamicTest(caseName, () -> check(p, caseName)));
        }
      }
    }
    return tests;
  }

  private void check(Path input, String caseName) throws IOException {
    List<Path> inputs;
    if (Files.isDirectory(input)) {
      try (Stream<Path> s = Files.list(input)) {
        inputs = s.sorted().toList();
      }
    } else {
      inputs = List.of(input);
    }
    Importer.Result result = Importer.importFiles(inputs);
    if (caseName.endsWith("-warning")) {
      assertTrue(result.ok() && result.diagnostics().warningCount() > 0, caseName + " should import with warnings");
    } else {
      assertFalse(result.ok(), caseName + " should not import");
    }
    Golden.assertText(CASES.resolve(caseName + ".err"), TestProjects.render(result.diagnostics(), Path.of("")));
  }
}
