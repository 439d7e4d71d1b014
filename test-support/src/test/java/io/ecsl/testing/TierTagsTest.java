package io.ecsl.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The fast loop ({@code ./mvnw test -Pfast}) leaves out the tests tagged as needing Docker, moto,
 * the AWS CLI or cfn-lint, so it stays pure only while every test class that starts one of those
 * tools carries its {@code @Needs…} annotation. This reads each test class for the harness calls
 * that start a tool and fails when the annotation is missing: a test that forgot it would run in
 * the fast loop and fail (or hang) on a machine without the tool.
 */
class TierTagsTest {
  /** The annotation a test class needs → the calls that start the tool. */
  static final Map<String, Pattern> STARTS = Map.of(
      "@NeedsMoto", Pattern.compile("\\bMotoServer\\.start"),
      "@NeedsAwsCli", Pattern.compile("\\bAwsCli\\.(run|ok|json|batch)\\("),
      "@NeedsCfnLint", Pattern.compile("\"cfn-lint\"\\s*,"),
      "@NeedsDocker", Pattern.compile("\\bDockerTestSupport\\b|\\bnew TestRuntime\\(|\\bLocalRuntime\\.start\\("));
  private static final Pattern IS_TEST = Pattern.compile("@(Test|TestFactory|ParameterizedTest|RepeatedTest)\\b");
  private static final List<String> MODULES = List.of("facts", "compiler", "deploy", "runtime", "lsp", "cli");

  /** The annotations {@code source}, a test class, needs and lacks. */
  static List<String> missing(String source) {
    List<String> out = new ArrayList<>();
    if (!IS_TEST.matcher(source).find()) {
      return out; // a helper: the test classes that call it are judged by what they call themselves
    }
    for (Map.Entry<String, Pattern> tier : STARTS.entrySet()) {
      if (tier.getValue().matcher(source).find() && !Pattern.compile(Pattern.quote(tier.getKey()) + "\\b").matcher(source).find()) {
        out.add(tier.getKey());
      }
    }
    out.sort(null);
    return out;
  }

  @Test
  void everyTestThatStartsAToolCarriesItsTier() throws IOException {
    List<String> found = new ArrayList<>();
    int scanned = 0;
    for (String module : MODULES) {
      Path tests = RepoPaths.root().resolve(module).resolve("src/test/java");
      try (Stream<Path> files = Files.walk(tests)) {
        for (Path file : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
          scanned++;
          List<String> lacks = missing(Files.readString(file));
          if (!lacks.isEmpty()) {
            found.add(RepoPaths.root().relativize(file) + " lacks " + String.join(", ", lacks));
          }
        }
      }
    }
    assertEquals(List.of(), found, "a test that starts a tool must say so, or `./mvnw test -Pfast` runs it"
        + " (see docs/development.md, \"Tiers\")");
    if (scanned < 100) {
      throw new AssertionError("only " + scanned + " test files scanned: is " + RepoPaths.root() + " the repository?");
    }
  }

  @Test
  void theCheckRecognisesEachToolsStart() {
    String moto = "class A {\n  @Test void t() { try (MotoServer moto = MotoServer.startRelaxed()) {} }\n}";
    assertEquals(List.of("@NeedsMoto"), missing(moto));
    assertEquals(List.of(), missing("@NeedsMoto\n" + moto));
    assertEquals(List.of("@NeedsAwsCli", "@NeedsDocker"),
        missing("class B extends DockerTestSupport {\n  @Test void t() { AwsCli.json(env, \"ecs\", \"list-clusters\"); }\n}"));
    assertEquals(List.of("@NeedsCfnLint"), missing("class C {\n  @TestFactory List<DynamicTest> t() { run(List.of(\"cfn-lint\", \"--format\")); }\n}"));
    assertEquals(List.of("@NeedsDocker"),
        missing("class D {\n  @RegisterExtension final TestRuntime runtime = new TestRuntime();\n  @Test void t() {}\n}"));
    assertEquals(List.of(), missing("final class Helper {\n  static JsonNode aws(String... a) { return AwsCli.json(env, a); }\n}"),
        "a helper without tests of its own is judged where it is called");
    assertEquals(List.of(), missing("class E {\n  @Test void t() { assertEquals(\"ECS API; cfn-lint E3047\", e.source()); }\n}"),
        "naming the tool is not starting it");
  }
}
