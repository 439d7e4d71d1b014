package io.ecsl.runtime.api;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.ecsl.runtime.api.auth.Authenticator;
import io.ecsl.runtime.api.auth.LoopbackGuard;
import io.ecsl.runtime.sigv4.SigV4;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import io.ecsl.runtime.api.query.QueryDispatcher;
import io.ecsl.runtime.api.scheduler.SchedulerApi;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The runtime's HTTP endpoint on the loopback interface only: AWS JSON 1.1 on {@code POST /}, and
 * the AWS Query protocol (form-encoded {@code POST /}, ELBv2) and the runtime's own small API under
 * {@code /_ecsl/} ({@link InternalEndpoints}).
 *
 * <p>Every request passes the same gate before anything reads it as JSON: a {@code Host} naming
 * this endpoint and no browser headers ({@link LoopbackGuard}), a body within
 * {@link RequestLimits}, and a valid AWS Signature Version 4 made with the runtime's key
 * ({@link Authenticator}). A refusal is an AWS error document, and every request gets an answer.
 */
public final class HttpApiServer implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(HttpApiServer.class.getName());

  private final HttpServer server;

  private HttpApiServer(HttpServer server) {
    this.server = server;
  }

  /** Binds 127.0.0.1:{@code port} (0 picks a free port) and starts serving. */
  public static HttpApiServer start(int port, AwsJsonDispatcher dispatcher, InternalEndpoints internal,
      Authenticator authenticator, RequestLimits limits) throws IOException {
    return start(port, dispatcher, new QueryDispatcher(List.of()), internal, authenticator, limits);
  }

  /** Also serves the Query-protocol APIs of {@code query} (form-encoded POST /, no X-Amz-Target). */
  public static HttpApiServer start(int port, AwsJsonDispatcher dispatcher, QueryDispatcher query,
      InternalEndpoints internal, Authenticator authenticator, RequestLimits limits) throws IOException {
    return start(port, dispatcher, query, null, internal, authenticator, limits);
  }

  /**
   * Also serves EventBridge Scheduler, a REST-JSON API (its paths, no X-Amz-Target), when
   * {@code scheduler} is not null.
   */
  public static HttpApiServer start(int port, AwsJsonDispatcher dispatcher, QueryDispatcher query,
      SchedulerApi scheduler, InternalEndpoints internal, Authenticator authenticator, RequestLimits limits)
      throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 128);
    server.setExecutor(Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("ecsl-http-", 0).factory()));
    Gate gate = new Gate(new LoopbackGuard(server.getAddress().getPort()), authenticator, limits, dispatcher,
        query, scheduler, internal);
    server.createContext("/", exchange -> {
      try (exchange) {
        gate.serve(exchange);
      } catch (Throwable t) {
        LOG.log(Level.SEVERE, "request " + exchange.getRequestMethod() + " " + exchange.getRequestURI()
            + " failed", t);
        answerQuietly(exchange, new ApiException("ServerException", "Internal error in the ecsl runtime: " + t
            + ". See the runtime log (ecsl runtime logs).", 500));
        if (t instanceof VirtualMachineError error) {
          throw error; // answered; the JVM itself is in trouble (the runtime exits on OutOfMemoryError)
        }
      }
    });
    server.start();
    return new HttpApiServer(server);
  }

  /** The checks and the routing, in order. */
  private record Gate(LoopbackGuard guard, Authenticator authenticator, RequestLimits limits,
      AwsJsonDispatcher dispatcher, QueryDispatcher query, SchedulerApi scheduler, InternalEndpoints internal) {

    void serve(HttpExchange exchange) throws IOException {
      Map<String, List<String>> headers = lowercase(exchange);
      String target = first(headers, "x-amz-target");
      String contentType = first(headers, "content-type");
      // The Query protocol (ELBv2): a form-encoded POST with no X-Amz-Target; answered in XML.
      boolean queryProtocol = target == null && "POST".equals(exchange.getRequestMethod()) && contentType != null
          && contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")
          && !query.signingNames().isEmpty();
      String rawPath = exchange.getRequestURI().getRawPath();
      // Smithy RPC v2 CBOR (CloudWatch for the SDKs): POST /service/S/operation/O, no X-Amz-Target;
      // only for a service that speaks it (the others' timestamps would go out untagged).
      String cborTarget = target == null && !queryProtocol
          && RpcV2Cbor.owns(headers, exchange.getRequestMethod(), rawPath) ? RpcV2Cbor.target(rawPath) : null;
      boolean cbor = cborTarget != null && dispatcher.speaksCbor(cborTarget);
      boolean rest = target == null && !queryProtocol && !cbor && scheduler != null && SchedulerApi.owns(rawPath);
      try {
        guard.check(headers);
      } catch (ApiException e) {
        sendError(exchange, queryProtocol, cbor, e);
        return;
      }
      try (RequestLimits.Body body = limits.read(exchange)) {
        String path = exchange.getRequestURI().getRawPath();
        boolean own = path.startsWith(InternalEndpoints.PREFIX);
        Set<String> signingNames = new LinkedHashSet<>();
        if (own) {
          signingNames.addAll(dispatcher.signingNames());
          signingNames.addAll(query.signingNames());
        } else if (queryProtocol) {
          signingNames.addAll(query.signingNames());
        } else if (cbor) {
          signingNames.addAll(dispatcher.signingNamesFor(cborTarget));
        } else if (rest) {
          signingNames.add(SchedulerApi.signingName());
        } else {
          signingNames.addAll(dispatcher.signingNamesFor(target));
        }
        Authenticator.Signed signed = authenticator.authenticate(new SigV4.Request(exchange.getRequestMethod(),
            path, exchange.getRequestURI().getRawQuery(), headers, body.bytes()), signingNames);
        RequestContext context = new RequestContext(signed.region());
        if (queryProtocol) {
          sendXml(exchange, query.handle(QueryDispatcher.parameters(body.bytes()), context));
        } else if (cbor) {
          AwsJsonDispatcher.Response answer = dispatcher.handle(cborTarget, RpcV2Cbor.requestJson(body.bytes()), context);
          queryError(exchange, dispatcher.queryErrorCode(cborTarget, answer.errorType()), answer.status());
          sendCbor(exchange, answer.status(), RpcV2Cbor.responseCbor(answer.body(),
              dispatcher.timestampMembers(cborTarget)), answer.errorType());
        } else if (rest) {
          SchedulerApi.Response answer = scheduler.handle(exchange.getRequestMethod(), rawPath,
              exchange.getRequestURI().getRawQuery(), body.bytes(), context);
          sendRestJson(exchange, answer);
        } else if (own) {
          internal.handle(exchange, body.bytes(), context);
        } else if (!"POST".equals(exchange.getRequestMethod())) {
          byte[] text = ("The ecsl runtime speaks the ECS API (AWS JSON 1.1): POST / with an X-Amz-Target header."
              + " Point the AWS CLI or SDK at this endpoint (--endpoint-url).\n").getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
          exchange.sendResponseHeaders(405, text.length);
          exchange.getResponseBody().write(text);
        } else {
          AwsJsonDispatcher.Response answer = dispatcher.handle(target, body.bytes(), context);
          queryError(exchange, dispatcher.queryErrorCode(target, answer.errorType()), answer.status());
          send(exchange, answer, contentType);
        }
      } catch (ApiException e) {
        sendError(exchange, queryProtocol, cbor, e);
      }
    }

    private void sendError(HttpExchange exchange, boolean queryProtocol, boolean cbor, ApiException e)
        throws IOException {
      if (queryProtocol) {
        sendXml(exchange, query.error(e));
      } else if (cbor) {
        AwsJsonDispatcher.Response answer = AwsJsonDispatcher.error(null, e);
        sendCbor(exchange, answer.status(), RpcV2Cbor.responseCbor(answer.body(), java.util.Set.of()),
            answer.errorType());
      } else {
        send(exchange, AwsJsonDispatcher.error(null, e));
      }
    }
  }

  /** {@code x-amzn-query-error: CODE;Sender}, how a Query-compatible service names an error for Query clients. */
  private static void queryError(HttpExchange exchange, String code, int status) {
    if (code != null) {
      exchange.getResponseHeaders().set("x-amzn-query-error", code + (status >= 500 ? ";Receiver" : ";Sender"));
    }
  }

  static void sendCbor(HttpExchange exchange, int status, byte[] bytes, String errorType) throws IOException {
    exchange.getResponseHeaders().set(RpcV2Cbor.HEADER, "rpc-v2-cbor");
    sendBytes(exchange, RpcV2Cbor.CONTENT_TYPE, status, bytes, errorType);
  }

  static void sendXml(HttpExchange exchange, QueryDispatcher.Response response) throws IOException {
    byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/xml");
    exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
    exchange.sendResponseHeaders(response.status(), bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static Map<String, List<String>> lowercase(HttpExchange exchange) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    exchange.getRequestHeaders().forEach((name, values) ->
        headers.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).addAll(values));
    return headers;
  }

  private static String first(Map<String, List<String>> headers, String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** A REST-JSON answer: plain JSON, the error type in {@code x-amzn-ErrorType} as the SDKs read it. */
  static void sendRestJson(HttpExchange exchange, SchedulerApi.Response response) throws IOException {
    sendJson(exchange, "application/json", response.status(), response.body(), response.errorType());
  }

  static void send(HttpExchange exchange, AwsJsonDispatcher.Response response) throws IOException {
    sendJson(exchange, "application/x-amz-json-1.1", response.status(), response.body(), response.errorType());
  }

  /** Answers in the AWS JSON version the request was sent in (CloudWatch's clients send 1.0, the others 1.1). */
  static void send(HttpExchange exchange, AwsJsonDispatcher.Response response, String requestContentType)
      throws IOException {
    String type = requestContentType != null && requestContentType.startsWith("application/x-amz-json-1.0")
        ? "application/x-amz-json-1.0" : "application/x-amz-json-1.1";
    sendJson(exchange, type, response.status(), response.body(), response.errorType());
  }

  private static void sendJson(HttpExchange exchange, String contentType, int status, String body, String errorType)
      throws IOException {
    sendBytes(exchange, contentType, status, body.getBytes(StandardCharsets.UTF_8), errorType);
  }

  /** A response with a request id, and the error type header the SDKs read when it is an error. */
  private static void sendBytes(HttpExchange exchange, String contentType, int status, byte[] bytes, String errorType)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
    if (errorType != null) {
      exchange.getResponseHeaders().set("x-amzn-ErrorType", errorType);
    }
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** Answers with an error unless a response has already started (then the connection just ends). */
  private static void answerQuietly(HttpExchange exchange, ApiException e) {
    if (exchange.getResponseCode() != -1) {
      return;
    }
    try {
      send(exchange, AwsJsonDispatcher.error(null, e));
    } catch (IOException | RuntimeException ignored) {
      // the client is gone
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
