package io.ecsl.runtime.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.runtime.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A small client of a running runtime, for the CLI ({@code ecsl ps}, {@code logs}, {@code events}):
 * ECS calls in AWS JSON 1.1 and the runtime's {@code /_ecsl/} endpoints. The apply engine uses the
 * AWS SDK against {@link #endpoint()} instead.
 */
public final class RuntimeClient {
  /** An error the runtime returned: the AWS error type and message. */
  public static final class ApiError extends RuntimeException {
    private final String type;

    ApiError(String type, String message) {
      super(message);
      this.type = type;
    }

    public String type() {
      return type;
    }
  }

  private final URI endpoint;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  public RuntimeClient(URI endpoint) {
    this.endpoint = endpoint;
  }

  public URI endpoint() {
    return endpoint;
  }

  /** Calls an ECS operation, e.g. {@code ecs("DescribeServices", body)}. */
  public JsonNode ecs(String operation, JsonNode body) {
    return call("AmazonEC2ContainerServiceV20141113." + operation, body);
  }

  public JsonNode call(String target, JsonNode body) {
    HttpRequest request = HttpRequest.newBuilder(endpoint.resolve("/"))
        .timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/x-amz-json-1.1")
        .header("X-Amz-Target", target)
        .POST(HttpRequest.BodyPublishers.ofString(Json.write(body)))
        .build();
    HttpResponse<String> response = send(request);
    JsonNode json = Json.parse(response.body());
    if (response.statusCode() != 200) {
      String type = Json.text(json, "__type", "Error");
      throw new ApiError(type.substring(type.indexOf('#') + 1), Json.text(json, "message", response.body()));
    }
    return json;
  }

  /** GET {@code /_ecsl/health}. */
  public JsonNode health() {
    HttpRequest request = HttpRequest.newBuilder(endpoint.resolve("/_ecsl/health"))
        .timeout(Duration.ofSeconds(3)).GET().build();
    return Json.parse(send(request).body());
  }

  /** Copies a container's log to {@code out}; with {@code follow}, until the container stops or the caller interrupts. */
  public void logs(String taskId, String container, boolean follow, int tail, OutputStream out) {
    String query = "task=" + encode(taskId) + "&container=" + encode(container) + "&follow=" + follow
        + "&tail=" + tail;
    HttpRequest request = HttpRequest.newBuilder(endpoint.resolve("/_ecsl/logs?" + query)).GET().build();
    try {
      HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream in = response.body()) {
        if (response.statusCode() != 200) {
          throw new ApiError("LogsUnavailable", Json.text(Json.parse(new String(in.readAllBytes(),
              StandardCharsets.UTF_8)), "message", "logs unavailable"));
        }
        byte[] buffer = new byte[8192];
        int read;
        while ((read = in.read(buffer)) >= 0) {
          out.write(buffer, 0, read);
          out.flush();
        }
      }
    } catch (IOException e) {
      throw new ApiError("Unreachable", "cannot read logs from the runtime at " + endpoint + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** GET {@code /_ecsl/schedules}: every scheduled rule, its next fire time and its last results. */
  public JsonNode schedules() {
    return getJson("/_ecsl/schedules");
  }

  /**
   * Fires a scheduled rule now ({@code rule} is its name or ARN; {@code region} may be null), through
   * the same path as its schedule; returns each target's result.
   */
  public JsonNode fireSchedule(String rule, String region) {
    var body = Json.object().put("rule", rule);
    if (region != null) {
      body.put("region", region);
    }
    HttpResponse<String> response = send(HttpRequest.newBuilder(endpoint.resolve("/_ecsl/schedules/fire"))
        .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(Json.write(body))).build());
    if (response.statusCode() != 200) {
      throw new ApiError("Schedules", Json.text(Json.parse(response.body()), "message", response.body()));
    }
    return Json.parse(response.body());
  }

  /** GET {@code /_ecsl/stats}: the newest CPU and memory reading of each running task and service. */
  public JsonNode stats() {
    return getJson("/_ecsl/stats");
  }

  private JsonNode getJson(String path) {
    HttpResponse<String> response = send(HttpRequest.newBuilder(endpoint.resolve(path))
        .timeout(Duration.ofSeconds(10)).GET().build());
    if (response.statusCode() != 200) {
      throw new ApiError("Runtime", Json.text(Json.parse(response.body()), "message", response.body())
          + (response.statusCode() == 404 ? " (is the runtime older than this ecsl? restart it: ecsl runtime stop &&"
              + " ecsl runtime start)" : ""));
    }
    return Json.parse(response.body());
  }

  /** Stores a secret in the running runtime's secret store. */
  void putSecret(String name, String value) {
    String body = Json.write(Json.object().put("name", name).put("value", value));
    expectOk(send(HttpRequest.newBuilder(endpoint.resolve("/_ecsl/secrets")).timeout(Duration.ofSeconds(10))
        .POST(HttpRequest.BodyPublishers.ofString(body)).build()));
  }

  java.util.List<String> secretNames() {
    HttpResponse<String> response = expectOk(send(HttpRequest.newBuilder(endpoint.resolve("/_ecsl/secrets"))
        .timeout(Duration.ofSeconds(10)).GET().build()));
    java.util.List<String> names = new java.util.ArrayList<>();
    Json.parse(response.body()).forEach(n -> names.add(n.asText()));
    return names;
  }

  boolean deleteSecret(String name) {
    HttpResponse<String> response = send(HttpRequest.newBuilder(endpoint.resolve("/_ecsl/secrets?name=" + encode(name)))
        .timeout(Duration.ofSeconds(10)).DELETE().build());
    return response.statusCode() == 200;
  }

  private HttpResponse<String> expectOk(HttpResponse<String> response) {
    if (response.statusCode() != 200) {
      throw new ApiError("SecretStore", Json.text(Json.parse(response.body()), "message", response.body()));
    }
    return response;
  }

  /** POST {@code /_ecsl/shutdown}. */
  void shutdown() {
    HttpRequest request = HttpRequest.newBuilder(endpoint.resolve("/_ecsl/shutdown"))
        .timeout(Duration.ofSeconds(5)).POST(HttpRequest.BodyPublishers.noBody()).build();
    send(request);
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new ApiError("Unreachable", "the ecsl runtime at " + endpoint + " does not answer (" + e.getMessage()
          + "); check it with: ecsl runtime status");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiError("Interrupted", "interrupted while calling the runtime at " + endpoint);
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
  }
}
