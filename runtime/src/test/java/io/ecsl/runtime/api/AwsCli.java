package io.ecsl.runtime.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.runtime.json.Json;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs the real {@code aws} CLI (v1) against a runtime endpoint with dummy credentials. */
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

  /** Runs {@code aws <args> --endpoint-url <endpoint> --output json} and parses stdout. */
  public static JsonNode run(URI endpoint, String... args) {
    List<String> command = new ArrayList<>();
    command.add(executable().toString());
    command.addAll(List.of(args));
    command.addAll(List.of("--endpoint-url", endpoint.toString(), "--output", "json"));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("AWS_ACCESS_KEY_ID", "test");
    builder.environment().put("AWS_SECRET_ACCESS_KEY", "test");
    builder.environment().put("AWS_DEFAULT_REGION", "us-east-1");
    builder.environment().put("AWS_CONFIG_FILE", "/dev/null");
    builder.environment().put("AWS_SHARED_CREDENTIALS_FILE", "/dev/null");
    try {
      Process process = builder.start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      if (process.waitFor() != 0) {
        throw new AssertionError("aws " + String.join(" ", args) + " failed: " + err);
      }
      return out.isBlank() ? Json.object() : Json.parse(out);
    } catch (IOException e) {
      throw new AssertionError("cannot run the aws CLI: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
