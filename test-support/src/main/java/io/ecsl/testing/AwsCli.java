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
 * The real AWS CLI (v1), the judge of what ecsl emits and of the runtime's API: the one way tests
 * run it. Mark a class that uses it {@link NeedsAwsCli}. {@link #batch} runs many commands through
 * the CLI's own driver in one Python process (each command behaves exactly as `aws …` would).
 */
public final class AwsCli {
  private static final ObjectMapper JSON = new ObjectMapper();

  private AwsCli() {}

  /**
   * The environment for the CLI (or an SDK) talking to {@code endpoint}: dummy credentials,
   * us-east-1, no pager, and nothing from the machine's {@code ~/.aws}.
   */
  public static Map<String, String> environment(String endpoint) {
    return environment(endpoint, "test", "test");
  }

  /**
   * The same, signing with the given key: the ecsl runtime accepts only its own (what
   * {@code ecsl runtime env} prints; runtime tests get it from {@code TestRuntimes.awsEnvironment()}).
   */
  public static Map<String, String> environment(String endpoint, String accessKeyId, String secretAccessKey) {
    return Map.of("AWS_ACCESS_KEY_ID", accessKeyId, "AWS_SECRET_ACCESS_KEY", secretAccessKey,
        "AWS_DEFAULT_REGION", "us-east-1", "AWS_REGION", "us-east-1", "AWS_ENDPOINT_URL", endpoint, "AWS_PAGER", "",
        "AWS_CONFIG_FILE", "/dev/null", "AWS_SHARED_CREDENTIALS_FILE", "/dev/null");
  }

  /** One command, as its own {@code aws} process; the caller judges the exit code. */
  public static Processes.Result run(Map<String, String> env, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add("aws");
    command.addAll(List.of(args));
    try {
      return Processes.run(command, env, 120);
    } catch (IOException e) {
      if (e.getMessage() != null && e.getMessage().contains("Cannot run program")) {
        throw new IOException("the aws CLI (v1) is not on PATH; bash .ci/run expects it, ./mvnw test -Pfast leaves out"
            + " the tests that need it", e);
      }
      throw e;
    }
  }

  /** One command that must succeed; its standard output. */
  public static String ok(Map<String, String> env, String... args) throws IOException, InterruptedException {
    Processes.Result r = run(env, args);
    if (!r.ok()) {
      throw new AssertionError("aws " + String.join(" ", args) + " failed:\n" + r.output());
    }
    return r.stdout();
  }

  /** One command that must succeed, with {@code --output json}; its parsed output ({} when it prints nothing). */
  public static JsonNode json(Map<String, String> env, String... args) throws IOException, InterruptedException {
    List<String> withJson = new ArrayList<>(List.of(args));
    withJson.addAll(List.of("--output", "json"));
    String out = ok(env, withJson.toArray(String[]::new));
    return out.isBlank() ? JSON.createObjectNode() : JSON.readTree(out);
  }

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
}
