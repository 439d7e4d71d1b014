package io.ecsl.runtime.api;

import io.ecsl.runtime.sigv4.SigV4Signer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Raw HTTP requests to a runtime, signed (or not, or wrongly) as a test needs, to see the exact answer. */
public final class RawHttp {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private RawHttp() {}

  /** An AWS JSON 1.1 call, signed by {@code signer} (null: unsigned). */
  public static HttpResponse<String> post(URI endpoint, SigV4Signer signer, String target, byte[] body) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/x-amz-json-1.1");
    headers.put("X-Amz-Target", target);
    return send(endpoint, signer, "POST", "/", null, headers, body, Instant.now());
  }

  /** Any request, signed now. */
  public static HttpResponse<String> send(URI endpoint, SigV4Signer signer, String method, String path,
      String rawQuery, Map<String, String> headers, byte[] body) {
    return send(endpoint, signer, method, path, rawQuery, headers, body, Instant.now());
  }

  /** Any request; {@code headers} are sent (and signed, when there is a signer) as given. */
  public static HttpResponse<String> send(URI endpoint, SigV4Signer signer, String method, String path, String rawQuery,
      Map<String, String> headers, byte[] body, Instant signedAt) {
    URI uri = endpoint.resolve(path + (rawQuery == null ? "" : "?" + rawQuery));
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
        .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach(request::header);
    if (signer != null) {
      signer.sign(method, uri.getRawPath(), rawQuery, endpoint.getHost() + ":" + endpoint.getPort(), headers, body,
          signedAt).forEach(request::header);
    }
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new AssertionError("the runtime at " + endpoint + " did not answer: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** Signs with the runtime's own key in us-east-1, as its real clients do. */
  public static SigV4Signer signer(io.ecsl.runtime.TestRuntimes runtime) {
    return signer(runtime, "us-east-1");
  }

  public static SigV4Signer signer(io.ecsl.runtime.TestRuntimes runtime, String region) {
    return new SigV4Signer(runtime.credentials().accessKeyId(), runtime.credentials().secretAccessKey(), region,
        "ecs");
  }
}
