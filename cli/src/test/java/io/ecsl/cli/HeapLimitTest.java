package io.ecsl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A project larger than the heap ends the process with one line that says what to do, never an
 * OutOfMemoryError stack trace, and soon rather than after minutes of garbage collection. Runs
 * {@code ecsl} as its own process (the way the launcher does, with a small heap): the guard ends
 * the JVM, which must not happen to the test's.
 */
class HeapLimitTest {
  @TempDir Path dir;

  /** About 30 KB of heap per service: 6,000 of them do not fit in 48 MB. */
  private Path largeProject() throws IOException {
    StringBuilder source = new StringBuilder("""
        cluster main {}
        template svc(name: string, port: int) {
          task t {
            family = name
            network = bridge
            memory = 512 MiB
            container app {
              image = "registry.local/app/${name}:1.0"
              memory = 256 MiB
              port = { container_port = port, host = 0, protocol = tcp }
              env { NAME = name, PORT = port }
            }
          }
          service s in main { service_name = name, task = t, desired = 2, launch_type = EC2 }
        }
        """);
    for (int i = 0; i < 6000; i++) {
      source.append("svc(\"svc-").append(i).append("\", ").append(8000 + i % 1000).append(")\n");
    }
    Files.writeString(dir.resolve("main.ecs"), source);
    return dir;
  }

  @Test
  void aProjectLargerThanTheHeapEndsWithOneLine() throws Exception {
    Path project = largeProject();
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process p = new ProcessBuilder(java.toString(), "-Xmx48m", "-XX:+UseParallelGC", "-cp",
        System.getProperty("java.class.path"), Main.class.getName(), "check", project.toString())
        .redirectOutput(dir.resolve("out.txt").toFile())
        .redirectError(dir.resolve("err.txt").toFile())
        .start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "ecsl did not stop");
    String err = Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8);
    assertEquals(1, p.exitValue(), err);
    assertTrue(err.startsWith("ecsl: out of memory: this needs more than the "), err);
    assertTrue(err.contains("heap ecsl runs with; allow more with ECSL_HEAP (e.g. ECSL_HEAP=4g ./ecsl …"), err);
    assertEquals(1, err.lines().count(), err);
  }
}
