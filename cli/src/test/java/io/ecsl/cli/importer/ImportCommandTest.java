package io.ecsl.cli.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ecsl.cli.Main;
import io.ecsl.testing.InProcessCli;
import io.ecsl.testing.Processes;
import io.ecsl.testing.RepoPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ecsl import} run in-process: output, files written, exit codes, JSON format. */
class ImportCommandTest {
  private static final InProcessCli ECSL = new InProcessCli(Main::run);
  private static final Path CORPUS = RepoPaths.corpus();

  @Test
  void printsSourceAndExitsZero() {
    Processes.Result r = ECSL.run("import", CORPUS.resolve("taskdefs/docs-fargate-linux-httpd.json").toString());
    assertEquals(0, r.exitCode(), r.stderr());
    assertTrue(r.stdout().startsWith("task fargate-task-definition {\n  cpu = 0.25 vcpu\n"), r.stdout());
    assertTrue(r.stdout().contains("container sample-fargate-app {"), r.stdout());
    assertTrue(r.stderr().contains("imported 1 resource from 1 file"), r.stderr());
  }

  @Test
  void writesOneFilePerInputThatBuilds(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("ecs");
    Processes.Result r = ECSL.run("import", CORPUS.resolve("taskdefs/docs-service-connect-nginx.json").toString(),
        CORPUS.resolve("clusters/botocore-example-create-cluster-input.json").toString(), "--out", out.toString());
    assertEquals(0, r.exitCode(), r.stderr());
    assertEquals("", r.stdout());
    assertTrue(Files.readString(out.resolve("docs-service-connect-nginx.ecs")).startsWith("task "));
    assertTrue(Files.readString(out.resolve("botocore-example-create-cluster-input.ecs")).startsWith("cluster "));
    Processes.Result build = ECSL.run("build", out.toString(), "--out", dir.resolve("build").toString());
    assertEquals(0, build.exitCode(), build.stderr());
    assertTrue(Files.isDirectory(dir.resolve("build/task-definitions")));
  }

  @Test
  void aHandEditedFileIsNotOverwrittenWithoutForce(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("ecs");
    String json = CORPUS.resolve("taskdefs/docs-service-connect-nginx.json").toString();
    assertEquals(0, ECSL.run("import", json, "--out", out.toString()).exitCode());
    assertEquals(0, ECSL.run("import", json, "--out", out.toString()).exitCode(), "the same source again changes nothing");
    Path file = out.resolve("docs-service-connect-nginx.ecs");
    String edited = Files.readString(file) + "# tuned by hand\n";
    Files.writeString(file, edited);

    Processes.Result refused = ECSL.run("import", json, "--out", out.toString());
    assertEquals(1, refused.exitCode());
    assertTrue(refused.stderr().contains("import would overwrite " + file + ", which exists and differs; nothing was written."
        + " Pass --force to overwrite"), refused.stderr());
    assertEquals(edited, Files.readString(file));

    assertEquals(0, ECSL.run("import", json, "--out", out.toString(), "--force").exitCode());
    assertFalse(Files.readString(file).contains("tuned by hand"));
  }

  @Test
  void errorsExitOneWithTheJsonLocation() {
    Path file = CORPUS.resolve("invalid/otel-networkmode-default.json");
    Processes.Result r = ECSL.run("import", file.toString());
    assertEquals(1, r.exitCode());
    assertTrue(r.stderr().contains(file + ":5:5: error[E0904]: \"default\" is not a valid value for `networkMode`"), r.stderr());
    assertTrue(r.stderr().contains("import failed: 1 error"), r.stderr());
    assertEquals("", r.stdout());
  }

  @Test
  void unknownFieldsAreWarningsAndTheImportSucceeds(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("td.json");
    Files.writeString(file, "{\"family\": \"x\", \"containerDefinitons\": [],\n \"containerDefinitions\": [{\"name\": \"a\", \"image\": \"nginx:1.27\", \"memory\": 256}]}");
    Processes.Result r = ECSL.run("import", file.toString());
    assertEquals(0, r.exitCode(), r.stderr());
    assertTrue(r.stderr().contains(file + ":1:17: warning[W0901]: `containerDefinitons` is not part of the ECS API"
        + " (RegisterTaskDefinitionRequest); dropped"), r.stderr());
    assertTrue(r.stderr().contains("did you mean `containerDefinitions`?"), r.stderr());
    assertTrue(r.stdout().contains("memory = 256 MiB"), r.stdout());
  }

  @Test
  void jsonFormatIsOneDocument() throws Exception {
    Processes.Result r = ECSL.run("import", "--format", "json", CORPUS.resolve("services/docs-service-connect-fargate.json").toString());
    JsonNode doc = new ObjectMapper().readTree(r.stdout());
    assertEquals(r.exitCode() == 0, doc.get("ok").asBoolean());
    assertEquals("service", doc.get("resources").get(0).get("kind").asText());
    assertTrue(doc.get("source").asText().startsWith("service "), doc.toString());
    assertTrue(doc.get("diagnostics").isArray());
  }

  @Test
  void helpAndUsage() {
    Processes.Result help = ECSL.run("import", "--help");
    assertEquals(0, help.exitCode());
    assertTrue(help.stdout().contains("--out=DIR") && help.stdout().contains("--format"), help.stdout());
    Processes.Result missing = ECSL.run("import");
    assertEquals(1, missing.exitCode());
    assertTrue(missing.stderr().contains("Missing required parameter"), missing.stderr());
  }
}
