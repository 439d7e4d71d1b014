package io.ecsl.cli.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ecsl.cli.Cli;
import org.junit.jupiter.api.Test;

/** {@code ecsl explain}: a rule's summary, why, and examples with what ecsl says; every code listed. */
class ExplainCommandTest {
  @Test
  void aRuleIsExplainedWithItsDocumentationAndExamples() {
    Cli.Run r = Cli.run("explain", "w1101");
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().startsWith("W1101: Images are pinned to a tag other than `latest` or to a digest\n"
        + "warning · source: ecsl judgement\n\nThe image names a version. Without a tag Docker pulls `latest`"), r.out());
    assertTrue(r.out().contains("ECS accepts it; ecsl warns because it is usually a mistake."), r.out());
    assertTrue(r.out().contains("Rejected (w1101-"), r.out());
    assertTrue(r.out().contains("  ecsl check says:\n    main.ecs:"), r.out());
    assertTrue(r.out().contains("warning[W1101]"), r.out());
    assertTrue(r.out().contains("Accepted (w1101-"), r.out());
  }

  @Test
  void jsonCarriesTheSameAndUnknownCodesAreRefusedWithASuggestion() throws Exception {
    JsonNode json = new ObjectMapper().readTree(Cli.run("explain", "E1006", "--format", "json").out());
    assertEquals("E1006", json.path("code").asText());
    assertEquals("ECS API; cfn-lint E3047", json.path("source").asText());
    assertEquals("cfn-lint reports the same (E3047).", json.path("origins").get(1).asText());
    assertTrue(json.path("origins").get(0).asText().startsWith("The ECS API refuses a request that breaks it"));
    assertTrue(json.path("invalid").get(0).path("diagnostics").asText().contains("error[E1006]"));
    Cli.Run unknown = Cli.run("explain", "E1O06");
    assertEquals(1, unknown.exitCode());
    assertTrue(unknown.err().contains("no diagnostic code `E1O06`; did you mean E1006?"), unknown.err());
  }

  @Test
  void withoutACodeEveryCodeIsListed() {
    Cli.Run r = Cli.run("explain");
    assertEquals(0, r.exitCode());
    assertTrue(r.out().contains("E1006  A Fargate task's `cpu` and `memory` are one of the Fargate task sizes\n"), r.out());
    assertTrue(r.out().contains("E0201  "), r.out());
  }
}
