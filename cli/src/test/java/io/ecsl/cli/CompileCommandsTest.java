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
import java.util.List;
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

  /**
   * A file that is not UTF-8 stopped `fmt DIR` with an internal error after formatting some files
   * and not others; check said E0102 without a location (`"file": null` in JSON).
   */
  @Test
  void aFileThatIsNotUtf8IsReportedAtItsFirstBadByteAndTheOthersAreFormatted() throws Exception {
    Files.writeString(dir.resolve("a.ecs"), "cluster   a {}\n");
    Files.write(dir.resolve("b.ecs"), "cluster b {}\n# caf\u00e9 au lait\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    Files.writeString(dir.resolve("c.ecs"), "cluster   c {}\n");
    Processes.Result fmt = ECSL.run("fmt", dir.toString());
    assertEquals(1, fmt.exitCode());
    assertFalse(fmt.stderr().contains("internal error"), fmt.stderr());
    String b = dir.resolve("b.ecs").toString();
    assertTrue(fmt.stderr().startsWith(b + ":2:6: error[E0102]: not UTF-8 text: byte 0xE9 cannot start or continue a UTF-8 character"),
        fmt.stderr());
    assertTrue(fmt.stderr().contains("= hint: save the file as UTF-8"), fmt.stderr());
    assertEquals("cluster a {}\n", Files.readString(dir.resolve("a.ecs")));
    assertEquals("cluster c {}\n", Files.readString(dir.resolve("c.ecs")), "files after the bad one are formatted too");

    Processes.Result check = ECSL.run("check", "--format", "json", dir.toString());
    assertEquals(1, check.exitCode());
    JsonNode d = new ObjectMapper().readTree(check.stdout()).get("diagnostics").get(0);
    assertEquals("E0102", d.get("code").asText());
    assertTrue(d.get("file").asText().endsWith("b.ecs"), d.toString());
    assertEquals(2, d.get("line").asInt());
    assertEquals(6, d.get("column").asInt());
  }

  @Test
  void fmtOfADirectoryWithoutEcsFilesIsAnError() throws Exception {
    Files.writeString(dir.resolve("notes.txt"), "no source here\n");
    Processes.Result r = ECSL.run("fmt", dir.toString());
    assertEquals(1, r.exitCode());
    assertEquals(dir + ": error[E0207]: no .ecs files in " + dir + " (or its subdirectories)\n"
        + "  = hint: point fmt at a directory of .ecs files, or at a file\nfmt: nothing to format\n", r.stderr());
    Processes.Result missing = ECSL.run("fmt", dir.resolve("nope.ecs").toString());
    assertEquals(1, missing.exitCode());
    assertTrue(missing.stderr().contains("error[E0207]: no such file or directory: " + dir.resolve("nope.ecs")), missing.stderr());
  }

  /** Files that declare nothing checked as "ok: 0 resources" and built a template holding a placeholder, silently. */
  @Test
  void aProjectThatDeclaresNothingIsWarnedAbout() throws Exception {
    Path p = project("# the services will go here\nlet region = \"eu-west-1\"\n");
    String warning = p + ": warning[W0207]: the project declares no resources, so there is nothing to check or deploy\n";
    Processes.Result check = ECSL.run("check", p.toString());
    assertEquals(0, check.exitCode(), "a warning fails only with --strict");
    assertTrue(check.stderr().startsWith(warning), check.stderr());
    assertEquals("ok: 0 resources checked, 0 errors, 1 warning\n", check.stdout());
    assertEquals(1, ECSL.run("check", "--strict", p.toString()).exitCode());
    Processes.Result build = ECSL.run("build", p.toString(), "--out", dir.resolve("out").toString());
    assertEquals(0, build.exitCode());
    assertTrue(build.stderr().startsWith(warning), build.stderr());
  }

  /** A region with spaces went into every ARN of the build (`arn:aws:events:us east 1:…`). */
  @Test
  void aRegionOrAccountIdThatCannotBeInAnArnIsAnError() throws Exception {
    Path p = project("cluster prod {}\n");
    Processes.Result region = ECSL.run("check", "--region", "us east 1", p.toString());
    assertEquals(1, region.exitCode());
    assertEquals("--region: error[E0412]: `us east 1` is not an AWS region name (from --region)\n"
        + "  = hint: write a region such as `eu-west-1` or `us-east-1`\ncheck failed: 1 error\n", region.stderr());
    Processes.Result account = ECSL.run("build", "--account-id", "12", p.toString(), "--out", dir.resolve("out").toString());
    assertEquals(1, account.exitCode());
    assertTrue(account.stderr().startsWith("--account-id: error[E0412]: `12` is not an AWS account id (from --account-id)"), account.stderr());
    assertEquals(0, ECSL.run("check", "--region", "us-gov-west-1", "--account-id", "123456789012", p.toString()).exitCode());
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

    for (Processes.Result r : List.of(ECSL.run("fmt", p.toString()), ECSL.run("fmt", p.resolve("x.ecs").toString()))) {
      assertEquals(1, r.exitCode(), r.stderr());
      assertTrue(r.stderr().contains("error[E0208]: `" + p.resolve("x.ecs") + "` is a link to " + secret.toRealPath()),
          r.stderr());
      assertFalse(r.stdout().contains("very-secret-value") || r.stderr().contains("very-secret-value"), r.stderr());
    }
    assertEquals(otherSource, Files.readString(other), "the file another directory holds is left alone");
    assertEquals("task t {\n  container c { image = \"x:1\", memory = 64 }\n}\n", Files.readString(p.resolve("main.ecs")));
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
    assertTrue(misspelt.stderr().contains("ecsl: unknown command `biuld`\nDid you mean `ecsl build`?"), misspelt.stderr());
    assertEquals(0, ECSL.run("help", "build").exitCode());
  }

  /** A command that does not exist is an error, even with `--help` after it (it printed the top-level help, exit 0). */
  @Test
  void anUnknownCommandIsAnErrorEvenWithHelp() {
    // `ecsl runtim --help` once printed the top-level help and exited 0, as if the command existed
    for (String[] args : new String[][] {{"runtim", "--help"}, {"runtim"}, {"--help", "runtim"}, {"runtim", "samples/hello-local"}, {"help", "runtim"}}) {
      Processes.Result r = ECSL.run(args);
      assertEquals(1, r.exitCode(), String.join(" ", args));
      assertEquals("", r.stdout(), "no help is printed for a command that does not exist");
      assertEquals("ecsl: unknown command `runtim`\nDid you mean `ecsl runtime`?\nRun `ecsl --help` for the commands.\n", r.stderr());
    }
    Processes.Result far = ECSL.run("deploy-everything");
    assertEquals(1, far.exitCode());
    assertEquals("ecsl: unknown command `deploy-everything`\nRun `ecsl --help` for the commands.\n", far.stderr());
    assertEquals(0, ECSL.run("-h").exitCode());
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
      // an alias (`stats`) shows its command's usage (`top`)
      String command = cli.getSubcommands().get(name).getCommandName();
      assertTrue(r.stdout().contains("Usage: ecsl " + command), name + ": " + r.stdout());
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
