package io.ecsl.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ecsl.compile.Compiler;
import io.ecsl.testing.Golden;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every rule, both ways: each {@code valid/CASE} compiles with no diagnostic at all (no error, no
 * warning), each {@code invalid/CASE} with exactly its {@code expected.txt} (code, message,
 * line:col, hint). And every rule in the registry has at least one case of each kind.
 */
class RuleCasesTest {
  @TempDir Path temp;

  @TestFactory
  List<DynamicTest> valid() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Path dir : RuleCases.cases("valid")) {
      tests.add(DynamicTest.dynamicTest(dir.getFileName().toString(), () -> {
        Path project = Files.createDirectories(temp.resolve("valid-" + dir.getFileName()));
        Compiler.Result result = RuleCases.compile(dir, project);
        assertEquals("", RuleCases.render(result.diagnostics(), project), dir + " should compile without diagnostics");
        assertTrue(result.ok());
      }));
    }
    return tests;
  }

  @TestFactory
  List<DynamicTest> invalid() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Path dir : RuleCases.cases("invalid")) {
      tests.add(DynamicTest.dynamicTest(dir.getFileName().toString(), () -> {
        Path project = Files.createDirectories(temp.resolve("invalid-" + dir.getFileName()));
        Compiler.Result result = RuleCases.compile(dir, project);
        String actual = RuleCases.render(result.diagnostics(), project);
        Golden.assertText(dir.resolve("expected.txt"), actual);
        String code = RuleCases.codeOf(dir);
        assertTrue(actual.contains("[" + code + "]"), dir + " is named after " + code + " but does not report it");
      }));
    }
    return tests;
  }

  @Test
  void everyRuleHasAValidAndAnInvalidCase() throws IOException {
    List<String> valid = RuleCases.codes(RuleCases.cases("valid"));
    List<String> invalid = RuleCases.codes(RuleCases.cases("invalid"));
    List<String> missing = new ArrayList<>();
    for (Rule rule : Rules.all()) {
      if (ImportedModelTest.IMPORT_ONLY.contains(rule.code())) {
        continue; // .ecs cannot express these; ImportedModelTest covers them
      }
      if (!valid.contains(rule.code())) {
        missing.add(rule.code() + " (valid)");
      }
      if (!invalid.contains(rule.code())) {
        missing.add(rule.code() + " (invalid)");
      }
    }
    assertEquals(List.of(), missing, "rules without a case under src/test/resources/rules");
    for (Path dir : RuleCases.cases("invalid")) {
      assertTrue(Files.exists(dir.resolve("main.ecs")) && Files.exists(dir.resolve("expected.txt")), dir + " needs main.ecs and expected.txt");
    }
  }
}
