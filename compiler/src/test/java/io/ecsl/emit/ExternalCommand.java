package io.ecsl.emit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a real tool (cfn-lint, bash, python3) the way a user would, with a time limit, and keeps
 * what it printed. Output goes to files, not pipes, so a chatty tool can never block on a full pipe.
 */
public record ExternalCommand(int exitCode, String stdout, String stderr) {

  public static ExternalCommand run(List<String> command, Map<String, String> env, Path workDir, long timeoutSeconds) {
    try {
      Path out = Files.createTempFile("ecsl-cmd", ".out");
      Path err = Files.createTempFile("ecsl-cmd", ".err");
      try {
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        if (workDir != null) {
          pb.directory(workDir.toFile());
        }
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
          p.descendants().forEach(ProcessHandle::destroyForcibly);
          p.destroyForcibly();
          throw new AssertionError(String.join(" ", command) + " did not finish in " + timeoutSeconds + "s; output so far:\n"
              + Files.readString(out, StandardCharsets.UTF_8) + Files.readString(err, StandardCharsets.UTF_8));
        }
        return new ExternalCommand(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
            Files.readString(err, StandardCharsets.UTF_8));
      } finally {
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + command.get(0) + " (is it installed and on PATH?)", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  public static ExternalCommand run(List<String> command) {
    return run(command, Map.of(), null, 120);
  }

  /** Both streams, for failure messages. */
  public String output() {
    return stdout + (stderr.isEmpty() ? "" : "\n[stderr]\n" + stderr);
  }
}
