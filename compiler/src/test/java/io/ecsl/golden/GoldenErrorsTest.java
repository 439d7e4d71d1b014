package io.ecsl.golden;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ecsl.TestProjects;
import io.ecsl.compile.Compiler;
import io.ecsl.diag.DiagnosticJson;
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
 * Diagnostics, pinned: each golden/errors/CASE.ecs (or directory CASE/, a multi-file project)
 * fails to compile with exactly the text in CASE.err — message, location, snippet and hint.
 * A case named {@code warning_…} compiles, with the warnings CASE.err holds. The JSON form is pinned for a few cases in CASE.json. Inputs: CASE.vars holds `--var` flags,
 * one per line; CASE.varfile is given as `--var-file`.
 */
class GoldenErrorsTest {
  static final Path ERRORS = GoldenBuildTest.GOLDEN.resolve("errors");

  @TestFactory
  List<DynamicTest> cases() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    try (Stream<Path> s = Files.list(ERRORS)) {
      for (Path p : s.sorted().toList()) {
        String name = p.getFileName().toString();
        if (name.endsWith(".ecs") || Files.isDirectory(p)) {
          String caseName = name.replaceAll("\\.ecs$", "");
          tests.add(DynamicTest.dynamicTest(caseName, () -> check(p, caseName)));
        }
      }
    }
    return tests;
  }

  private void check(Path input, String caseName) throws IOException {
    Path root = Files.isDirectory(input) ? input : input.getParent();
    Path entry = Files.isDirectory(input) && Files.isDirectory(input.resolve("root")) ? input.resolve("root") : input;
    Path vars = ERRORS.resolve(caseName + ".vars");
    Path varFile = ERRORS.resolve(caseName + ".varfile");
    Compiler.Result result = Compiler.compile(new Compiler.Options(List.of(entry), root,
        Files.exists(vars) ? Files.readAllLines(vars) : List.of(), Files.exists(varFile) ? List.of(varFile) : List.of(),
        null, null));
    if (caseName.startsWith("warning_")) {
      // a warning's case: it compiles (a warning fails only `--strict`), and says what CASE.err holds
      assertTrue(result.ok(), caseName + " should compile, with a warning");
    } else {
      assertFalse(result.ok(), caseName + " should not compile");
    }
    Golden.assertText(ERRORS.resolve(caseName + ".err"), TestProjects.render(result.diagnostics(), Path.of("")));
    Path json = ERRORS.resolve(caseName + ".json");
    if (Files.exists(json)) {
      Golden.assertText(json, DiagnosticJson.render(result.diagnostics().sorted()));
    }
  }
}
