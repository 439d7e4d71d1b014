package io.ecsl.cli.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.emit.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The pure pieces of {@code ecsl run}: the RunTask request from options, shell words, the exit status. */
class RunTaskRequestTest {
  private static JsonNode definition(String networkMode) throws Exception {
    return Json.mapper().readTree("""
        {"family": "migrate", "networkMode": "%s", "containerDefinitions": [
          {"name": "sidecar", "essential": false}, {"name": "app"}, {"name": "log"}]}
        """.formatted(networkMode));
  }

  private static RunTaskRequest.Options options(int count, List<String> command, Map<String, String> env,
      String launchType, String strategy, List<String> subnets) {
    return new RunTaskRequest.Options(count, command, null, env, null, null, launchType, strategy, subnets, List.of(),
        false, null, "ecsl-run", Map.of());
  }

  @Test
  void commandAndEnvironmentGoToTheFirstEssentialContainer() throws Exception {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("DEBUG", "1");
    env.put("MODE", "a=b");
    ObjectNode request = RunTaskRequest.build("jobs", "arn:td/migrate:3", definition("bridge"),
        options(3, List.of("sh", "-c", "exit 7"), env, null, null, List.of()), null, true);
    assertEquals("jobs", request.get("cluster").asText());
    assertEquals(3, request.get("count").asInt());
    assertEquals("ecsl-run", request.get("startedBy").asText());
    JsonNode container = request.at("/overrides/containerOverrides/0");
    assertEquals("app", container.get("name").asText());
    assertEquals(List.of("sh", "-c", "exit 7"), Json.mapper().convertValue(container.get("command"), List.class));
    assertEquals("MODE", container.at("/environment/1/name").asText());
    assertEquals("a=b", container.at("/environment/1/value").asText());
    assertFalse(request.has("networkConfiguration"), "bridge tasks take no network configuration");
  }

  @Test
  void sizesAreNormalizedAndBadOnesRefused() throws Exception {
    var sized = new RunTaskRequest.Options(1, List.of(), null, Map.of(), "0.5 vcpu", "1 GB", null, null, List.of(),
        List.of(), false, null, null, Map.of());
    ObjectNode request = RunTaskRequest.build("c", "td", definition("bridge"), sized, null, true);
    assertEquals("512", request.at("/overrides/cpu").asText());
    assertEquals("1024", request.at("/overrides/memory").asText());
    var bad = new RunTaskRequest.Options(1, List.of(), null, Map.of(), "lots", null, null, null, List.of(), List.of(),
        false, null, null, Map.of());
    var problem = assertThrows(RunTaskRequest.Problem.class, () -> RunTaskRequest.build("c", "td", definition("bridge"),
        bad, null, true));
    assertTrue(problem.getMessage().contains("--cpu lots"), problem.getMessage());
  }

  @Test
  void countIsBetweenOneAndTen() throws Exception {
    JsonNode td = definition("bridge");
    assertThrows(RunTaskRequest.Problem.class, () -> RunTaskRequest.build("c", "td", td,
        options(11, List.of(), Map.of(), null, null, List.of()), null, true));
    assertThrows(RunTaskRequest.Problem.class, () -> RunTaskRequest.build("c", "td", td,
        options(0, List.of(), Map.of(), null, null, List.of()), null, true));
    assertEquals(10, RunTaskRequest.build("c", "td", td, options(10, List.of(), Map.of(), null, null, List.of()), null,
        true).get("count").asInt());
  }

  @Test
  void strategyIsReadInTheLanguagesSyntaxAndExclusiveWithLaunchType() throws Exception {
    ObjectNode request = RunTaskRequest.build("c", "td", definition("bridge"), options(1, List.of(), Map.of(), null,
        "FARGATE base 2 weight 1, FARGATE_SPOT weight 3", List.of()), null, true);
    assertEquals("FARGATE", request.at("/capacityProviderStrategy/0/capacityProvider").asText());
    assertEquals(2, request.at("/capacityProviderStrategy/0/base").asInt());
    assertEquals(1, request.at("/capacityProviderStrategy/0/weight").asInt());
    assertEquals(3, request.at("/capacityProviderStrategy/1/weight").asInt());
    assertThrows(RunTaskRequest.Problem.class, () -> RunTaskRequest.build("c", "td", definition("bridge"),
        options(1, List.of(), Map.of(), "FARGATE", "FARGATE weight 1", List.of()), null, true));
    var problem = assertThrows(RunTaskRequest.Problem.class, () -> RunTaskRequest.strategy("FARGATE weight"));
    assertTrue(problem.getMessage().contains("--strategy"), problem.getMessage());
  }

