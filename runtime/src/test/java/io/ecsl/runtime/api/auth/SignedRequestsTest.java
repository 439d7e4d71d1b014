package io.ecsl.runtime.api.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.runtime.TestRuntimes;
import io.ecsl.runtime.api.RawHttp;
import io.ecsl.runtime.json.Json;
import io.ecsl.runtime.sigv4.SigV4Signer;
import io.ecsl.testing.AwsCli;
import io.ecsl.testing.NeedsAwsCli;
import io.ecsl.testing.Processes;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The runtime's endpoint as an attacker and the real clients see it: unsigned, wrongly signed,
 * foreign-Host and browser requests are refused with AWS errors and change nothing; the aws CLI
 * (v1), curl's {@code --aws-sigv4} and the runtime's own client, all signing with the key
 * {@code ecsl runtime env} prints, are served.
 */
class SignedRequestsTest {
  private static final String ECS = "AmazonEC2ContainerServiceV20141113.";
  private TestRuntimes runtime;

  @BeforeEach
  void start() {
    runtime = TestRuntimes.inMemory();
  }

  @AfterEach
  void stop() {
    runtime.close();
  }

  @Test
  void unsignedAndWronglySignedCallsAreRefusedAndChangeNothing() {
    byte[] create = "{\"clusterName\":\"intruder\"}".getBytes(StandardCharsets.UTF_8);
    var unsigned = RawHttp.post(endpoint(), null, ECS + "CreateCluster", create);
    assertEquals(403, unsigned.statusCode());
    assertEquals("MissingAuthenticationTokenException", unsigned.headers().firstValue("x-amzn-ErrorType").orElseThrow());

    var otherKey = RawHttp.post(endpoint(),
        new SigV4Signer("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "us-east-1", "ecs"),
        ECS + "CreateCluster", create);
    assertEquals(403, otherKey.statusCode());
    assertEquals("UnrecognizedClientException", Json.parse(otherKey.body()).get("__type").asText());

    var wrongSecret = RawHttp.post(endpoint(),
        new SigV4Signer(runtime.credentials().accessKeyId(), "guessed", "us-east-1", "ecs"), ECS + "CreateCluster",
        create);
    assertEquals(403, wrongSecret.statusCode());
    assertEquals("InvalidSignatureException", Json.parse(wrongSecret.body()).get("__type").asText());
    assertTrue(wrongSecret.headers().firstValue("Date").isPresent(), "a Date header lets SDKs correct clock skew");

    assertEquals(0, runtime.client().ecs("ListClusters", Json.object()).get("clusterArns").size(),
        "no refused call created anything");
  }

  @Test
  void theRuntimesOwnEndpointsNeedSignaturesToo() throws IOException {
    for (String[] call : List.of(new String[] {"GET", "/_ecsl/health"}, new String[] {"POST", "/_ecsl/shutdown"},
        new String[] {"GET", "/_ecsl/secrets"}, new String[] {"POST", "/_ecsl/secrets"},
        new String[] {"GET", "/_ecsl/logs"}, new String[] {"POST", "/_ecsl/project-roots"},
        new String[] {"GET", "/_ecsl/schedules"}, new String[] {"POST", "/_ecsl/schedules/fire"},
        new String[] {"GET", "/_ecsl/stats"})) {
      String response = raw(call[0] + " " + call[1] + " HTTP/1.1\r\nHost: 127.0.0.1:" + port()
          + "\r\nContent-Type: text/plain\r\nContent-Length: 31\r\nConnection: close\r\n\r\n"
          + "{\"name\":\"db\",\"value\":\"stolen\"}\n");
      assertTrue(response.startsWith("HTTP/1.1 403"), call[1] + ": " + response);
      assertTrue(response.contains("MissingAuthenticationTokenException"), response);
    }
    assertEquals("ok", runtime.client().health().get("status").asText(), "the unsigned shutdown did not stop it");
    assertTrue(runtime.server().controlPlane().state().store().secretNames().isEmpty(), "no secret was stored");
  }

  @Test
  void aForeignHostIsRefusedEvenWhenSigned() throws IOException {
    String response = raw("GET /_ecsl/health HTTP/1.1\r\nHost: attacker.example:" + port()
        + "\r\nConnection: close\r\n\r\n");
    assertTrue(response.startsWith("HTTP/1.1 403"), response);
    assertTrue(response.contains("AccessDeniedException") && response.contains("attacker.example"), response);

    Map<String, String> signed = new SigV4Signer(runtime.credentials().accessKeyId(),
        runtime.credentials().secretAccessKey(), "us-east-1", "ecs")
        .sign("GET", "/_ecsl/health", null, "rebound.example:" + port(), Map.of(), new byte[0], java.time.Instant.now());
    String rebound = raw("GET /_ecsl/health HTTP/1.1\r\nHost: rebound.example:" + port() + "\r\nX-Amz-Date: "
        + signed.get("X-Amz-Date") + "\r\nAuthorization: " + signed.get("Authorization")
        + "\r\nConnection: close\r\n\r\n");
    assertTrue(rebound.startsWith("HTTP/1.1 403"), rebound);

    String loopback = raw("GET /_ecsl/health HTTP/1.1\r\nHost: localhost:" + port() + "\r\nConnection: close\r\n\r\n");
    assertTrue(loopback.contains("MissingAuthenticationTokenException"), "localhost passes the Host check: " + loopback);
  }

  @Test
  void aBrowserRequestIsRefusedWhateverItCarries() {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "text/plain");
    headers.put("Origin", "https://attacker.example");
    var shutdown = RawHttp.send(endpoint(), RawHttp.signer(runtime),
        "POST", "/_ecsl/shutdown", null, headers, new byte[0]);
    assertEquals(403, shutdown.statusCode());
    assertTrue(shutdown.body().contains("Origin: https://attacker.example"), shutdown.body());

    Map<String, String> fetch = new LinkedHashMap<>();
    fetch.put("Sec-Fetch-Site", "cross-site");
    var health = RawHttp.send(endpoint(), RawHttp.signer(runtime),
        "GET", "/_ecsl/health", null, fetch, new byte[0]);
    assertEquals(403, health.statusCode());
    assertEquals("ok", runtime.client().health().get("status").asText());
  }

