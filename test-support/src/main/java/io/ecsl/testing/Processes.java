package io.ecsl.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs an external program (aws, cfn-lint, bash) and captures its output. */
public final class Processes {
  private Processes() {}

  /** The outcome of a finished program (a process, or a CLI run in-process by {@link InProcessCli}). */
  public record Result(int exitCode, String stdout, String stderr) {
    public boolean ok() {
      return exitCode == 0;
    }

    /** Exit code and both streams, for a failure message. */
    public String output() {
      return "exit " + exitCode + "\n--- stdout\n" + stdout + "\n--- stderr\n" + stderr;
    }

    @Override
    public String toString() {
      return output();
    }
  }

  public static Result run(List<String> command, Map<String, String> env, long timeoutSeconds)
      throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().putAll(env);
    Process p = pb.start();
    p.getOutputStream().close();
    var out = p.getInputStream();
    var err = p.getErrorStream();
    byte[][] buffers = new byte[2][];
    Thread t1 = Thread.ofVirtual().start(() -> buffers[0] = readAll(out));
    Thread t2 = Thread.ofVirtual().start(() -> buffers[1] = readAll(err));
    if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException("timed out after " + timeoutSeconds + "s: " + String.join(" ", command));
    }
    t1.join();
    t2.join();
    return new Result(p.exitValue(), new String(buffers[0], StandardCharsets.UTF_8), new String(buffers[1], StandardCharsets.UTF_8));
  }

  private static byte[] readAll(java.io.InputStream in) {
    try {
      return in.readAllBytes();
    } catch (IOException e) {
      return new byte[0];
    }
  }
}
