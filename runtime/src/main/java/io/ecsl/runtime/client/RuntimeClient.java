package io.ecsl.runtime.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.runtime.home.RuntimeCredentials;
import io.ecsl.runtime.json.Json;
import io.ecsl.runtime.sigv4.SigV4;
import io.ecsl.runtime.sigv4.SigV4Signer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small client of a running runtime, for the CLI ({@code ecsl ps}, {@code logs}, {@code events}):
 * ECS calls in AWS JSON 1.1 and the runtime's {@code /_ecsl/} endpoints, every request signed
 * (AWS Signature Version 4) with the runtime's key. The apply engine uses the AWS SDK against
 * {@link #endpoint()} with the same key instead.
 */
public final class RuntimeClient {
  /** The region the CLI's reads and the local target default to. */
  public static final String DEFAULT_REGION = "us-east-1";

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

  /** The SigV4 service name of each API the runtime serves, by X-Amz-Target prefix (the AWS SDKs sign the same way). */
  private static final Map<String, String> SIGNING_NAMES = Map.of(
      "AmazonEC2ContainerServiceV20141113", "ecs",
      "AWSEvents", "events",
      "AnyScaleFrontendService", "application-autoscaling",
      "Route53AutoNaming_v20170314", "servicediscovery");

  private final URI endpoint;
  private final RuntimeCredentials credentials;
  private final String region;
  private final SigV4Signer signer;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** A client of the runtime at {@code endpoint}, signing with {@code credentials} in {@value #DEFAULT_REGION}. */
  public RuntimeClient(URI endpoint, RuntimeCredentials credentials) {
    this(endpoint, credentials, DEFAULT_REGION);
  }

  public RuntimeClient(URI endpoint, RuntimeCredentials credentials, String region) {
    this.endpoint = endpoint;
    this.credentials = credentials;
    this.region = region;
    this.signer = signer("ecs");
  }

  public URI endpoint() {
    return endpoint;
  }

  /** Calls an ECS operation, e.g. {@code ecs("DescribeServices", body)}. */
  public JsonNode ecs(String operation, JsonNode body) {
    return call("AmazonEC2ContainerServiceV20141113." + operation, body);
  }

  /** Calls any operation the runtime serves, e.g. {@code call("AWSEvents.PutRule", body)}. */
  public JsonNode call(String target, JsonNode body) {
    String prefix = target.contains(".") ? target.substring(0, target.indexOf('.')) : target;
    SigV4Signer scoped = signer(SIGNING_NAMES.getOrDefault(prefix, "ecs"));
    HttpResponse<String> response = send(request(scoped, "POST", "/", null,
        Map.of("Content-Type", "application/x-amz-json-1.1", "X-Amz-Target", target),
        Json.write(body).getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(30)));
    JsonNode json = parse(response);
    if (response.statusCode() != 200) {
      throw error(json, response);
    }
    return json;
  }

  /**
   * Calls an Elastic Load Balancing v2 action (the Query protocol: form parameters such as
   * {@code Names.member.1}); returns the XML response document.
   *
   * @throws ApiError with the error's {@code Code} and {@code Message}
   */
  public String elb(String action, Map<String, String> parameters) {
    StringBuilder form = new StringBuilder("Action=").append(encode(action)).append("&Version=2015-12-01");
    parameters.forEach((key, value) -> form.append('&').append(encode(key)).append('=').append(encode(value)));
    HttpResponse<String> response = send(request(signer("elasticloadbalancing"), "POST", "/", null,
        Map.of("Content-Type", "application/x-www-form-urlencoded; charset=utf-8"),
        form.toString().getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(30)));
    if (response.statusCode() != 200) {
      throw new ApiError(xmlElement(response.body(), "Code"), xmlElement(response.body(), "Message"));
    }
    return response.body();
  }

  private static String encode(String text) {
    return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** The text of the first {@code <name>} element of an XML document (error codes and messages hold no markup). */
  public static String xmlElement(String xml, String name) {
    int start = xml.indexOf("<" + name + ">");
    int end = start < 0 ? -1 : xml.indexOf("</" + name + ">", start);
    if (end < 0) {
      return null;
    }
    return xml.substring(start + name.length() + 2, end).replace("&lt;", "<").replace("&gt;", ">")
        .replace("&quot;", "\"").replace("&apos;", "'").replace("&amp;", "&");
  }

  /** GET {@code /_ecsl/health}. */
  public JsonNode health() {
    HttpResponse<String> response = send(request("GET", "/_ecsl/health", null, Map.of(), new byte[0],
        Duration.ofSeconds(3)));
    JsonNode json = parse(response);
    if (response.statusCode() != 200) {
      throw error(json, response);
    }
    return json;
  }

  /** Copies a container's log to {@code out}; with {@code follow}, until the container stops or the caller interrupts. */
  public void logs(String taskId, String container, boolean follow, int tail, OutputStream out) {
    String query = "container=" + SigV4.uriEncode(nullToEmpty(container)) + "&follow=" + follow
        + "&tail=" + tail + "&task=" + SigV4.uriEncode(nullToEmpty(taskId));
    HttpRequest request = request("GET", "/_ecsl/logs", query, Map.of(), new byte[0], null);
    try {
      HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream in = response.body()) {
        if (response.statusCode() != 200) {
          String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
          throw new ApiError("LogsUnavailable", messageOf(text));
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

  /**
   * GET {@code /_ecsl/load-balancers}: each load balancer's listeners and where they are served
   * ({@code address}, 127.0.0.1:PORT), and each target group's targets with health and request counts.
   */
  public JsonNode loadBalancers() {
    return getJson("/_ecsl/load-balancers");
  }

  /** GET {@code /_ecsl/deployment-events}: the service's "ECS Deployment State Change" events, oldest first. */
  public JsonNode deploymentEvents(String serviceArn) {
    String query = "service=" + java.net.URLEncoder.encode(serviceArn, StandardCharsets.UTF_8);
    HttpResponse<String> response = send(request("GET", "/_ecsl/deployment-events", query, Map.of(), new byte[0],
        Duration.ofSeconds(10)));
    if (response.statusCode() != 200) {
      throw new ApiError("Runtime", messageOf(response.body()));
    }
    return Json.parse(response.body());
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
    HttpResponse<String> response = send(request("POST", "/_ecsl/schedules/fire", null,
        Map.of("Content-Type", "application/json"), Json.write(body).getBytes(StandardCharsets.UTF_8),
        Duration.ofSeconds(60)));
    if (response.statusCode() != 200) {
      throw new ApiError("Schedules", messageOf(response.body()));
    }
    return Json.parse(response.body());
  }

  /** GET {@code /_ecsl/stats}: the newest CPU and memory reading of each running task and service. */
  public JsonNode stats() {
    return getJson("/_ecsl/stats");
  }

  private JsonNode getJson(String path) {
    HttpResponse<String> response = send(request("GET", path, null, Map.of(), new byte[0], Duration.ofSeconds(10)));
    if (response.statusCode() != 200) {
      throw new ApiError("Runtime", messageOf(response.body())
          + (response.statusCode() == 404 ? " (is the runtime older than this ecsl? restart it: ecsl runtime stop &&"
              + " ecsl runtime start)" : ""));
    }
    return Json.parse(response.body());
  }

  /** Stores a secret in the running runtime's secret store. */
  void putSecret(String name, String value) {
    String body = Json.write(Json.object().put("name", name).put("value", value));
    expectOk(send(request("POST", "/_ecsl/secrets", null, Map.of("Content-Type", "application/json"),
        body.getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(10))));
  }

  List<String> secretNames() {
    HttpResponse<String> response = expectOk(send(request("GET", "/_ecsl/secrets", null, Map.of(), new byte[0],
        Duration.ofSeconds(10))));
    List<String> names = new java.util.ArrayList<>();
    Json.parse(response.body()).forEach(n -> names.add(n.asText()));
    return names;
  }

  boolean deleteSecret(String name) {
    HttpResponse<String> response = send(request("DELETE", "/_ecsl/secrets", "name=" + SigV4.uriEncode(name),
        Map.of(), new byte[0], Duration.ofSeconds(10)));
    if (response.statusCode() == 404) {
      return false;
    }
    expectOk(response);
    return true;
  }

  /**
   * Lets tasks mount host paths under {@code projectDirectory} (what apply does for the project it
   * applies); returns the directory as the runtime resolved it.
   *
   * @throws ApiError {@code AccessDeniedException} when the directory may not be (a home directory, {@code /}, ...)
   */
  public String allowProjectRoot(java.nio.file.Path projectDirectory) {
    String body = Json.write(Json.object().put("path", projectDirectory.toAbsolutePath().normalize().toString()));
    HttpResponse<String> response = expectOk(send(request("POST", "/_ecsl/project-roots", null,
        Map.of("Content-Type", "application/json"), body.getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(10))));
    return Json.text(parse(response), "path");
  }

  /** GET {@code /_ecsl/auto-scaling-groups}: the simulated Auto Scaling groups, with their instances. */
  public JsonNode autoScalingGroups() {
    return internal("GET", "/_ecsl/auto-scaling-groups", null);
  }

  /**
   * PUT {@code /_ecsl/auto-scaling-groups}: what a project says an Auto Scaling group holds
   * ({@code autoScalingGroupArn, instanceType, zones, minSize, maxSize, desiredCapacity,
   * warmupSeconds, scaleInAfterSeconds}); returns the group as the runtime keeps it.
   */
  public JsonNode putAutoScalingGroup(JsonNode declaration) {
    return internal("PUT", "/_ecsl/auto-scaling-groups", declaration);
  }

  /**
   * POST {@code /_ecsl/spot-interruptions}: interrupts Fargate Spot tasks now ({@code region,
   * cluster, tasks | service and count, noticeSeconds}); returns {@code interrupted} and
   * {@code failures}.
   */
  public JsonNode interruptSpot(JsonNode request) {
    return internal("POST", "/_ecsl/spot-interruptions", request);
  }

  /** A signed call of a JSON endpoint under {@code /_ecsl/}; an error answer is thrown as {@link ApiError}. */
  private JsonNode internal(String method, String path, JsonNode body) {
    byte[] bytes = body == null ? new byte[0] : Json.write(body).getBytes(StandardCharsets.UTF_8);
    Map<String, String> headers = body == null ? Map.of() : Map.of("Content-Type", "application/json");
    return parse(expectOk(send(request(method, path, null, headers, bytes, Duration.ofSeconds(30)))));
  }

  /** POST {@code /_ecsl/shutdown}. */
  void shutdown() {
    expectOk(send(request("POST", "/_ecsl/shutdown", null, Map.of(), new byte[0], Duration.ofSeconds(5))));
  }

  /**
   * A signed request to the runtime. {@code rawQuery} must already be encoded the SigV4 way
   * ({@link SigV4#uriEncode}), so what is signed is what is sent.
   */
  private HttpRequest request(String method, String path, String rawQuery, Map<String, String> headers,
      byte[] body, Duration timeout) {
    return request(signer, method, path, rawQuery, headers, body, timeout);
  }

  private HttpRequest request(SigV4Signer signer, String method, String path, String rawQuery,
      Map<String, String> headers, byte[] body, Duration timeout) {
    URI uri = endpoint.resolve(path + (rawQuery == null ? "" : "?" + rawQuery));
    Map<String, String> all = new LinkedHashMap<>(headers);
    all.putAll(signer.sign(method, uri.getRawPath(), rawQuery, hostHeader(), headers, body, Instant.now()));
    HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
        .method(method, body.length == 0 && !method.equals("POST") ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(body));
    all.forEach(builder::header);
    if (timeout != null) {
      builder.timeout(timeout);
    }
    return builder.build();
  }

  private SigV4Signer signer(String service) {
    return new SigV4Signer(credentials.accessKeyId(), credentials.secretAccessKey(), region, service);
  }

  /** The Host the HTTP client sends: host and port as the endpoint names them. */
  private String hostHeader() {
    return endpoint.getPort() < 0 ? endpoint.getHost() : endpoint.getHost() + ":" + endpoint.getPort();
  }

  private HttpResponse<String> expectOk(HttpResponse<String> response) {
    if (response.statusCode() != 200) {
      throw error(parse(response), response);
    }
    return response;
  }

  private static JsonNode parse(HttpResponse<String> response) {
    try {
      return Json.parse(response.body());
    } catch (RuntimeException e) {
      throw new ApiError("InvalidResponse", "the runtime answered HTTP " + response.statusCode()
          + " with a body that is not JSON: " + response.body());
    }
  }

  private static ApiError error(JsonNode json, HttpResponse<String> response) {
    String type = Json.text(json, "__type", "HTTP" + response.statusCode());
    return new ApiError(type.substring(type.indexOf('#') + 1), Json.text(json, "message", response.body()));
  }

  private static String messageOf(String text) {
    try {
      return Json.text(Json.parse(text), "message", text);
    } catch (RuntimeException e) {
      return text;
    }
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

  private static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }
}
