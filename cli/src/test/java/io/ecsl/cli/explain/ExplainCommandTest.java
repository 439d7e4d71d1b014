package io.ecsl.cli.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ecsl.cli.Main;
import io.ecsl.testing.InProcessCli;
import io.ecsl.testing.Processes;
import org.junit.jupiter.api.Test;

/** {@code ecsl explain}: a rule's summary, why, and examples with what ecsl says; every code listed. */
class ExplainCommandTest {
  private static final InProcessCli ECSL = new InProcessCli(Main::run);

  @Test
  void aRuleIsExplainedWithItsDocumentationAndExamples() {
    Processes.Result r = ECSL.run("explain", "w1101");
    assertEquals(0, r.exitCode(), r.stderr());
    assertTrue(r.stdout().startsWith("W1101: Images are pinned to a tag other than `latest` or to a digest\n"
        + "warning · source: ecsl judgement\n\nThe image names a version. Without a tag Docker pulls `latest`"), r.stdout());
    assertTrue(r.stdout().contains("ECS accepts it; ecsl warns because it is usually a mistake."), r.stdout());
    assertTrue(r.stdout().contains("Rejected (w1101-"), r.stdout());
    assertTrue(r.stdout().contains("  ecsl check says:\n    main.ecs:"), r.stdout());
    assertTrue(r.stdout().contains("warning[W1101]"), r.stdout());
    assertTrue(r.stdout().contains("Accepted (w1101-"), r.stdout());
  }

  @Test
  void jsonCarriesTheSameAndUnknownCodesAreRefusedWithASuggestion() throws Exception {
    JsonNode json = new ObjectMapper().readTree(ECSL.run("explain", "E1006", "--format", "json").stdout());
    assertEquals("E1006", json.path("code").asText());
    assertEquals("ECS API; cfn-lint E3047", json.path("source").asText());
    assertEquals("cfn-lint reports the same (E3047).", json.path("origins").get(1).asText());
    assertTrue(json.path("origins").get(0).asText().startsWith("The ECS API refuses a request that breaks it"));
    assertTrue(json.path("invalid").get(0).path("diagnostics").asText().contains("error[E1006]"));
    Processes.Result unknown = ECSL.run("explain", "E1O06");
    assertEquals(1, unknown.exitCode());
    assertTrue(unknown.stderr().contains("no diagnostic code `E1O06`; did you mean E1006?"), unknown.stderr());
  }

  @Test
  void withoutACodeEveryCodeIsListed() {
    Processes.Result r = ECSL.run("explain");
    assertEquals(0, r.exitCode());
    assertTrue(r.stdout().contains("E1006  A Fargate task's `cpu` and `memory` are one of the Fargate task sizes\n"), r.stdout());
    assertTrue(r.stdout().contains("E0201  "), r.stdout());
  }
}
