package io.ecsl.runtime.api;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.Executors;

/**
 * The runtime's HTTP endpoint on the loopback interface only: AWS JSON 1.1 on {@code POST /}, and
 * the runtime's own small API under {@code /_ecsl/} ({@link InternalEndpoints}).
 */
public final class HttpApiServer implements AutoCloseable {
  private final HttpServer server;

  private HttpApiServer(HttpServer server) {
    this.server = server;
  }

  /** Binds 127.0.0.1:{@code port} (0 picks a free port) and starts serving. */
  public static HttpApiServer start(int port, AwsJsonDispatcher dispatcher, InternalEndpoints internal)
      throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 128);
    server.setExecutor(Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("ecsl-http-", 0).factory()));
    server.createContext("/", exchange -> {
      try (exchange) {
        if (exchange.getRequestURI().getPath().startsWith(InternalEndpoints.PREFIX)) {
          internal.handle(exchange);
        } else {
          handleAws(exchange, dispatcher);
        }
      }
    });
    server.start();
    return new HttpApiServer(server);
  }

  private static void handleAws(HttpExchange exchange, AwsJsonDispatcher dispatcher) throws IOException {
    if (!"POST".equals(exchange.getRequestMethod())) {
      byte[] text = ("The ecsl runtime speaks the ECS API (AWS JSON 1.1): POST / with an X-Amz-Target header."
          + " Point the AWS CLI or SDK at this endpoint (--endpoint-url).\n").getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
      exchange.sendResponseHeaders(405, text.length);
      exchange.getResponseBody().write(text);
      return;
    }
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    AwsJsonDispatcher.Response response = dispatcher.handle(
        exchange.getRequestHeaders().getFirst("X-Amz-Target"), body,
        exchange.getRequestHeaders().getFirst("Authorization"));
    byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
    exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
    if (response.errorType() != null) {
      exchange.getResponseHeaders().set("x-amzn-ErrorType", response.errorType());
    }
    exchange.sendResponseHeaders(response.status(), bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
