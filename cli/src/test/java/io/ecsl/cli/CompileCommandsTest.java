package io.ecsl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** check, build and fmt as a user runs them: exit codes, what goes to stdout and stderr. */
class CompileCommandsTest {
  @TempDir Path dir;

  private Path project(String source) throws Exception {
    Files.writeString(dir.resolve("main.ecs"), source);
    return dir;
  }

  @Test
  void checkExitsZeroForValidInputAndOneForInvalid() throws Exception {
    Path p = project("task t { container c { image = \"x:1\", memory = 64 } }\n");
    Cli.Run ok = Cli.run("check", p.toString());
    assertEquals(0, ok.exitCode(), ok.err());
    assertEquals("ok: 1 resource checked\n", ok.out());

    Files.writeString(p.resolve("main.ecs"), "task t { container c { image = \"x:1\", memroy = 64 } }\n");
    Cli.Run bad = Cli.run("check", p.toString());
    assertEquals(1, bad.exitCode());
    assertTrue(bad.err().contains("main.ecs:1:39: error[E0410]: unknown attribute `memroy`"), bad.err());
    assertTrue(bad.err().endsWith("check failed: 1 error\n"), bad.err());
    assertFalse(bad.err().contains("Exception"), bad.err());
  }

  @Test
  void checkSpeaksJsonForEditors() throws Exception {
    Path p = project("task t {\n  network = awsvcp\n  container c { image = \"x:1\", memory = 64 }\n}\n");
    Cli.Run r = Cli.run("check", "--format", "json", p.toString());
    assertEquals(1, r.exitCode());
    JsonNode json = new ObjectMapper().readTree(r.out());
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
    Cli.Run r = Cli.run("build", p.resolve("main.ecs").toString(), "--out", out.toString());
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(Files.exists(out.resolve("task-definitions/web.json")));
    assertTrue(Files.exists(out.resolve("services/prod/web.json")));
    JsonNode manifest = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
    assertEquals("create-cluster", manifest.get("entries").get(0).get("operation").asText());

    Files.writeString(p.resolve("main.ecs"), "task web { container app { image = 1 } }\n");
    Path out2 = dir.resolve("out2");
    Cli.Run bad = Cli.run("build", p.toString(), "--out", out2.toString());
    assertEquals(1, bad.exitCode());
    assertTrue(bad.err().contains("nothing was written"), bad.err());
    assertFalse(Files.exists(out2));
  }

  @Test
  void aRemovedResourceDisappearsFromTheOutputDirectory() throws Exception {
    Path p = project("task a { container c { image = \"x:1\", memory = 64 } }\ntask b { container c { image = \"x:1\", memory = 64 } }\n");
    Path out = dir.resolve("out");
    assertEquals(0, Cli.run("build", p.toString(), "--out", out.toString()).exitCode());
    Files.writeString(p.resolve("main.ecs"), "task a { container c { image = \"x:1\", memory = 64 } }\n");
    assertEquals(0, Cli.run("build", p.toString(), "--out", out.toString()).exitCode());
    assertTrue(Files.exists(out.resolve("task-definitions/a.json")));
    assertFalse(Files.exists(out.resolve("task-definitions/b.json")));
  }

  @Test
  void fmtRewritesAndCheckModeReports() throws Exception {
    Path p = project("task   t{container c{image=\"x:1\" , memory=64}}\n");
    Cli.Run check = Cli.run("fmt", "--check", p.toString());
    assertEquals(1, check.exitCode());
    assertTrue(check.out().contains("main.ecs"), check.out());
    assertEquals(0, Cli.run("fmt", p.toString()).exitCode());
    assertEquals("task t {\n  container c { image = \"x:1\", memory = 64 }\n}\n", Files.readString(p.resolve("main.ecs")));
    assertEquals(0, Cli.run("fmt", "--check", p.toString()).exitCode());
  }

  /**
   * fmt refuses a link out of the directory it formats as check does (E0208): it neither prints the
   * file it leads to nor rewrites it; the directory's own files are still formatted.
   */
  @Test
  void fmtNeitherReadsNorRewritesALinkLeadingOutOfTheDirectory() throws Exception {
    Path p = Files.createDirectories(dir.resolve("project"));
    Files.writeString(p.resolve("main.ecs"), "task   t{container c{image=\"x:1\" , memory=64}}\n");
    Path secret = Files.writeString(dir.resolve("environ"), "CI_TOKEN=very-secret-value\n");
    String otherSource = "task   other{container c{image=\"y:1\"}}\n";
    Path other = Files.writeString(Files.createDirectories(dir.resolve("other")).resolve("o.ecs"), otherSource);
    Files.createSymbolicLink(p.resolve("x.ecs"), secret);
    Files.createSymbolicLink(p.resolve("o.ecs"), other);

    for (Cli.Run r : List.of(Cli.run("fmt", p.toString()), Cli.run("fmt", p.resolve("x.ecs").toString()))) {
      assertEquals(1, r.exitCode(), r.err());
      assertTrue(r.err().contains("error[E0208]: `" + p.resolve("x.ecs") + "` is a link to " + secret.toRealPath()),
          r.err());
      assertFalse(r.out().contains("very-secret-value") || r.err().contains("very-secret-value"), r.err());
    }
    assertEquals(otherSource, Files.readString(other), "the file another directory holds is left alone");
    assertEquals("task t {\n  container c { image = \"x:1\", memory = 64 }\n}\n", Files.readString(p.resolve("main.ecs")));
  }

  @Test
  void versionHelpAndMisspeltCommandsWorkWithCommandsRegisteredOnDemand() {
    Cli.Run version = Cli.run("--version");
    assertEquals(0, version.exitCode());
    assertTrue(version.out().startsWith("ecsl "), version.out());
    Cli.Run help = Cli.run("--help");
    assertEquals(0, help.exitCode());
    for (String command : new String[] {"check", "build", "plan", "apply", "runtime"}) {
      assertTrue(help.out().contains("  " + command + " "), command + " missing from help: " + help.out());
    }
    Cli.Run helpFirst = Cli.run("-h", "build");
    assertTrue(helpFirst.out().contains("  apply "), "top-level help lists every command: " + helpFirst.out());
    Cli.Run misspelt = Cli.run("biuld", "x");
    assertEquals(1, misspelt.exitCode());
    assertTrue(misspelt.err().contains("Did you mean: ecsl build"), misspelt.err());
    assertEquals(0, Cli.run("help", "build").exitCode());
  }

  @Test
  void everyCommandHasHelpAndUsageErrorsExitOne() {
    CommandLine cli = Main.commandLine();
    for (String name : cli.getSubcommands().keySet()) {
      if (name.equals("help")) {
        continue;
      }
      Cli.Run r = Cli.run(name, "--help");
      assertEquals(0, r.exitCode(), name + " --help");
      assertTrue(r.out().contains("Usage: ecsl " + name), name + ": " + r.out());
    }
    Cli.Run usage = Cli.run("build", "--no-such-option");
    assertEquals(1, usage.exitCode());
    assertTrue(usage.err().contains("Unknown option: '--no-such-option'"), usage.err());
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
