package io.ecsl.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real AWS CLI, for checking what ecsl emits. {@link #batch} runs many commands through the
 * CLI's own driver in one Python process (each command behaves exactly as `aws …` would).
 */
public final class AwsCli {
  private static final ObjectMapper JSON = new ObjectMapper();

  private AwsCli() {}

  /** Runs each argument list as {@code aws <args>}; returns one result per command, in order. */
  public static List<Processes.Result> batch(List<List<String>> commands, Map<String, String> env)
      throws IOException, InterruptedException {
    Path script = Files.createTempFile("aws_batch", ".py");
    try (InputStream in = AwsCli.class.getResourceAsStream("aws_batch.py")) {
      Files.write(script, in.readAllBytes());
    }
    ProcessBuilder pb = new ProcessBuilder("python3", script.toString());
    pb.environment().putAll(env);
    pb.redirectError(ProcessBuilder.Redirect.INHERIT);
    Process p = pb.start();
    p.getOutputStream().write(JSON.writeValueAsBytes(commands));
    p.getOutputStream().close();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(600, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException("aws_batch.py failed: " + new String(out, StandardCharsets.UTF_8));
    }
    Files.deleteIfExists(script);
    List<Processes.Result> results = new ArrayList<>();
    for (JsonNode r : JSON.readTree(out)) {
      results.add(new Processes.Result(r.get("rc").asInt(), r.get("stdout").asText(), r.get("stderr").asText()));
    }
    return results;
  }

  /** One command, as its own `aws` process. */
  public static Processes.Result run(Map<String, String> env, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add("aws");
    command.addAll(List.of(args));
    return Processes.run(command, env, 120);
  }
}
