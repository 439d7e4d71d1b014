package io.ecsl.emit.cfn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.emit.Json;
import io.ecsl.emit.TestProjects;
import io.ecsl.testing.NeedsCfnLint;
import io.ecsl.testing.Processes;
import io.ecsl.testing.RepoPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code cfn-lint} finds no error in the template of any project: every sample, every
 * valid rule-test case (both found in the repository on each run) and this package's own
 * projects. cfn-lint is slow to start, so all templates go to one invocation.
 */
@NeedsCfnLint
class CfnLintTest {
  @TempDir static Path work;

  /** Template name → cfn-lint's findings for it (parseable format, one per line). */
  private static final Map<String, List<String>> FINDINGS = new LinkedHashMap<>();
  private static final Map<String, Path> TEMPLATES = new LinkedHashMap<>();
  /** A template with a property CloudFormation does not have: proves findings are read at all. */
  private static final String BROKEN = "broken-canary";

  @BeforeAll
  static void lintEverything() throws Exception {
    add("own-everything", CloudFormation.of(TestProjects.compile(work.resolve("src/everything"), TestProjects.EVERYTHING)).json());
    add("own-minimal", CloudFormation.of(TestProjects.compile(work.resolve("src/minimal"), """
        task hello { container app { image = "nginx:1.27", memory = 128 } }
        """)).json());
    for (Path project : TestProjects.repositoryProjects()) {
      String name = project.getParent().getFileName() + "-" + project.getFileName();
      add(name, CloudFormation.of(TestProjects.compile(project)).json());
    }
    ObjectNode broken = CloudFormation.of(TestProjects.compile(work.resolve("src/broken"), TestProjects.EVERYTHING)).json();
    ObjectNode proxy = (ObjectNode) broken.at("/Resources/TaskDefinitionWeb/Properties/ProxyConfiguration");
    proxy.set("Properties", proxy.remove("ProxyConfigurationProperties"));
    add(BROKEN, broken);

    List<String> command = new ArrayList<>(List.of("cfn-lint", "--format", "parseable", "--"));
    TEMPLATES.values().forEach(p -> command.add(p.toString()));
    Processes.Result lint = Processes.run(command, Map.of(), 300);
    for (String line : lint.stdout().split("\n")) {
      TEMPLATES.forEach((name, path) -> {
        if (line.startsWith(path + ":")) {
          FINDINGS.get(name).add(line.substring(path.toString().length() + 1));
        }
      });
    }
    // Exit code 1 would be cfn-lint failing to run at all (bad template, crash): never expected.
    assertEquals(0, lint.exitCode() & 1, "cfn-lint failed to run:\n" + lint.stdout() + lint.stderr());
  }

  private static void add(String name, ObjectNode template) throws IOException {
    Path file = work.resolve("templates").resolve(name + ".json");
    Files.createDirectories(file.getParent());
    Files.write(file, Json.prettyBytes(template));
    TEMPLATES.put(name, file);
    FINDINGS.put(name, new ArrayList<>());
  }

  @TestFactory
  Stream<DynamicTest> noTemplateHasErrors() {
    return TEMPLATES.keySet().stream().filter(name -> !name.equals(BROKEN)).map(name -> DynamicTest.dynamicTest(name, () -> {
      List<String> errors = FINDINGS.get(name).stream().filter(CfnLintTest::isError).toList();
      assertTrue(errors.isEmpty(), "cfn-lint errors in the template of " + name + ":\n  " + String.join("\n  ", errors)
          + "\n(template: " + TEMPLATES.get(name) + ")");
    }));
  }

  @Test
  void theLinterRunsAndItsErrorsAreSeen() {
    assertFalse(FINDINGS.get(BROKEN).stream().noneMatch(CfnLintTest::isError),
        "cfn-lint reported nothing for a template with an unknown property; findings are not being read");
    assertTrue(FINDINGS.get(BROKEN).stream().anyMatch(f -> f.contains("Properties")), String.join("\n", FINDINGS.get(BROKEN)));
  }

  @Test
  void repositoryProjectsAreFoundDynamically() {
    // The samples directory exists in this repository; every sample must have been linted.
    Path samples = RepoPaths.samples();
    long linted = TEMPLATES.keySet().stream().filter(n -> n.startsWith("samples-")).count();
    long present = TestProjects.repositoryProjects().stream().filter(p -> p.startsWith(samples)).count();
    assertEquals(present, linted);
  }

  /** Parseable lines read {@code line:col:endline:endcol:RULE:message}; E rules are errors. */
  private static boolean isError(String finding) {
    String[] parts = finding.split(":", 6);
    return parts.length >= 5 && parts[4].startsWith("E");
  }
}
