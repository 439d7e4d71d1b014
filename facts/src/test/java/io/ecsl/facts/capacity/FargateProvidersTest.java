package io.ecsl.facts.capacity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ecsl.testing.RepoPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class FargateProvidersTest {
  @Test
  void theTwoBuiltInProvidersAndNothingElse() {
    assertEquals(List.of("FARGATE", "FARGATE_SPOT"), FargateProviders.ALL);
    assertTrue(FargateProviders.is("FARGATE") && FargateProviders.is("FARGATE_SPOT"));
    assertFalse(FargateProviders.is("fargate"), "provider names are case-sensitive");
    assertFalse(FargateProviders.is("FARGATE_SPOT2"));
    assertFalse(FargateProviders.is(null));
  }

  /**
   * Which providers are the built-in Fargate ones was once written in six places (the compiler's
   * sugar, rules, graph and importer, plan's refresh, the runtime): it is said here only.
   */
  @Test
  void noOtherModuleSpellsTheBuiltInProviders() throws IOException {
    List<String> found = new ArrayList<>();
    for (String module : List.of("compiler", "deploy", "runtime", "lsp", "cli")) {
      Path main = RepoPaths.root().resolve(module).resolve("src/main/java");
      try (Stream<Path> files = Files.walk(main)) {
        for (Path file : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
          List<String> lines = Files.readAllLines(file);
          for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("\"FARGATE_SPOT\"")) {
              found.add(RepoPaths.root().relativize(file) + ":" + (i + 1) + ": " + lines.get(i).strip());
            }
          }
        }
      }
    }
    assertEquals(List.of(), found, "use io.ecsl.facts.capacity.FargateProviders");
  }
}
