package io.ecsl.runtime.loadbalancing;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/** One health check against a target, as ELB makes it: HTTP GET of the path (status against the matcher) or a TCP connect. */
final class HealthChecker {
  private final HttpClient client;

  HealthChecker(HttpClient client) {
    this.client = client;
  }

  /** What the check needs: where, how, and within how long. */
  record Probe(String protocol, String host, int port, String path, String matcher, Duration timeout) {}

  TargetHealth.Check check(Probe probe) {
    if ("TCP".equals(probe.protocol())) {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(probe.host(), probe.port()), (int) probe.timeout().toMillis());
        return TargetHealth.Check.PASSED;
      } catch (java.net.SocketTimeoutException e) {
        return TargetHealth.Check.timedOut();
      } catch (IOException e) {
        return TargetHealth.Check.failed("connection refused");
      }
    }
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + probe.host() + ":" + probe.port() + probe.path()))
        .timeout(probe.timeout()).header("User-Agent", "ELB-HealthChecker/2.0").GET().build();
    try {
      HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
      return HttpCodeMatcher.matches(probe.matcher(), response.statusCode()) ? TargetHealth.Check.PASSED
          : TargetHealth.Check.codeMismatch(response.statusCode());
    } catch (HttpTimeoutException e) {
      return TargetHealth.Check.timedOut();
    } catch (ConnectException e) {
      return TargetHealth.Check.failed("connection refused");
    } catch (IOException e) {
      return TargetHealth.Check.failed(e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return TargetHealth.Check.failed("interrupted");
    }
  }
}