  @Test
  void awsvpcTakesTheOptionsThenTheProjectsNetworkThenLocalDefaults() throws Exception {
    JsonNode td = definition("awsvpc");
    ObjectNode project = (ObjectNode) Json.mapper().readTree("{\"subnets\": [\"subnet-project\"]}");
    assertEquals("subnet-cli", RunTaskRequest.build("c", "td", td, options(1, List.of(), Map.of(), null, null,
        List.of("subnet-cli")), project, false).at("/networkConfiguration/awsvpcConfiguration/subnets/0").asText());
    assertEquals("subnet-project", RunTaskRequest.build("c", "td", td, options(1, List.of(), Map.of(), null, null,
        List.of()), project, false).at("/networkConfiguration/awsvpcConfiguration/subnets/0").asText());
    assertEquals(RunTaskRequest.LOCAL_SUBNETS.get(0), RunTaskRequest.build("c", "td", td, options(1, List.of(), Map.of(),
        null, null, List.of()), null, true).at("/networkConfiguration/awsvpcConfiguration/subnets/0").asText());
    var problem = assertThrows(RunTaskRequest.Problem.class, () -> RunTaskRequest.build("c", "td", td,
        options(1, List.of(), Map.of(), null, null, List.of()), null, false));
    assertTrue(problem.getMessage().contains("--subnets"), problem.getMessage());
    assertThrows(RunTaskRequest.Problem.class, () -> RunTaskRequest.build("c", "td", definition("bridge"),
        options(1, List.of(), Map.of(), null, null, List.of("subnet-x")), null, true));
  }

  @Test
  void anUnknownContainerIsRefusedNamingTheOnesThereAre() throws Exception {
    var problem = assertThrows(RunTaskRequest.Problem.class, () -> RunTaskRequest.container(definition("bridge"), "web"));
    assertTrue(problem.getMessage().contains("sidecar, app, log"), problem.getMessage());
    assertEquals("log", RunTaskRequest.container(definition("bridge"), "log"));
  }

  @Test
  void pairsNeedANameAndAnEqualsSign() {
    assertEquals(Map.of("A", "1=2"), RunTaskRequest.pairs(List.of("A=1=2"), "--env"));
    assertThrows(RunTaskRequest.Problem.class, () -> RunTaskRequest.pairs(List.of("=1"), "--env"));
    assertThrows(RunTaskRequest.Problem.class, () -> RunTaskRequest.pairs(List.of("A"), "--env"));
  }

  @Test
  void shellWordsSplitAsAShellDoesWithoutExpansion() {
    assertEquals(List.of("sh", "-c", "echo $HOME; exit 7"), ShellWords.split("sh -c 'echo $HOME; exit 7'"));
    assertEquals(List.of("a b", "c\"d", "e f"), ShellWords.split("\"a b\" \"c\\\"d\" e\\ f"));
    assertEquals(List.of("", "x"), ShellWords.split("'' x"));
    assertThrows(IllegalArgumentException.class, () -> ShellWords.split("echo 'open"));
  }

  @Test
  void theExitStatusIsTheFirstEssentialContainersNonZeroCode() throws Exception {
    JsonNode task = Json.mapper().readTree("""
        {"containers": [{"name": "sidecar", "exitCode": 9}, {"name": "app", "exitCode": 0},
          {"name": "log", "exitCode": 7}]}""");
    assertEquals(7, TaskWatch.exitStatus(task, Set.of("app", "log")));
    assertEquals(0, TaskWatch.exitStatus(task, Set.of("app")));
    JsonNode neverRan = Json.mapper().readTree("{\"containers\": [{\"name\": \"app\"}]}");
    assertEquals(TaskWatch.COULD_NOT_RUN, TaskWatch.exitStatus(neverRan, Set.of("app")));
  }

  @Test
  void aTaskArnNamesItsCluster() {
    assertEquals("jobs", RunCommand.clusterOf("arn:aws:ecs:us-east-1:000000000000:task/jobs/0123abcd"));
  }
}
