package io.ecsl.emit.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.emit.Json;
import io.ecsl.testing.Processes;
import io.ecsl.emit.Manifest;
import io.ecsl.emit.TestProjects;
import io.ecsl.model.EcsModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.velocity.exception.VelocityException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rendered script, checked with the real bash: it parses, its steps follow the manifest, and
 * quoting keeps any value literal. (DeployScriptMotoTest in the CLI runs it against moto_server.)
 */
class DeployScriptTest {
  @TempDir static Path dir;
  private static EcsModel model;
  private static String script;

  @BeforeAll
  static void render() {
    model = TestProjects.compile(dir.resolve("everything"), TestProjects.EVERYTHING);
    script = DeployScript.render(model);
  }

  @Test
  void bashAcceptsTheScript() throws Exception {
    Path file = dir.resolve("deploy.sh");
    Files.writeString(file, script);
    Processes.Result check = Processes.run(List.of("bash", "-n", file.toString()), Map.of(), 60);
    assertEquals(0, check.exitCode(), check.stdout() + check.stderr());
    assertTrue(script.startsWith("#!/usr/bin/env bash\n"));
    assertTrue(script.contains("\nset -euo pipefail\n"));
  }

  @Test
  void aProjectWithNothingDeclaredGivesAScriptThatDoesNothing(@TempDir Path tmp) throws Exception {
    Path file = tmp.resolve("deploy.sh");
    Files.writeString(file, DeployScript.render(TestProjects.compile(tmp.resolve("empty"), "project { name = \"empty\", region = \"us-east-1\" }\n")));
    // A fake `aws` on PATH so the script's check for the CLI passes; nothing may call it.
    Path bin = Files.createDirectories(tmp.resolve("bin"));
    Files.writeString(bin.resolve("aws"), "#!/bin/sh\necho called >&2\nexit 99\n");
    bin.resolve("aws").toFile().setExecutable(true);
    Processes.Result run = Processes.run(List.of("bash", file.toString()),
        Map.of("PATH", bin + ":" + System.getenv("PATH")), 60);
    assertEquals(0, run.exitCode(), run.stdout() + run.stderr());
    assertEquals("deploy.sh: project empty, region us-east-1, 0 steps\ndeploy.sh: done\n", run.stdout());
  }

