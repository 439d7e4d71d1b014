package io.ecsl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ecsl.testing.InProcessCli;
import io.ecsl.testing.Processes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** check, build and fmt as a user runs them: exit codes, what goes to stdout and stderr. */
class CompileCommandsTest {
  private static final InProcessCli ECSL = new InProcessCli(Main::run);
  @TempDir Path dir;

  private Path project(String source) throws Exception {
    Files.writeString(dir.resolve("main.ecs"), source);
    return dir;
  }

  @Test
  void checkExitsZeroForValidInputAndOneForInvalid() throws Exception {
    Path p = project("task t { container c { image = \"x:1\", memory = 64 } }\n");
    Processes.Result ok = ECSL.run("check", p.toString());
    assertEquals(0, ok.exitCode(), ok.stderr());
    assertEquals("ok: 1 resource checked\n", ok.stdout());

    Files.writeString(p.resolve("main.ecs"), "task t { container c { image = \"x:1\", memroy = 64 } }\n");
    Processes.Result bad = ECSL.run("check", p.toString());
    assertEquals(1, bad.exitCode());
    assertTrue(bad.stderr().contains("main.ecs:1:39: error[E0410]: unknown attribute `memroy`"), bad.stderr());
    assertTrue(bad.stderr().endsWith("check failed: 1 error\n"), bad.stderr());
    assertFalse(bad.stderr().contains("Exception"), bad.stderr());
  }

  @Test
  void checkSpeaksJsonForEditors() throws Exception {
    Path p = project("task t {\n  network = awsvcp\n  container c { image = \"x:1\", memory = 64 }\n}\n");
    Processes.Result r = ECSL.run("check", "--format", "json", p.toString());
    assertEquals(1, r.exitCode());
    JsonNode json = new ObjectMapper().readTree(r.stdout());
    assertEquals(1, json.get("version").asInt());
    assertEquals(1, json.get("errors").asInt());
    JsonNode d = json.get("diagnostics").get(0);
    assertEquals("E0412", d.get("code").asText());
    assertEquals(2, d.get("line").asInt());
    assertEquals(3, d.get("column").asInt());
    assertTrue(d.get("hint").asText().contains("did you mean `awsvpc`?"));
  }

  @Test
  void buildWritesTheRequestsAndAManifestAndNothingOnErrors() throws Exception {
    Path p = project("cluster prod {}\ntask web { container app { image = \"x:1\", memory = 64 } }\nservice web in prod { task = web, desired = 1 }\n");
    Path out = dir.resolve("out");
    Processes.Result r = ECSL.run("build", p.resolve("main.ecs").toString(), "--out", out.toString());
    assertEquals(0, r.exitCode(), r.stderr());
    assertTrue(Files.exists(out.resolve("task-definitions/web.json")));
    assertTrue(Files.exists(out.resolve("services/prod/web.json")));
    JsonNode manifest = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
    assertEquals("create-cluster", manifest.get("entries").get(0).get("operation").asText());

    Files.writeString(p.resolve("main.ecs"), "task web { container app { image = 1 } }\n");
    Path out2 = dir.resolve("out2");
    Processes.Result bad = ECSL.run("build", p.toString(), "--out", out2.toString());
    assertEquals(1, bad.exitCode());
    assertTrue(bad.stderr().contains("nothing was written"), bad.stderr());
    assertFalse(Files.exists(out2));
  }

  @Test
  void aRemovedResourceDisappearsFromTheOutputDirectory() throws Exception {
    Path p = project("task a { container c { image = \"x:1\", memory = 64 } }\ntask b { container c { image = \"x:1\", memory = 64 } }\n");
    Path out = dir.resolve("out");
    assertEquals(0, ECSL.run("build", p.toString(), "--out", out.toString()).exitCode());
    Files.writeString(p.resolve("main.ecs"), "task a { container c { image = \"x:1\", memory = 64 } }\n");
    assertEquals(0, ECSL.run("build", p.toString(), "--out", out.toString()).exitCode());
    assertTrue(Files.exists(out.resolve("task-definitions/a.json")));
    assertFalse(Files.exists(out.resolve("task-definitions/b.json")));
  }

  @Test
  void fmtRewritesAndCheckModeReports() throws Exception {
    Path p = project("task   t{container c{image=\"x:1\" , memory=64}}\n");
    Processes.Result check = ECSL.run("fmt", "--check", p.toString());
    assertEquals(1, check.exitCode());
    assertTrue(check.stdout().contains("main.ecs"), check.stdout());
    assertEquals(0, ECSL.run("fmt", p.toString()).exitCode());
    assertEquals("task t {\n  container c { image = \"x:1\", memory = 64 }\n}\n", Files.readString(p.resolve("main.ecs")));
    assertEquals(0, ECSL.run("fmt", "--check", p.toString()).exitCode());
  }

  @Test
  void versionHelpAndMisspeltCommandsWorkWithCommandsRegisteredOnDemand() {
    Processes.Result version = ECSL.run("--version");
    assertEquals(0, version.exitCode());
    assertTrue(version.stdout().startsWith("ecsl "), version.stdout());
    Processes.Result help = ECSL.run("--help");
    assertEquals(0, help.exitCode());
    for (String command : new String[] {"check", "build", "plan", "apply", "runtime"}) {
      assertTrue(help.stdout().contains("  " + command + " "), command + " missing from help: " + help.stdout());
    }
    Processes.Result helpFirst = ECSL.run("-h", "build");
    assertTrue(helpFirst.stdout().contains("  apply "), "top-level help lists every command: " + helpFirst.stdout());
    Processes.Result misspelt = ECSL.run("biuld", "x");
    assertEquals(1, misspelt.exitCode());
    assertTrue(misspelt.stderr().contains("Did you mean: ecsl build"), misspelt.stderr());
    assertEquals(0, ECSL.run("help", "build").exitCode());
  }

  @Test
  void everyCommandHasHelpAndUsageErrorsExitOne() {
    CommandLine cli = Main.commandLine();
    for (String name : cli.getSubcommands().keySet()) {
      if (name.equals("help")) {
        continue;
      }
      Processes.Result r = ECSL.run(name, "--help");
      assertEquals(0, r.exitCode(), name + " --help");
      assertTrue(r.stdout().contains("Usage: ecsl " + name), name + ": " + r.stdout());
    }
    Processes.Result usage = ECSL.run("build", "--no-such-option");
    assertEquals(1, usage.exitCode());
    assertTrue(usage.stderr().contains("Unknown option: '--no-such-option'"), usage.stderr());
  }

  /**
   * `ecsl --help` lists each command with the first line of its description only: that line must
   * be a whole sentence, or the list shows a summary cut off mid-clause.
   */
  @Test
  void everyCommandSummaryIsAWholeSentence() {
    CommandLine cli = Main.commandLine();
    for (Map.Entry<String, CommandLine> e : cli.getSubcommands().entrySet()) {
      String[] description = e.getValue().getCommandSpec().usageMessage().description();
      assertTrue(description.length > 0, e.getKey() + " has no description");
      String summary = description[0].strip();
      assertTrue(summary.endsWith("."), e.getKey() + ": the summary does not end a sentence: " + summary);
      assertTrue(summary.length() <= 100, e.getKey() + ": the summary is longer than two lines of the list: " + summary);
    }
  }

}
