package io.ecsl.runtime.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.ecsl.runtime.backend.BackendException;
import io.ecsl.runtime.backend.ContainerBackend;
import io.ecsl.runtime.engine.ControlPlane;
import io.ecsl.runtime.json.Json;
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
 * the runtime runs.
 */
public final class InternalEndpoints {
  public static final String PREFIX = "/_ecsl/";

  /** An endpoint the server adds under {@code /_ecsl/} (schedules, stats); see {@link #add}. */
  @FunctionalInterface
  public interface Endpoint {
    void handle(HttpExchange exchange) throws IOException;
  }

  private final ControlPlane plane;
  private final ObjectNode identity;
  private final Runnable shutdown;
  private final Map<String, Endpoint> added = new java.util.concurrent.ConcurrentHashMap<>();

  /** {@code identity} is what health reports (endpoint, pid, data dir, ...); {@code shutdown} stops the process. */
  public InternalEndpoints(ControlPlane plane, ObjectNode identity, Runnable shutdown) {
    this.plane = plane;
    this.identity = identity;
    this.shutdown = shutdown;
  }

  /** Serves {@code endpoint} at {@code /_ecsl/<path>}. */
  public void add(String path, Endpoint endpoint) {
    added.put(PREFIX + path, endpoint);
  }

  void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    switch (path) {
      case PREFIX + "health" -> {
        ObjectNode health = identity.deepCopy();
        health.put("status", "ok");
        health.put("instanceId", plane.instanceId());
        health.put("containerEngine", plane.backend().endpoint());
        Json.putIfPresent(health, "containerEngineProblem", plane.backendProblem());
        send(exchange, 200, Json.write(health));
      }
      case PREFIX + "shutdown" -> {
        if (!"POST".equals(exchange.getRequestMethod())) {
          send(exchange, 405, "{\"message\":\"use POST\"}");
          return;
        }
        send(exchange, 200, "{\"status\":\"stopping\"}");
        Thread.ofPlatform().name("ecsl-shutdown").start(shutdown);
      }
      case PREFIX + "logs" -> logs(exchange);
      case PREFIX + "secrets" -> secrets(exchange);
      default -> {
        Endpoint endpoint = added.get(path);
        if (endpoint != null) {
          endpoint.handle(exchange);
        } else {
          send(exchange, 404, "{\"message\":\"unknown endpoint " + path + "\"}");
        }
      }
    }
  }

  private void logs(HttpExchange exchange) throws IOException {
    Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
    String taskId = query.getOrDefault("task", "");
    String containerName = query.get("container");
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
      send(exchange, 404, Json.write(Json.object().put("message", "task " + taskId + " has no container "
          + containerName + " with output (it never started, or its containers were removed)")));
      return;
    }
    boolean follow = "true".equals(query.get("follow"));
    int tail = Integer.parseInt(query.getOrDefault("tail", "-1"));
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

  private void secrets(HttpExchange exchange) throws IOException {
    var store = plane.state().store();
    switch (exchange.getRequestMethod()) {
      case "GET" -> send(exchange, 200, Json.write(Json.arrayOf(store.secretNames())));
      case "POST" -> {
        var body = Json.parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String name = Json.text(body, "name");
        String value = Json.text(body, "value");
        if (name == null || name.isEmpty() || value == null) {
          send(exchange, 400, "{\"message\":\"a secret needs a name and a value\"}");
          return;
        }
        store.putSecret(name, value);
        send(exchange, 200, "{}");
      }
      case "DELETE" -> {
        boolean deleted = store.deleteSecret(query(exchange.getRequestURI().getRawQuery()).getOrDefault("name", ""));
        send(exchange, deleted ? 200 : 404, deleted ? "{}" : "{\"message\":\"no such secret\"}");
      }
      default -> send(exchange, 405, "{\"message\":\"use GET, POST or DELETE\"}");
    }
  }

  static Map<String, String> query(String raw) {
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
