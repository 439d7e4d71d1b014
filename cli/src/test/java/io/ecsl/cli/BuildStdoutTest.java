package io.ecsl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.testing.InProcessCli;
import io.ecsl.testing.Processes;
import io.ecsl.testing.RepoPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ecsl build --stdout}: the build's requests as one JSON document on stdout, for a pipe. */
class BuildStdoutTest {
  private static final InProcessCli ECSL = new InProcessCli(Main::run);
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;

  @Test
  void theDocumentIsTheManifestWithEachRequestInline() throws Exception {
    for (String sample : new String[] {"fargate-web", "scheduled-batch", "service-connect"}) {
      Path project = RepoPaths.samples().resolve(sample);
      Path out = dir.resolve(sample);
      assertEquals(0, ECSL.run("build", project.toString(), "--out", out.toString()).exitCode());
      Processes.Result piped = ECSL.run("build", project.toString(), "--stdout");
      assertEquals(0, piped.exitCode(), piped.stderr());
      assertTrue(piped.stdout().endsWith("}\n"), "one document and a newline, nothing else on stdout");

      JsonNode document = JSON.readTree(piped.stdout());
      JsonNode manifest = JSON.readTree(out.resolve("manifest.json").toFile());
      assertFalse(document.has("extraFiles"), "nothing but the requests is produced");
      for (String field : new String[] {"version", "project", "region", "accountId"}) {
        assertEquals(manifest.get(field), document.get(field), field);
      }
      assertEquals(manifest.get("entries").size(), document.get("entries").size(), sample);
      for (int i = 0; i < manifest.get("entries").size(); i++) {
        ObjectNode expected = (ObjectNode) manifest.get("entries").get(i).deepCopy();
        String file = expected.remove("file").asText();
        expected.set("request", JSON.readTree(out.resolve(file).toFile()));
        assertEquals(expected, document.get("entries").get(i), sample + ": entry " + i + " (" + file + ")");
      }
      // the same bytes as the files hold, request by request, in the build's JSON style
      String firstFile = manifest.get("entries").get(0).get("file").asText();
      String firstBody = Files.readString(out.resolve(firstFile)).strip().replace("\n", "\n      ");
      assertTrue(piped.stdout().contains("\"request\": " + firstBody), piped.stdout());
    }
  }

  @Test
  void errorsGoToStderrAndLeaveStdoutEmpty() throws Exception {
    Files.writeString(dir.resolve("main.ecs"), "cluster main {\n  no_such_attribute = 1\n}\n");
    Processes.Result r = ECSL.run("build", dir.toString(), "--stdout");
    assertEquals(1, r.exitCode());
    assertEquals("", r.stdout());
    assertTrue(r.stderr().contains("no_such_attribute"), r.stderr());
  }

  @Test
  void stdoutAndOutExcludeEachOther() {
    Processes.Result r = ECSL.run("build", RepoPaths.samples().resolve("fargate-web").toString(), "--stdout", "--out",
        dir.resolve("x").toString());
    assertEquals(1, r.exitCode());
    assertTrue(r.stderr().contains("give --out or --stdout, not both"), r.stderr());
    assertFalse(Files.exists(dir.resolve("x")));
  }
}
