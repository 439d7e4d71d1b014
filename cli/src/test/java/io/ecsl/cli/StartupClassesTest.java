package io.ecsl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Classes a check or a build must not set up, each for 15-40 ms of CPU at every start: {@code
 * BigDecimal} for a project whose numbers are whole, arithmetic and comparisons of quantities
 * included (on JDK 25 its static initialiser squares 5 up
 * to 5^65536; see {@code io.ecsl.ast.Amount}), and Jackson's {@code ObjectMapper}, which writing
 * JSON does not need ({@code io.ecsl.emit.Json#FACTORY}): not for request files, not for
 * {@code jsonencode}, not for diagnostics as JSON, not for a schedule's overrides (its {@code Input}
 * text, written and then checked by E1508). Each command runs in a fresh JVM that logs class
 * initialisation; a decimal in the project, and importing a JSON document (read through databind),
 * are the controls that the log shows them.
 */
class StartupClassesTest {
  private static final String BIG_DECIMAL_INIT = "Initializing 'java/math/BigDecimal'";
  private static final String OBJECT_MAPPER_INIT = "Initializing 'com/fasterxml/jackson/databind/ObjectMapper'";

  @TempDir Path dir;

  private Path project(String cpu) throws Exception {
    Path project = dir.resolve("shop");
    Files.createDirectories(project);
    Files.writeString(project.resolve("main.ecs"), """
        cluster main {}
        template svc(name: string, port: int) {
          task t {
            family = name
            network = bridge
            cpu = CPU
            memory = 256 MiB * 2
            container app {
              image = "registry.local/app:1.0.0"
              memory = 1 GiB - 768 MiB
              port = { container_port = port, host = 0, protocol = tcp }
              env { PORT = port, BIG = 1 GiB > 512 MiB, SAME = 1024 MiB == 1 GiB, CONFIG = jsonencode({ port = port, tags = ["a", "b"] }) }
              health { command = "curl -f http://localhost:${port}/ || exit 1", interval = 30s, timeout = 5s, retries = 6 / 2 }
            }
          }
          service s in main {
            service_name = name
            task = t
            desired = port - 8000
            launch_type = EC2
            deployment { max = 200%, min_healthy = 100% }
          }
        }
        svc("a", 8001)
        svc("b", 8002)
        """.replace("CPU", cpu));
    return project;
  }

  /**
   * A schedule whose overrides ecsl writes as the target's {@code Input} text, which E1508 then
   * reads back (jackson-core's parser initialises {@code BigDecimal}, so only databind is asserted).
   */
  private Path scheduleProject() throws Exception {
    Path project = dir.resolve("jobs");
    Files.createDirectories(project);
    Files.writeString(project.resolve("main.ecs"), """
        project { name = "shop", account_id = "123456789012", region = "eu-west-1" }
        cluster main {}
        task job {
          network = bridge
          container report {
            image = "registry.local/job:1.0.0"
            memory = 128 MiB
          }
        }
        schedule nightly {
          cluster = main
          task = job
          expression = rate(1h)
          role = "arn:aws:iam::123456789012:role/ecsEventsRole"
          launch_type = EC2
          overrides { container_overrides = [{ name = "report", command = ["run"] }] }
        }
        """);
    return project;
  }

  /** The class-initialisation log of one command, after checking that it succeeded. */
  private String initLog(String... args) throws Exception {
    Path log = dir.resolve("init-" + System.nanoTime() + ".log");
    Path javaBinary = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command = new ArrayList<>(List.of(javaBinary.toString(),
        "-Xlog:class+init=info:file=" + log, "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("out.txt").toFile()).start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "ecsl did not stop");
    assertEquals(0, p.exitValue(), () -> read(dir.resolve("out.txt")));
    return read(log);
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void checkAndBuildOfWholeNumbersSetUpNeitherBigDecimalNorDatabind() throws Exception {
    Path project = project("256");
    String out = dir.resolve("out").toString();
    String check = initLog("check", project.toString());
    String build = initLog("build", project.toString(), "--out", out);
    String rebuild = initLog("build", project.toString(), "--out", out);
    String checkAsJson = initLog("check", project.toString(), "--format", "json");
    assertTrue(Files.readString(dir.resolve("out/task-definitions/a.json")).contains("{\\\"port\\\":8001,\\\"tags\\\":[\\\"a\\\",\\\"b\\\"]}"),
        "jsonencode's compact text in the request");
    String scheduleOut = dir.resolve("jobs-out").toString();
    String scheduleBuild = initLog("build", scheduleProject().toString(), "--out", scheduleOut);
    assertFalse(scheduleBuild.contains(OBJECT_MAPPER_INIT), "ObjectMapper for a schedule's overrides");
    assertTrue(Files.readString(dir.resolve("jobs-out/schedules/nightly.targets.json"))
        .contains("\"Input\": \"{\\\"containerOverrides\\\":[{\\\"name\\\":\\\"report\\\",\\\"command\\\":[\\\"run\\\"]}]}\""),
        "the schedule's overrides as compact JSON text");
    for (String log : new String[] {check, build, rebuild, checkAsJson}) {
      assertFalse(log.contains(BIG_DECIMAL_INIT), "BigDecimal");
      assertFalse(log.contains(OBJECT_MAPPER_INIT), "ObjectMapper");
    }
  }

  @Test
  void aDecimalInTheProjectLoadsBigDecimal() throws Exception {
    assertTrue(initLog("check", project("0.25 vcpu").toString()).contains(BIG_DECIMAL_INIT));
  }

  @Test
  void importingAJsonDocumentSetsUpDatabind() throws Exception {
    Path taskDefinition = dir.resolve("web.json");
    Files.writeString(taskDefinition, """
        {"family": "web", "containerDefinitions": [{"name": "app", "image": "registry.local/app:1.0.0", "memory": 256}]}
        """);
    assertTrue(initLog("import", taskDefinition.toString()).contains(OBJECT_MAPPER_INIT));
  }
}
