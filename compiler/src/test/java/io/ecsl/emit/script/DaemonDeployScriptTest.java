package io.ecsl.emit.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.emit.BuildWriter;
import io.ecsl.emit.Json;
import io.ecsl.emit.TestProjects;
import io.ecsl.model.EcsModel;
import io.ecsl.testing.Processes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * deploy.sh with a Managed Daemon: it registers the daemon task definition, then sends CreateDaemon
 * (or UpdateDaemon for one that exists) with the registered revision's ARN in place of
 * {@code ${daemon-task-definition:FAMILY}}. Neither moto nor the local runtime implements daemons
 * yet, so a stand-in {@code aws} answers and records what the script sends (the real CLI's
 * validation of these requests is SamplesAwsCliTest's).
 */
class DaemonDeployScriptTest {
  private static final String ARN = "arn:aws:ecs:us-east-1:123456789012:daemon-task-definition/log-agent:3";
  private static final String EXISTING = "arn:aws:ecs:us-east-1:123456789012:daemon/apps/log-agent";

  @TempDir Path tmp;

  private Path deploy(String existingDaemon) throws Exception {
    EcsModel model = TestProjects.compile(tmp.resolve("src"), """
        project { account_id = "123456789012", region = "us-east-1" }
        daemon log-agent in "apps" {
          container agent { image = "ecsl/busybox:1.35" }
          capacity_providers = ["web-mi"]
          deployment { drain_percent = 25%, bake = 5m }
        }
        """);
    Path out = tmp.resolve("out");
    BuildWriter.write(out, BuildWriter.files(model));
    Files.writeString(out.resolve("deploy.sh"), DeployScript.render(model));
    Path bin = Files.createDirectories(tmp.resolve("bin"));
    Path sent = Files.createDirectories(tmp.resolve("sent"));
    Files.writeString(tmp.resolve("daemons"), existingDaemon);
    // Records each call's operation and the request it carried (a file:// path or an inline document).
    Files.writeString(bin.resolve("aws"), """
        #!/bin/bash
        op=""; prev=""
        for a in "$@"; do
          if [ "$prev" = "ecs" ] && [ -z "$op" ]; then op=$a; fi
          case "$a" in
            file://*) cp "${a#file://}" "SENT/$op.json" ;;
            '{'*) printf '%s' "$a" > "SENT/$op.json" ;;
          esac
          prev=$a
        done
        echo "$op $*" >> SENT/calls
        case "$op" in
          register-daemon-task-definition) echo 'ARN' ;;
          list-daemon-task-definitions) echo None ;;
          list-daemons) cat 'DAEMONS' ;;
        esac
        """.replace("SENT", sent.toString()).replace("ARN", ARN).replace("DAEMONS", tmp.resolve("daemons").toString()));
    bin.resolve("aws").toFile().setExecutable(true);
    Processes.Result run = Processes.run(List.of("bash", out.resolve("deploy.sh").toString()),
        Map.of("PATH", bin + ":" + System.getenv("PATH"), "AWS_ENDPOINT_URL", "", "ECSL_REGION", ""), 60);
    assertEquals(0, run.exitCode(), run.stdout() + run.stderr());
    return sent;
  }

  @Test
  void aNewDaemonIsCreatedWithTheRegisteredRevision() throws Exception {
    Path sent = deploy("None\n");
    JsonNode create = Json.mapper().readTree(sent.resolve("create-daemon.json").toFile());
    assertEquals(ARN, create.path("daemonTaskDefinitionArn").asText(), create.toString());
    assertEquals("arn:aws:ecs:us-east-1:123456789012:cluster/apps", create.path("clusterArn").asText());
    String calls = Files.readString(sent.resolve("calls"));
    assertTrue(calls.indexOf("register-daemon-task-definition") < calls.indexOf("create-daemon"), calls);
    assertTrue(calls.contains("tag-resource --resource-arn " + ARN), calls);
    assertTrue(!calls.contains("update-daemon"), calls);
  }

  @Test
  void anExistingDaemonIsUpdatedToTheRegisteredRevision() throws Exception {
    Path sent = deploy(EXISTING + "\n");
    JsonNode update = Json.mapper().readTree(sent.resolve("update-daemon.json").toFile());
    assertEquals(ARN, update.path("daemonTaskDefinitionArn").asText(), update.toString());
    assertEquals(25, update.path("deploymentConfiguration").path("drainPercent").asInt(), update.toString());
    assertTrue(!update.has("daemonName") && !update.has("clusterArn"), "UpdateDaemon takes neither: " + update);
    String calls = Files.readString(sent.resolve("calls"));
    assertTrue(calls.contains("update-daemon") && calls.contains("--daemon-arn " + EXISTING), calls);
    assertTrue(!calls.contains("create-daemon"), calls);
  }
}