  @Test
  void theEndpointComesFromTheEnvironmentAsInTheSdks(@TempDir Path tmp) throws Exception {
    Path out = tmp.resolve("out");
    Files.createDirectories(out.resolve("account-settings"));
    EcsModel settings = TestProjects.compile(tmp.resolve("src"), """
        project { name = "p", region = "eu-west-1" }
        account_settings { container_insights = enabled }
        """);
    Files.writeString(out.resolve("deploy.sh"), DeployScript.render(settings));
    Files.writeString(out.resolve("account-settings/containerInsights.json"), "{}");
    // A stand-in `aws` that records its arguments: this checks only what the script passes;
    // DeployScriptMotoTest runs the real CLI.
    Path bin = Files.createDirectories(tmp.resolve("bin"));
    Path log = tmp.resolve("args");
    Files.writeString(bin.resolve("aws"), "#!/bin/sh\nprintf '%s ' \"$@\" >> '" + log + "'\necho >> '" + log + "'\n");
    bin.resolve("aws").toFile().setExecutable(true);
    Map<String, String> base = Map.of("PATH", bin + ":" + System.getenv("PATH"), "AWS_ENDPOINT_URL", "", "AWS_ENDPOINT_URL_ECS", "",
        "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "", "ECSL_REGION", "");
    List<Map<String, String>> cases = List.of(
        Map.of(),
        Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:1"),
        Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:1", "AWS_ENDPOINT_URL_ECS", "http://127.0.0.1:2"),
        Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:1", "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true"),
        Map.of("ECSL_REGION", "us-west-2"));
    for (Map<String, String> env : cases) {
      Map<String, String> all = new java.util.HashMap<>(base);
      all.putAll(env);
      Processes.Result run = Processes.run(List.of("bash", out.resolve("deploy.sh").toString()), all, 60);
      assertEquals(0, run.exitCode(), run.stdout() + run.stderr());
    }
    String file = out.resolve("account-settings/containerInsights.json").toString();
    assertEquals(List.of(
        "--region eu-west-1 ecs put-account-setting-default --cli-input-json file://" + file + " ",
        "--region eu-west-1 --endpoint-url http://127.0.0.1:1 ecs put-account-setting-default --cli-input-json file://" + file + " ",
        "--region eu-west-1 --endpoint-url http://127.0.0.1:2 ecs put-account-setting-default --cli-input-json file://" + file + " ",
        "--region eu-west-1 ecs put-account-setting-default --cli-input-json file://" + file + " ",
        "--region us-west-2 ecs put-account-setting-default --cli-input-json file://" + file + " "),
        Files.readAllLines(log));
  }

  @Test
  void oneStepPerManifestEntryInManifestOrder() {
    List<String> expected = new ArrayList<>();
    for (JsonNode e : Manifest.of(model).path("entries")) {
      expected.add(e.path("file").asText());
    }
    List<String> steps = script.lines().filter(l -> l.startsWith("ecsl_step ")).toList();
    assertEquals(expected.size(), steps.size());
    for (int i = 0; i < steps.size(); i++) {
      assertTrue(steps.get(i).startsWith("ecsl_step " + (i + 1) + " "), steps.get(i));
      assertTrue(steps.get(i).contains("'" + expected.get(i) + "'"), steps.get(i) + " should send " + expected.get(i));
    }
    assertTrue(script.contains("\nECSL_STEPS=" + steps.size() + "\n"));
  }

  @Test
  void eachKindUsesItsCreateOrUpdateFunction() {
    List<String> steps = script.lines().filter(l -> l.startsWith("ecsl_step ")).toList();
    assertTrue(steps.contains("ecsl_step 1 'account setting containerInsights' ecsl_put 'ecs' 'put-account-setting-default'"
        + " 'account-settings/containerInsights.json'"), String.join("\n", steps));
    assertTrue(steps.contains("ecsl_step 2 'namespace local' ecsl_namespace 'local' 'create-http-namespace' 'namespaces/local.json'"));
    assertTrue(steps.stream().anyMatch(s -> s.matches("ecsl_step \\d+ 'cluster prod' ecsl_cluster 'prod' 'clusters/prod.json'"
        + " 'ECSL_UPDATE_\\d+' 'ECSL_PROVIDERS_\\d+'")), String.join("\n", steps));
    // edge declares neither settings nor capacity providers: an existing edge is left as it is
    // (capacity providers attached some other way included).
    assertTrue(steps.contains("ecsl_step 7 'cluster edge' ecsl_cluster 'edge' 'clusters/edge.json' '' ''"), String.join("\n", steps));
    // the content digest is computed from the request file when the script runs
    assertTrue(steps.stream().anyMatch(s -> s.matches("ecsl_step \\d+ 'task definition web' ecsl_task_definition 'web'"
        + " 'task-definitions/web.json'")));
    assertTrue(steps.stream().anyMatch(s -> s.matches("ecsl_step \\d+ 'service prod/web' ecsl_service 'prod' 'web'"
        + " 'services/prod/web.json' 'ECSL_UPDATE_\\d+'")));
    assertTrue(steps.stream().anyMatch(s -> s.endsWith("ecsl_put_targets 'schedules/nightly.targets.json'")));
    assertTrue(steps.stream().anyMatch(s -> s.contains("'service scaling prod/web: register-scalable-target' ecsl_put"
        + " 'application-autoscaling' 'register-scalable-target'")));
  }

  @Test
  void theServiceUpdateLeavesFieldsOwnedElsewhereAndCreateOnlyFieldsOut() {
    JsonNode update = UpdateRequests.service(model.find(io.ecsl.model.ResourceKind.SERVICE, "prod", "web"));
    assertEquals("web", update.path("service").asText());
    assertEquals("prod", update.path("cluster").asText());
    assertTrue(update.has("taskDefinition") && update.has("networkConfiguration") && update.has("serviceConnectConfiguration"));
    // desiredCount belongs to autoscaling; serviceName and tags are create-only.
    for (String absent : List.of("desiredCount", "serviceName", "tags")) {
      assertTrue(!update.has(absent), absent + " must not be in " + update);
    }
    JsonNode provider = UpdateRequests.capacityProvider(model.find(io.ecsl.model.ResourceKind.CAPACITY_PROVIDER, null, "ec2-fleet"));
    // The Auto Scaling group of a provider cannot change; its managed scaling can.
    assertEquals(Json.MAPPER.createObjectNode().put("status", "ENABLED").put("targetCapacity", 90).toString(),
        provider.at("/autoScalingGroupProvider/managedScaling").toString());
    assertTrue(provider.at("/autoScalingGroupProvider/autoScalingGroupArn").isMissingNode());
  }

  @Test
  void quotingKeepsHostileValuesLiteral() throws Exception {
    for (String hostile : List.of("$(touch /tmp/ecsl-pwned)", "`id`", "it's", "a\"b", "line\nbreak", "$HOME ${PATH}", "\\'", "'")) {
      Processes.Result echo = Processes.run(List.of("bash", "-c", "printf '%s' " + Shell.quote(hostile)), Map.of(), 60);
      assertEquals(hostile, echo.stdout());
    }
  }

  @Test
  void updateRequestsAreEmbeddedInQuotedHeredocs() {
    long documents = script.lines().filter(l -> l.startsWith("IFS= read -r -d '' ")).count();
    long quoted = script.lines().filter(l -> l.matches("IFS= read -r -d '' ECSL_[A-Z]+_\\d+ <<'ECSL_JSON_END' \\|\\| true")).count();
    assertTrue(documents > 0);
    assertEquals(documents, quoted);
  }

  @Test
  void strictModeRejectsAMissingReference() {
    // With strict references a template error can never turn into an empty string in a script.
    assertThrows(VelocityException.class, () -> DeployScript.render(Map.of()));
  }
}
