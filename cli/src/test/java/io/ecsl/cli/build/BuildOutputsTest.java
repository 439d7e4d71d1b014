package io.ecsl.cli.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ecsl.cli.Main;
import io.ecsl.testing.InProcessCli;
import io.ecsl.testing.Processes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ecsl build} writes cloudformation.json and deploy.sh beside the request files and says what CloudFormation cannot hold. */
class BuildOutputsTest {
  private static final InProcessCli ECSL = new InProcessCli(Main::run);
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String WITH_ACCOUNT_SETTINGS = """
      project { name = "shop", region = "us-east-1" }
      account_settings { container_insights = enabled, awsvpc_trunking = enabled }
      cluster prod { capacity_providers = [FARGATE] }
      task web { cpu = 0.25 vcpu; memory = 512 MiB; network = awsvpc; compatibilities = [FARGATE]
        container app { image = "nginx:1.27" } }
      """;

  @Test
  void buildWritesTheTemplateAndTheScriptAndListsThemInTheManifest(@TempDir Path tmp) throws Exception {
    Path src = Files.createDirectories(tmp.resolve("src"));
    Files.writeString(src.resolve("main.ecs"), WITH_ACCOUNT_SETTINGS);
    Path out = tmp.resolve("out");
    Processes.Result build = ECSL.run("build", src.toString(), "-o", out.toString());
    assertEquals(0, build.exitCode(), build.output());

    JsonNode template = JSON.readTree(out.resolve("cloudformation.json").toFile());
    assertEquals("AWS::ECS::Cluster", template.at("/Resources/ClusterProd/Type").asText());
    assertEquals("AWS::ECS::TaskDefinition", template.at("/Resources/TaskDefinitionWeb/Type").asText());
    String script = Files.readString(out.resolve("deploy.sh"));
    assertTrue(script.startsWith("#!/usr/bin/env bash\n"));
    assertTrue(Files.getPosixFilePermissions(out.resolve("deploy.sh")).contains(PosixFilePermission.OWNER_EXECUTE));

    JsonNode manifest = JSON.readTree(out.resolve("manifest.json").toFile());
    assertEquals(JSON.readTree("[\"cloudformation.json\", \"deploy.sh\"]"), manifest.path("extraFiles"));
    // Every request file is still there, and counted with the two new files and the manifest.
    for (JsonNode e : manifest.path("entries")) {
      assertTrue(Files.isRegularFile(out.resolve(e.path("file").asText())), e.toString());
    }
    assertTrue(build.stdout().startsWith("wrote " + (manifest.path("entries").size() + 3) + " files to "), build.stdout());
  }

  @Test
  void accountSettingsGetANoteBecauseCloudFormationCannotHoldThem(@TempDir Path tmp) throws Exception {
    Path src = Files.createDirectories(tmp.resolve("src"));
    Files.writeString(src.resolve("main.ecs"), WITH_ACCOUNT_SETTINGS);
    Processes.Result build = ECSL.run("build", src.toString(), "-o", tmp.resolve("out").toString());
    assertEquals(0, build.exitCode(), build.output());
    List<String> notes = build.stderr().lines().filter(l -> l.startsWith("note: ")).toList();
    assertEquals(List.of("note: cloudformation.json: CloudFormation has no resource for ECS account settings, so "
        + "containerInsights=enabled, awsvpcTrunking=enabled are not in the template; deploy.sh applies them "
        + "(aws ecs put-account-setting-default / put-account-setting)"), notes);
    String description = JSON.readTree(tmp.resolve("out/cloudformation.json").toFile()).path("Description").asText();
    assertTrue(description.contains("containerInsights=enabled, awsvpcTrunking=enabled"), description);

    // Without account settings there is nothing to say.
    Files.writeString(src.resolve("main.ecs"), WITH_ACCOUNT_SETTINGS.replace(
        "account_settings { container_insights = enabled, awsvpc_trunking = enabled }\n", ""));
    Processes.Result again = ECSL.run("build", src.toString(), "-o", tmp.resolve("out").toString());
    assertEquals(0, again.exitCode(), again.output());
    assertFalse(again.stderr().contains("note:"), again.stderr());
    assertFalse(Files.exists(tmp.resolve("out/account-settings/containerInsights.json")), "stale request file left behind");
  }

  @Test
  void jsonFormatKeepsStdoutJsonAndPutsNotesOnStderr(@TempDir Path tmp) throws Exception {
    Path src = Files.createDirectories(tmp.resolve("src"));
    Files.writeString(src.resolve("main.ecs"), WITH_ACCOUNT_SETTINGS);
    Processes.Result build = ECSL.run("build", src.toString(), "-o", tmp.resolve("out").toString(), "--format", "json");
    assertEquals(0, build.exitCode(), build.output());
    JsonNode summary = JSON.readTree(build.stdout());
    assertTrue(summary.path("ok").asBoolean());
    assertTrue(build.stderr().contains("note: cloudformation.json: CloudFormation has no resource for ECS account settings"));
  }

  @Test
  void extraFilesOfAPreviousBuildThatAreNoLongerWrittenAreRemoved(@TempDir Path tmp) throws Exception {
    Path src = Files.createDirectories(tmp.resolve("src"));
    Files.writeString(src.resolve("main.ecs"), WITH_ACCOUNT_SETTINGS);
    Path out = Files.createDirectories(tmp.resolve("out"));
    // A build by a version that wrote one more extra file.
    Files.writeString(out.resolve("old-output.txt"), "from an older build\n");
    Files.writeString(out.resolve("manifest.json"), "{\"version\": 1, \"entries\": [], \"extraFiles\": [\"old-output.txt\", \"deploy.sh\"]}");
    Processes.Result build = ECSL.run("build", src.toString(), "-o", out.toString());
    assertEquals(0, build.exitCode(), build.output());
    assertFalse(Files.exists(out.resolve("old-output.txt")));
    assertTrue(Files.exists(out.resolve("deploy.sh")));
  }
}
