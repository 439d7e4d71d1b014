package io.ecsl.runtime.loadbalancing;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * An Application Load Balancer listener: an HTTP/1.1 reverse proxy on 127.0.0.1 (the JDK's
 * {@link HttpServer}, which keeps client connections alive, and its {@link HttpClient}, which
 * pools connections to targets). Rules in priority order pick an action; forward picks a target
 * group by weight and a target by the group's algorithm. Responses where ALB answers itself: 503
 * when no target can take the request, 502 when the target refuses or breaks the connection, 504
 * when it does not connect within 10 s or answer within the idle timeout (§2.5).
 */
final class HttpListenerProxy implements ListenerProxy {
  private static final Logger LOG = Logger.getLogger(HttpListenerProxy.class.getName());
  /** Headers that belong to one connection (RFC 9110 §7.6.1) or that the JDK client sets itself. */
  private static final Set<String> NOT_FORWARDED = Set.of("connection", "keep-alive", "proxy-connection", "te",
      "trailer", "transfer-encoding", "upgrade", "host", "content-length", "expect", "proxy-authorization");
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

  private final String listenerArn;
  private final String configuration;
  private final HttpServer server;
  private final Supplier<Routing> routing;
  private final Traffic traffic;
  private final HttpClient client;

  HttpListenerProxy(String listenerArn, String configuration, int port, Supplier<Routing> routing, Traffic traffic,
      HttpClient client) throws IOException {
    this.listenerArn = listenerArn;
    this.configuration = configuration;
    this.routing = routing;
    this.traffic = traffic;
    this.client = client;
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 256);
    server.setExecutor(Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("ecsl-alb-", 0).factory()));
    server.createContext("/", exchange -> {
      try (exchange) {
        serve(exchange);
      } catch (IOException e) {
        // the client went away
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "load balancer request failed", e);
        answer(exchange, 500, "500 Internal Server Error");
      }
    });
    server.start();
  }

  static HttpClient newClient() {
    return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(CONNECT_TIMEOUT)
        .followRedirects(HttpClient.Redirect.NEVER)
        .executor(Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("ecsl-alb-client-", 0).factory()))
        .build();
  }

  @Override
  public int localPort() {
    return server.getAddress().getPort();
  }

  @Override
  public String configuration() {
    return configuration;
  }

  private void serve(HttpExchange exchange) throws IOException {
    Routing table = routing.get();
    Routing.ListenerRoute listener = table.listeners().get(listenerArn);
    if (listener == null) {
      answer(exchange, 503, "503 Service Temporarily Unavailable");
      return;
    }
    RuleMatcher.Request request = describe(exchange);
    for (Routing.Rule rule : listener.rules()) {
      if (RuleMatcher.matches(rule.conditions(), request)) {
        act(exchange, table, listener, rule, request);
        return;
      }
    }
    answer(exchange, 503, "503 Service Temporarily Unavailable");
  }

  private void act(HttpExchange exchange, Routing table, Routing.ListenerRoute listener, Routing.Rule rule,
      RuleMatcher.Request request) throws IOException {
    JsonNode action = null;
    for (JsonNode candidate : rule.actions()) {
      action = candidate; // the terminal action is the last one (authentication actions come first)
    }
    String type = action.path("Type").asText();
    switch (type) {
      case "fixed-response" -> fixed(exchange, action.path("FixedResponseConfig"));
      case "redirect" -> redirect(exchange, listener, action.path("RedirectConfig"), request);
      default -> forward(exchange, table, listener, rule, action.path("ForwardConfig").path("TargetGroups"));
    }
  }

  private void forward(HttpExchange exchange, Routing table, Routing.ListenerRoute listener, Routing.Rule rule,
      JsonNode groups) throws IOException {
    int[] weights = new int[groups.size()];
    for (int i = 0; i < weights.length; i++) {
      weights[i] = groups.get(i).path("Weight").asInt(1);
    }
    int index = TargetSelector.weightedGroup(weights, traffic.next("weights|" + rule.arn()));
    if (index < 0) {
      answer(exchange, 503, "503 Service Temporarily Unavailable");
      return;
    }
    Routing.GroupRoute group = table.groups().get(groups.get(index).path("TargetGroupArn").asText());
    TargetSelector.Candidate target = group == null ? null : TargetSelector.choose(group.targets(), group.algorithm(),
        traffic.next("rr|" + group.arn()), traffic::inFlight);
    if (target == null) {
      answer(exchange, 503, "503 Service Temporarily Unavailable");
      return;
    }
    traffic.started(group.arn(), target.key());
    try {
      proxy(exchange, listener, target);
    } finally {
      traffic.finished(target.key());
    }
  }

  private void proxy(HttpExchange exchange, Routing.ListenerRoute listener, TargetSelector.Candidate target)
      throws IOException {
    URI uri = URI.create("http://" + target.host() + ":" + target.port() + exchange.getRequestURI().getRawPath()
        + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery()));
    HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
        .timeout(Duration.ofSeconds(listener.idleTimeoutSeconds()));
    Headers in = exchange.getRequestHeaders();
    in.forEach((name, values) -> {
      if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT)) && !name.equalsIgnoreCase("x-forwarded-for")) {
        values.forEach(value -> builder.header(name, value));
      }
    });
    String clientAddress = exchange.getRemoteAddress().getAddress().getHostAddress();
    String forwardedFor = in.getFirst("X-Forwarded-For");
    builder.header("X-Forwarded-For", forwardedFor == null ? clientAddress : forwardedFor + ", " + clientAddress);
    builder.header("X-Forwarded-Proto", listener.protocol().toLowerCase(Locale.ROOT));
    builder.header("X-Forwarded-Port", String.valueOf(listener.port()));
    if (in.getFirst("Host") != null) {
      builder.header("X-Forwarded-Host", in.getFirst("Host"));
    }
    String length = in.getFirst("Content-Length");
    boolean chunked = "chunked".equalsIgnoreCase(in.getFirst("Transfer-Encoding"));
    InputStream body = exchange.getRequestBody();
    HttpRequest.BodyPublisher publisher;
    if (length != null && Long.parseLong(length.trim()) > 0) {
      publisher = HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> body),
          Long.parseLong(length.trim()));
    } else if (chunked) {
      publisher = HttpRequest.BodyPublishers.ofInputStream(() -> body);
    } else {
      publisher = HttpRequest.BodyPublishers.noBody();
    }
    builder.method(exchange.getRequestMethod(), publisher);
    HttpResponse<InputStream> response;
    try {
      response = client.send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
    } catch (HttpTimeoutException e) {
      // no connection within 10 s (HttpConnectTimeoutException), or no answer within the idle timeout
      answer(exchange, 504, "504 Gateway Time-out");
      return;
    } catch (IOException e) {
      // refused (ConnectException), reset, or a malformed answer
      answer(exchange, 502, "502 Bad Gateway");
      return;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      answer(exchange, 502, "502 Bad Gateway");
      return;
    }
    Headers out = exchange.getResponseHeaders();
    response.headers().map().forEach((name, values) -> {
      String lower = name.toLowerCase(Locale.ROOT);
      if (!NOT_FORWARDED.contains(lower) && !lower.equals(":status")) {
        out.put(name, new ArrayList<>(values));
      }
    });
    long contentLength = response.headers().firstValueAsLong("content-length").orElse(-2);
    int status = response.statusCode();
    boolean noBody = exchange.getRequestMethod().equals("HEAD") || status == 204 || status == 304
        || (status >= 100 && status < 200);
    try (InputStream upstream = response.body()) {
      if (noBody || contentLength == 0) {
        exchange.sendResponseHeaders(status, -1);
        upstream.transferTo(OutputStream.nullOutputStream());
        return;
      }
      exchange.sendResponseHeaders(status, contentLength > 0 ? contentLength : 0);
      try (OutputStream sink = exchange.getResponseBody()) {
        upstream.transferTo(sink);
      }
    }
  }

  private static void fixed(HttpExchange exchange, JsonNode config) throws IOException {
    byte[] body = config.path("MessageBody").asText("").getBytes(StandardCharsets.UTF_8);
    if (config.has("ContentType")) {
      exchange.getResponseHeaders().set("Content-Type", config.path("ContentType").asText());
    }
    send(exchange, Integer.parseInt(config.path("StatusCode").asText("200")), body);
  }

  private static void redirect(HttpExchange exchange, Routing.ListenerRoute listener, JsonNode config,
      RuleMatcher.Request request) throws IOException {
    String host = request.host() == null ? "127.0.0.1" : request.host().replaceFirst(":\\d+$", "");
    String path = request.path().startsWith("/") ? request.path().substring(1) : request.path();
    String query = exchange.getRequestURI().getRawQuery() == null ? "" : exchange.getRequestURI().getRawQuery();
    Map<String, String> values = Map.of("#{protocol}", listener.protocol().toLowerCase(Locale.ROOT),
        "#{host}", host, "#{port}", String.valueOf(listener.port()), "#{path}", path, "#{query}", query);
    String protocol = expand(config.path("Protocol").asText("#{protocol}"), values).toLowerCase(Locale.ROOT);
    String location = protocol + "://" + expand(config.path("Host").asText("#{host}"), values) + ":"
        + expand(config.path("Port").asText("#{port}"), values) + expand(config.path("Path").asText("/#{path}"), values);
    String q = expand(config.path("Query").asText("#{query}"), values);
    if (!q.isEmpty()) {
      location += "?" + q;
    }
    exchange.getResponseHeaders().set("Location", location);
    send(exchange, config.path("StatusCode").asText().equals("HTTP_301") ? 301 : 302, new byte[0]);
  }

  private static String expand(String template, Map<String, String> values) {
    String out = template;
    for (Map.Entry<String, String> entry : values.entrySet()) {
      out = out.replace(entry.getKey(), entry.getValue());
    }
    return out;
  }

  /** An answer from the load balancer itself, in ALB's words ({@code Server: awselb/2.0}). */
  static void answer(HttpExchange exchange, int status, String title) {
    if (exchange.getResponseCode() != -1) {
      return;
    }
    String html = "<html>\r\n<head><title>" + title + "</title></head>\r\n<body>\r\n<center><h1>" + title
        + "</h1></center>\r\n</body>\r\n</html>\r\n";
    exchange.getResponseHeaders().set("Server", "awselb/2.0");
    exchange.getResponseHeaders().set("Content-Type", "text/html");
    try {
      send(exchange, status, html.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      // the client is gone
    }
  }

  private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  private static RuleMatcher.Request describe(HttpExchange exchange) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    exchange.getRequestHeaders().forEach((name, values) ->
        headers.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).addAll(values));
    Map<String, List<String>> query = new LinkedHashMap<>();
    String raw = exchange.getRequestURI().getRawQuery();
    if (raw != null) {
      for (String pair : raw.split("&")) {
        int eq = pair.indexOf('=');
        String key = decode(eq < 0 ? pair : pair.substring(0, eq));
        query.computeIfAbsent(key, k -> new ArrayList<>()).add(eq < 0 ? "" : decode(pair.substring(eq + 1)));
      }
    }
    return new RuleMatcher.Request(exchange.getRequestMethod(), exchange.getRequestHeaders().getFirst("Host"),
        exchange.getRequestURI().getPath(), headers, query);
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return text;
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
