package io.ecsl.runtime.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.runtime.TestRuntimes;
import io.ecsl.runtime.json.Json;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs the real {@code aws} CLI (v1) against a runtime, with the environment {@code ecsl runtime env} prints. */
public final class AwsCli {
  private AwsCli() {}

  public static Path executable() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path candidate = Path.of(dir, "aws");
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    throw new AssertionError("the aws CLI is not on PATH; CI machines have it (Python 3.11 with awscli)");
  }

  /** What one {@code aws} run did. */
  public record Result(int exitCode, String stdout, String stderr) {}

  /** Runs {@code aws <args> --output json} with exactly {@code env} as its AWS environment. */
  public static Result attempt(Map<String, String> env, String... args) {
    List<String> command = new ArrayList<>();
    command.add(executable().toString());
    command.addAll(List.of(args));
    command.addAll(List.of("--output", "json"));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().keySet().removeIf(name -> name.startsWith("AWS_"));
    builder.environment().putAll(env);
    builder.environment().put("AWS_CONFIG_FILE", "/dev/null");
    builder.environment().put("AWS_SHARED_CREDENTIALS_FILE", "/dev/null");
    try {
      Process process = builder.start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      return new Result(process.waitFor(), out, err);
    } catch (IOException e) {
      throw new AssertionError("cannot run the aws CLI: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** Runs {@code aws <args> --output json} against {@code runtime} and parses stdout. */
  public static JsonNode run(TestRuntimes runtime, String... args) {
    Result result = attempt(runtime.awsEnvironment(), args);
    if (result.exitCode() != 0) {
      throw new AssertionError("aws " + String.join(" ", args) + " failed: " + result.stderr());
    }
    return result.stdout().isBlank() ? Json.object() : Json.parse(result.stdout());
  }
}