  @Test
  @NeedsAwsCli
  void theAwsCliSignsWithTheKeyRuntimeEnvPrintsAndAWrongSecretFails() throws IOException, InterruptedException {
    AwsCli.json(runtime.awsEnvironment(), "ecs", "create-cluster", "--cluster-name", "from-cli");
    JsonNode clusters = AwsCli.json(runtime.awsEnvironment(), "ecs", "list-clusters");
    assertEquals("arn:aws:ecs:us-east-1:000000000000:cluster/from-cli", clusters.at("/clusterArns/0").asText());

    Map<String, String> wrong = new LinkedHashMap<>(runtime.awsEnvironment());
    wrong.put("AWS_SECRET_ACCESS_KEY", "not-the-secret");
    Processes.Result failed = AwsCli.run(wrong, "ecs", "list-clusters");
    assertNotEquals(0, failed.exitCode());
    assertTrue(failed.stderr().contains("InvalidSignatureException"), failed.stderr());
  }

  @Test
  void curlsAwsSigV4IsServed() throws Exception {
    var credentials = runtime.credentials();
    List<String> listClusters = curl("-X", "POST", "--aws-sigv4", "aws:amz:us-east-1:ecs",
        "--user", credentials.accessKeyId() + ":" + credentials.secretAccessKey(),
        "-H", "X-Amz-Target: " + ECS + "ListClusters", "-H", "Content-Type: application/x-amz-json-1.1",
        "--data", "{}", endpoint() + "/");
    assertEquals("200", listClusters.get(0), listClusters.toString());
    assertTrue(listClusters.get(1).contains("clusterArns"), listClusters.toString());

    List<String> health = curl("--aws-sigv4", "aws:amz:us-east-1:ecs",
        "--user", credentials.accessKeyId() + ":" + credentials.secretAccessKey(), endpoint() + "/_ecsl/health");
    assertEquals("200", health.get(0), health.toString());

    List<String> wrong = curl("--aws-sigv4", "aws:amz:us-east-1:ecs", "--user", credentials.accessKeyId() + ":nope",
        endpoint() + "/_ecsl/health");
    assertEquals("403", wrong.get(0), wrong.toString());
  }

  /** Runs curl; returns the status code and the body. */
  private static List<String> curl(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("curl", "-s", "-w", "\n%{http_code}"));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    process.waitFor();
    int newline = out.lastIndexOf('\n');
    return List.of(out.substring(newline + 1).trim(), out.substring(0, Math.max(0, newline)));
  }

  /** Sends {@code request} as written (a Host no HTTP client lets a caller set) and reads the whole answer. */
  private String raw(String request) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.UTF_8));
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private URI endpoint() {
    return runtime.server().endpoint();
  }

  private int port() {
    return endpoint().getPort();
  }
}
