package io.ecsl.runtime.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.ecsl.runtime.backend.BackendException;
import io.ecsl.runtime.backend.ContainerBackend;
import io.ecsl.runtime.engine.ControlPlane;
import io.ecsl.runtime.json.Json;
import io.ecsl.runtime.json.JsonSyntaxException;
import io.ecsl.runtime.model.ContainerEntity;
import io.ecsl.runtime.model.TaskEntity;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The runtime's own endpoints, for the CLI: {@code GET /_ecsl/health}, {@code POST /_ecsl/shutdown},
 * {@code GET /_ecsl/logs?task=ID&container=NAME[&follow=true][&tail=N]} (a container's output as
 * plain text, streamed while following) and {@code /_ecsl/secrets} (GET names, POST
 * {@code {"name","value"}}, DELETE {@code ?name=}), so the CLI never opens the store itself while
 * the runtime runs, and {@code POST /_ecsl/project-roots} {@code {"path"}}: apply registers the
 * directory of the project it applies, under which tasks may then mount host paths;
 * {@code /_ecsl/auto-scaling-groups} and {@code /_ecsl/spot-interruptions} ({@link CapacityEndpoints}). Other parts of
 * the server add theirs ({@link #add}: schedules, stats); all are authenticated and bounded alike.
 */
public final class InternalEndpoints {
  public static final String PREFIX = "/_ecsl/";
  /** Secrets Manager's limits: a name of at most 512 characters, a value of at most 64 KiB. */
  static final int MAX_SECRET_NAME = 512;
  static final int MAX_SECRET_VALUE = 65_536;

  /**
   * An endpoint the server adds under {@code /_ecsl/} (schedules, stats); see {@link #add}. It runs
   * after authentication, with the request body already read (bounded); it may throw
   * {@link ApiException}, answered like the built-in endpoints' errors.
   */
  @FunctionalInterface
  public interface Endpoint {
    void handle(HttpExchange exchange, byte[] body) throws IOException;
  }

  private final ControlPlane plane;
  private final ObjectNode identity;
  private final Runnable shutdown;
  private final CapacityEndpoints capacity;
  private final Map<String, Endpoint> added = new java.util.concurrent.ConcurrentHashMap<>();

  /** {@code identity} is what health reports (endpoint, pid, data dir, ...); {@code shutdown} stops the process. */
  public InternalEndpoints(ControlPlane plane, ObjectNode identity, Runnable shutdown) {
    this.plane = plane;
    this.identity = identity;
    this.shutdown = shutdown;
    this.capacity = new CapacityEndpoints(plane);
  }

  /** Serves {@code endpoint} at {@code /_ecsl/<path>}. */
  public void add(String path, Endpoint endpoint) {
    added.put(PREFIX + path, endpoint);
  }

  /**
   * Answers one request to {@code /_ecsl/...} (already authenticated). Every request gets an
   * answer: a malformed one is a 400 that says what is wrong, in the AWS error shape.
   */
  void handle(HttpExchange exchange, byte[] body, RequestContext context) throws IOException {
    String path = exchange.getRequestURI().getPath();
    try {
      switch (path) {
        case PREFIX + "health" -> {
          ObjectNode health = identity.deepCopy();
          health.put("status", "ok");
          health.put("instanceId", plane.instanceId());
          health.put("containerEngine", plane.backend().endpoint());
          Json.putIfPresent(health, "containerEngineProblem", plane.backendProblem());
          health.set("hostAccess", hostAccess());
          health.set("controlLoop", plane.loopHealth().toJson());
          var setAside = plane.state().store().setAside();
          if (!setAside.isEmpty()) {
            var documents = health.putArray("setAside");
            setAside.forEach(d -> documents.addObject().put("kind", d.kind()).put("id", d.id())
                .put("reason", d.reason()).put("at", d.at()));
          }
          send(exchange, 200, Json.write(health));
        }
        case PREFIX + "shutdown" -> {
          requireMethod(exchange, "POST");
          send(exchange, 200, "{\"status\":\"stopping\"}");
          Thread.ofPlatform().name("ecsl-shutdown").start(shutdown);
        }
        case PREFIX + "logs" -> {
          requireMethod(exchange, "GET");
          logs(exchange);
        }
        case PREFIX + "secrets" -> secrets(exchange, body);
        case PREFIX + "project-roots" -> {
          requireMethod(exchange, "POST");
          String directory = Json.text(Json.parseRequest(body), "path");
          if (directory == null || directory.isEmpty()) {
            throw new ApiException("ValidationException", "Give the project directory: {\"path\": \"/abs/dir\"}.");
          }
          try {
            java.nio.file.Path allowed = plane.hostAccess().allowProjectRoot(java.nio.file.Path.of(directory));
            send(exchange, 200, Json.write(Json.object().put("path", allowed.toString())));
          } catch (IllegalArgumentException e) {
            throw new ApiException("AccessDeniedException", e.getMessage());
          }
        }
        case PREFIX + "auto-scaling-groups" -> answer(exchange,
            capacity.groups(exchange.getRequestMethod(), jsonObject(body)));
        case PREFIX + "spot-interruptions" -> {
          requireMethod(exchange, "POST");
          answer(exchange, capacity.interruptSpot(jsonObject(body)));
        }
        default -> {
          Endpoint endpoint = added.get(path);
          if (endpoint == null) {
            throw new ApiException("UnknownOperationException", "The runtime has no endpoint " + path
                + "; its own endpoints are " + PREFIX + "health, shutdown, logs, secrets, project-roots, auto-scaling-groups,"
                + " spot-interruptions, stats, schedules, schedules/fire, load-balancers and deployment-events.", 404);
          }
          endpoint.handle(exchange, body);
        }
      }
    } catch (ApiException e) {
      HttpApiServer.send(exchange, AwsJsonDispatcher.error(null, e));
    } catch (JsonSyntaxException e) {
      HttpApiServer.send(exchange, AwsJsonDispatcher.error(null, new ApiException("SerializationException",
          "The request body is not valid JSON: " + e.getMessage())));
    }
  }

  /** The host-access policy in force: the start-up grants, the registered projects, the volume area. */
  private ObjectNode hostAccess() {
    ObjectNode out = Json.object();
    out.set("grants", Json.arrayOf(plane.hostAccess().grants().toArgs()));
    out.set("projectRoots", Json.arrayOf(plane.hostAccess().projectRoots().stream().map(Object::toString).toList()));
    out.put("volumes", plane.hostAccess().volumesRoot().toString());
    return out;
  }

  /** A request body that must be a JSON object; an empty body is an empty object. */
  private static com.fasterxml.jackson.databind.JsonNode jsonObject(byte[] body) {
    if (body.length == 0) {
      return Json.object();
    }
    var parsed = Json.parseRequest(body);
    if (!parsed.isObject()) {
      throw new ApiException("SerializationException", "The request body must be a JSON object.");
    }
    return parsed;
  }

  /** A capacity endpoint's answer: its body, or its error in the AWS error shape. */
  private static void answer(HttpExchange exchange, CapacityEndpoints.Answer answer) throws IOException {
    if (answer.status() == 200) {
      send(exchange, 200, Json.write(answer.body()));
      return;
    }
    String type = switch (answer.status()) {
      case 404 -> "ResourceNotFoundException";
      case 405 -> "MethodNotAllowedException";
      default -> "ValidationException";
    };
    throw new ApiException(type, Json.text(answer.body(), "message", "request refused"), answer.status());
  }

  static void requireMethod(HttpExchange exchange, String method) {
    if (!method.equals(exchange.getRequestMethod())) {
      throw new ApiException("MethodNotAllowedException", exchange.getRequestURI().getPath() + " takes " + method
          + ", not " + exchange.getRequestMethod() + ".", 405);
    }
  }

  private void logs(HttpExchange exchange) throws IOException {
    Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
    String taskId = query.getOrDefault("task", "");
    String containerName = query.get("container");
    boolean follow = "true".equals(query.get("follow"));
    int tail;
    try {
      tail = Integer.parseInt(query.getOrDefault("tail", "-1"));
    } catch (NumberFormatException e) {
      throw new ApiException("ValidationException", "tail must be a whole number of lines; got '" + query.get("tail")
          + "'.");
    }
    String runtimeId = null;
    synchronized (plane.state()) {
      for (TaskEntity task : plane.state().tasks.values()) {
        if (task.taskId.equals(taskId) || task.taskArn.equals(taskId)) {
          for (ContainerEntity container : task.containers) {
            if (container.name.equals(containerName)) {
              runtimeId = container.runtimeId;
            }
          }
        }
      }
    }
    if (runtimeId == null) {
      throw new ApiException("ResourceNotFoundException", "task " + taskId + " has no container " + containerName
          + " with output (it never started, or its containers were removed)", 404);
    }
    exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
    exchange.sendResponseHeaders(200, 0);
    OutputStream out = exchange.getResponseBody();
    CountDownLatch done = new CountDownLatch(1);
    Closeable[] stream = new Closeable[1];
    ContainerBackend.LogSink sink = new ContainerBackend.LogSink() {
      @Override
      public void write(byte[] bytes, boolean stderr) {
        try {
          out.write(bytes);
          out.flush();
        } catch (IOException e) {
          // The client went away: stop streaming.
          done.countDown();
        }
      }

      @Override
      public void end() {
        done.countDown();
      }
    };
    try {
      stream[0] = plane.backend().streamLogs(runtimeId, new ContainerBackend.LogRequest(follow, tail), sink);
      done.await();
    } catch (BackendException e) {
      out.write(("ecsl: cannot read logs: " + e.getMessage() + "\n").getBytes(StandardCharsets.UTF_8));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      if (stream[0] != null) {
        stream[0].close();
      }
      out.close();
    }
  }

  private void secrets(HttpExchange exchange, byte[] body) throws IOException {
    var store = plane.state().store();
    switch (exchange.getRequestMethod()) {
      case "GET" -> send(exchange, 200, Json.write(Json.arrayOf(store.secretNames())));
      case "POST" -> {
        var request = Json.parseRequest(body);
        String name = Json.text(request, "name");
        String value = Json.text(request, "value");
        if (name == null || name.isEmpty() || value == null) {
          throw new ApiException("ValidationException", "A secret needs a name and a value:"
              + " {\"name\": \"db-password\", \"value\": \"...\"}.");
        }
        if (name.length() > MAX_SECRET_NAME || value.length() > MAX_SECRET_VALUE) {
          throw new ApiException("ValidationException", "A secret's name is at most " + MAX_SECRET_NAME
              + " characters and its value at most " + MAX_SECRET_VALUE + " (Secrets Manager's limits).");
        }
        store.putSecret(name, value);
        send(exchange, 200, "{}");
      }
      case "DELETE" -> {
        boolean deleted = store.deleteSecret(query(exchange.getRequestURI().getRawQuery()).getOrDefault("name", ""));
        if (!deleted) {
          throw new ApiException("ResourceNotFoundException", "No secret of that name.", 404);
        }
        send(exchange, 200, "{}");
      }
      default -> throw new ApiException("MethodNotAllowedException", PREFIX + "secrets takes GET, POST or DELETE.",
          405);
    }
  }

  /** A URL query string's parameters, decoded (the last of a repeated name wins). */
  public static Map<String, String> query(String raw) {
    Map<String, String> out = new LinkedHashMap<>();
    if (raw == null) {
      return out;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      out.put(key, value);
    }
    return out;
  }

  static void send(HttpExchange exchange, int status, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
