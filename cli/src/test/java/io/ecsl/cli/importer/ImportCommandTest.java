package io.ecsl.cli.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ecsl.cli.Main;
import io.ecsl.testing.RepoPaths;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ecsl import} run in-process: output, files written, exit codes, JSON format. */
class ImportCommandTest {
  private static final Path CORPUS = RepoPaths.corpus();

  record Run(int exit, String out, String err) {}

  private static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = Main.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), args);
    return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void printsSourceAndExitsZero() {
    Run r = run("import", CORPUS.resolve("taskdefs/docs-fargate-linux-httpd.json").toString());
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().startsWith("task fargate-task-definition {\n  cpu = 0.25 vcpu\n"), r.out());
    assertTrue(r.out().contains("container sample-fargate-app {"), r.out());
    assertTrue(r.err().contains("imported 1 resource from 1 file"), r.err());
  }

  @Test
  void writesOneFilePerInputThatBuilds(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("ecs");
    Run r = run("import", CORPUS.resolve("taskdefs/docs-service-connect-nginx.json").toString(),
        CORPUS.resolve("clusters/botocore-example-create-cluster-input.json").toString(), "--out", out.toString());
    assertEquals(0, r.exit(), r.err());
    assertEquals("", r.out());
    assertTrue(Files.readString(out.resolve("docs-service-connect-nginx.ecs")).startsWith("task "));
    assertTrue(Files.readString(out.resolve("botocore-example-create-cluster-input.ecs")).startsWith("cluster "));
    Run build = run("build", out.toString(), "--out", dir.resolve("build").toString());
    assertEquals(0, build.exit(), build.err());
    assertTrue(Files.isDirectory(dir.resolve("build/task-definitions")));
  }

  @Test
  void aHandEditedFileIsNotOverwrittenWithoutForce(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("ecs");
    String json = CORPUS.resolve("taskdefs/docs-service-connect-nginx.json").toString();
    assertEquals(0, run("import", json, "--out", out.toString()).exit());
    assertEquals(0, run("import", json, "--out", out.toString()).exit(), "the same source again changes nothing");
    Path file = out.resolve("docs-service-connect-nginx.ecs");
    String edited = Files.readString(file) + "# tuned by hand\n";
    Files.writeString(file, edited);

    Run refused = run("import", json, "--out", out.toString());
    assertEquals(1, refused.exit());
    assertTrue(refused.err().contains("import would overwrite " + file + ", which exists and differs; nothing was written."
        + " Pass --force to overwrite"), refused.err());
    assertEquals(edited, Files.readString(file));

    assertEquals(0, run("import", json, "--out", out.toString(), "--force").exit());
    assertFalse(Files.readString(file).contains("tuned by hand"));
  }

  @Test
  void errorsExitOneWithTheJsonLocation() {
    Path file = CORPUS.resolve("invalid/otel-networkmode-default.json");
    Run r = run("import", file.toString());
    assertEquals(1, r.exit());
    assertTrue(r.err().contains(file + ":5:5: error[E0904]: \"default\" is not a valid value for `networkMode`"), r.err());
    assertTrue(r.err().contains("import failed: 1 error"), r.err());
    assertEquals("", r.out());
  }

  @Test
  void unknownFieldsAreWarningsAndTheImportSucceeds(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("td.json");
    Files.writeString(file, "{\"family\": \"x\", \"containerDefinitons\": [],\n \"containerDefinitions\": [{\"name\": \"a\", \"image\": \"nginx:1.27\", \"memory\": 256}]}");
    Run r = run("import", file.toString());
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.err().contains(file + ":1:17: warning[W0901]: `containerDefinitons` is not part of the ECS API"
        + " (RegisterTaskDefinitionRequest); dropped"), r.err());
    assertTrue(r.err().contains("did you mean `containerDefinitions`?"), r.err());
    assertTrue(r.out().contains("memory = 256 MiB"), r.out());
  }

  @Test
  void jsonFormatIsOneDocument() throws Exception {
    Run r = run("import", "--format", "json", CORPUS.resolve("services/docs-service-connect-fargate.json").toString());
    JsonNode doc = new ObjectMapper().readTree(r.out());
    assertEquals(r.exit() == 0, doc.get("ok").asBoolean());
    assertEquals("service", doc.get("resources").get(0).get("kind").asText());
    assertTrue(doc.get("source").asText().startsWith("service "), doc.toString());
    assertTrue(doc.get("diagnostics").isArray());
  }

  @Test
  void helpAndUsage() {
    Run help = run("import", "--help");
    assertEquals(0, help.exit());
    assertTrue(help.out().contains("--out=DIR") && help.out().contains("--format"), help.out());
    Run missing = run("import");
    assertEquals(1, missing.exit());
    assertTrue(missing.err().contains("Missing required parameter"), missing.err());
  }
}
