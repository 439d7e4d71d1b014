package io.ecsl.runtime.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.runtime.TestRuntimes;
import io.ecsl.runtime.json.Json;
import io.ecsl.runtime.sigv4.SigV4Signer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What an attacker's or a clumsy client's input does to the runtime: oversized bodies, task
 * definitions past ECS's 64 KiB, numbers out of range, trailing bytes, invalid UTF-8, deep nesting
 * and malformed requests to its own endpoints are all refused with 400-class AWS errors, change
 * nothing, and leave the control loop launching tasks.
 */
class BoundedInputTest {
  private static final String ECS = "AmazonEC2ContainerServiceV20141113.";
  private TestRuntimes runtime;
  private SigV4Signer signer;

  @BeforeEach
  void start() {
    runtime = TestRuntimes.inMemory();
    signer = RawHttp.signer(runtime);
    runtime.client().ecs("CreateCluster", Json.parse("{\"clusterName\":\"bounded\"}"));
  }

  @AfterEach
  void stop() {
    runtime.close();
  }

  @Test
  void aHundredMegabyteBodyIsRefusedAndAScaleUpAfterItStillLaunches() throws Exception {
    var client = runtime.client();
    client.ecs("RegisterTaskDefinition", Json.parse("{\"family\":\"web\",\"memory\":\"64\",\"containerDefinitions\":"
        + "[{\"name\":\"app\",\"image\":\"ecsl/busybox:latest\",\"command\":[\"sh\",\"-c\",\"sleep 3600 & wait\"]}]}"));
    client.ecs("CreateService", Json.parse("{\"cluster\":\"bounded\",\"serviceName\":\"web\",\"taskDefinition\":\"web\","
        + "\"desiredCount\":1}"));
    awaitRunning(1);

    // Declared: refused from the header, before a byte of the body is read.
    String declared = rawPost(ECS + "RegisterTaskDefinition", 100L * 1024 * 1024, false);
    assertTrue(declared.startsWith("HTTP/1.1 413"), declared);
    assertTrue(declared.contains("RequestEntityTooLargeException"), declared);
    // Streamed without a length: read up to the limit, then refused.
    String streamed = rawPost(ECS + "RegisterTaskDefinition", 100L * 1024 * 1024, true);
    assertTrue(streamed.startsWith("HTTP/1.1 413"), streamed);

    client.ecs("UpdateService", Json.parse("{\"cluster\":\"bounded\",\"service\":\"web\",\"desiredCount\":3}"));
    awaitRunning(3);
    assertEquals(Boolean.TRUE, client.health().at("/controlLoop/healthy").booleanValue());
  }

  @Test
  void aTaskDefinitionPastSixtyFourKibibytesIsRefused() {
    HttpResponse<String> tenMegabytes = post(ECS + "RegisterTaskDefinition", definitionWithEnvironment(10 * 1024 * 1024));
    assertEquals(413, tenMegabytes.statusCode());
    HttpResponse<String> overEcsLimit = post(ECS + "RegisterTaskDefinition", definitionWithEnvironment(70 * 1024));
    assertEquals(400, overEcsLimit.statusCode());
    assertEquals("ClientException", type(overEcsLimit));
    assertTrue(message(overEcsLimit).contains("ECS accepts at most 65536 (64 KiB)"), overEcsLimit.body());
    assertEquals(200, post(ECS + "RegisterTaskDefinition", definitionWithEnvironment(60 * 1024)).statusCode());
    assertEquals(1, runtime.client().ecs("ListTaskDefinitions", Json.object()).get("taskDefinitionArns").size());
  }

  @Test
  void numbersOutOfRangeAreSerializationErrorsNotServerFaults() {
    HttpResponse<String> containerMemory = post(ECS + "RegisterTaskDefinition", "{\"family\":\"big\",\"containerDefinitions\":"
        + "[{\"name\":\"app\",\"image\":\"x\",\"memory\":9223372036854775808}]}");
    assertEquals(400, containerMemory.statusCode());
    assertEquals("SerializationException", type(containerMemory));
    assertTrue(message(containerMemory).contains("containerDefinitions[0].memory: 9223372036854775808 is out of range"
        + " for an Integer"), containerMemory.body());
    HttpResponse<String> cpu = post(ECS + "RegisterTaskDefinition", "{\"family\":\"big\",\"cpu\":\"9223372036854775808\","
        + "\"memory\":\"64\",\"containerDefinitions\":[{\"name\":\"app\",\"image\":\"x\"}]}");
    assertEquals(400, cpu.statusCode());
    assertEquals("ClientException", type(cpu));
    HttpResponse<String> desired = post(ECS + "CreateService", "{\"cluster\":\"bounded\",\"serviceName\":\"s\","
        + "\"desiredCount\":4294967296}");
    assertEquals("SerializationException", type(desired));
    HttpResponse<String> wrongType = post(ECS + "CreateService", "{\"cluster\":\"bounded\",\"serviceName\":\"s\","
        + "\"desiredCount\":\"three\"}");
    assertEquals("SerializationException", type(wrongType));
    assertTrue(message(wrongType).contains("desiredCount must be an Integer"), wrongType.body());
    HttpResponse<String> rate = RawHttp.post(runtime.server().endpoint(), new SigV4Signer(
        runtime.credentials().accessKeyId(), runtime.credentials().secretAccessKey(), "us-east-1", "events"),
        "AWSEvents.PutRule", "{\"Name\":\"r\",\"ScheduleExpression\":\"rate(99999999999999999999 minutes)\"}"
            .getBytes(StandardCharsets.UTF_8));
    assertEquals(400, rate.statusCode(), rate.body());
  }

  @Test
  void trailingBytesInvalidUtf8DeepNestingAndDuplicateMembersAreRefused() {
    assertEquals("SerializationException", type(post(ECS + "CreateCluster", "{\"clusterName\":\"a\"} {\"x\":1}")));
    assertEquals("SerializationException", type(post(ECS + "CreateCluster", "{\"clusterName\":\"a\"}garbage")));
    byte[] invalid = "{\"clusterName\":\"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);
    HttpResponse<String> latin1 = RawHttp.post(runtime.server().endpoint(), signer, ECS + "CreateCluster", invalid);
    assertEquals("SerializationException", type(latin1));
    assertTrue(message(latin1).contains("not valid UTF-8"), latin1.body());
    HttpResponse<String> deep = post(ECS + "CreateCluster", "[".repeat(100_000) + "]".repeat(100_000));
    assertEquals(400, deep.statusCode());
    assertTrue(message(deep).contains("nesting depth"), deep.body());
    assertEquals("SerializationException", type(post(ECS + "CreateCluster", "{\"clusterName\":\"a\",\"clusterName\":\"b\"}")));
    assertEquals(1, runtime.client().ecs("ListClusters", Json.object()).get("clusterArns").size(),
        "only the test's own cluster exists");
  }

  @Test
  void everyMalformedRequestToTheRuntimesOwnEndpointsIsAnswered() {
    assertEquals(400, send("POST", "/_ecsl/secrets", null, "not json").statusCode());
    assertEquals(400, send("POST", "/_ecsl/secrets", null, "{\"name\":\"n\"}").statusCode());
    assertEquals(400, send("GET", "/_ecsl/logs", "tail=many&task=x", "").statusCode());
    assertEquals(404, send("GET", "/_ecsl/logs", "container=app&task=nope", "").statusCode());
    assertEquals(404, send("GET", "/_ecsl/nothing", null, "").statusCode());
    assertEquals(405, send("GET", "/_ecsl/shutdown", null, "").statusCode());
    assertEquals(405, send("PUT", "/_ecsl/secrets", null, "{}").statusCode());
    assertEquals(400, send("POST", "/_ecsl/project-roots", null, "{}").statusCode());
    assertEquals(400, send("POST", "/_ecsl/schedules/fire", null, "not json").statusCode());
    assertEquals(400, send("POST", "/_ecsl/schedules/fire", null, "{}").statusCode());
    assertEquals(404, send("POST", "/_ecsl/schedules/fire", null, "{\"rule\":\"nope\"}").statusCode());
    assertEquals(405, send("GET", "/_ecsl/schedules/fire", null, "").statusCode());
    assertEquals(405, send("POST", "/_ecsl/stats", null, "{}").statusCode());
    assertEquals(200, send("GET", "/_ecsl/schedules", null, "").statusCode());
    HttpResponse<String> huge = send("POST", "/_ecsl/secrets", null, "{\"name\":\"n\",\"value\":\"" + "x".repeat(70_000)
        + "\"}");
    assertEquals(400, huge.statusCode());
    assertTrue(runtime.server().controlPlane().state().store().secretNames().isEmpty());
    assertEquals("ok", runtime.client().health().get("status").asText());
  }

  @Test
  void requestsWithoutABodyHoldNoneOfTheBodyBudgetSoLongLogFollowsStarveNothing() throws Exception {
    var client = runtime.client();
    client.ecs("RegisterTaskDefinition", Json.parse("{\"family\":\"talker\",\"memory\":\"64\",\"containerDefinitions\":"
        + "[{\"name\":\"app\",\"image\":\"ecsl/busybox:latest\",\"command\":[\"sh\",\"-c\",\"echo hi; sleep 3600\"]}]}"));
    String arn = client.ecs("RunTask", Json.parse("{\"cluster\":\"bounded\",\"taskDefinition\":\"talker\"}"))
        .at("/tasks/0/taskArn").asText();
    String taskId = arn.substring(arn.lastIndexOf('/') + 1);
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (!client.ecs("DescribeTasks", Json.parse("{\"cluster\":\"bounded\",\"tasks\":[\"" + arn + "\"]}"))
        .at("/tasks/0/lastStatus").asText().equals("RUNNING") && Instant.now().isBefore(deadline)) {
      Thread.sleep(100);
    }
    // 40 followers, each held open: more than the 32 MiB budget would allow at 1 MiB apiece.
    java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
    java.util.List<java.util.concurrent.CompletableFuture<?>> follows = new java.util.ArrayList<>();
    for (int i = 0; i < 40; i++) {
      String query = "container=app&follow=true&tail=-1&task=" + taskId;
      java.net.URI uri = runtime.server().endpoint().resolve("/_ecsl/logs?" + query);
      var request = java.net.http.HttpRequest.newBuilder(uri).GET();
      signer.sign("GET", "/_ecsl/logs", query, "127.0.0.1:" + uri.getPort(), Map.of(), new byte[0], Instant.now())
          .forEach(request::header);
      follows.add(http.sendAsync(request.build(), java.net.http.HttpResponse.BodyHandlers.ofInputStream()));
    }
    for (var follow : follows) {
      assertEquals(200, ((HttpResponse<?>) follow.get(30, java.util.concurrent.TimeUnit.SECONDS)).statusCode());
    }
    assertEquals(1, client.ecs("ListClusters", Json.object()).get("clusterArns").size(),
        "a call while 40 follows are open is served (reserving 1 MiB each, the 33rd was throttled)");
    follows.forEach(f -> f.cancel(true));
  }

  private void awaitRunning(int count) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (Instant.now().isBefore(deadline)) {
      JsonNode service = runtime.client().ecs("DescribeServices", Json.parse("{\"cluster\":\"bounded\",\"services\":"
          + "[\"web\"]}")).at("/services/0");
      if (service.get("runningCount").asInt() == count) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the service did not reach " + count + " running tasks");
  }

  private static String definitionWithEnvironment(int bytes) {
    return "{\"family\":\"sized\",\"memory\":\"64\",\"containerDefinitions\":[{\"name\":\"app\",\"image\":\"x\","
        + "\"environment\":[{\"name\":\"BLOB\",\"value\":\"" + "x".repeat(bytes) + "\"}]}]}";
  }

  private HttpResponse<String> post(String target, String body) {
    return RawHttp.post(runtime.server().endpoint(), signer, target, body.getBytes(StandardCharsets.UTF_8));
  }

  private HttpResponse<String> send(String method, String path, String query, String body) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    return RawHttp.send(runtime.server().endpoint(), signer, method, path, query, headers,
        body.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Posts a body of {@code size} bytes of one long JSON array over a raw socket, with or without a
   * Content-Length, stopping when the runtime answers; returns the answer. (Unsigned: the size is
   * refused before the signature is checked, so a caller without the key cannot use it either.)
   */
  private String rawPost(String target, long size, boolean chunked) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", runtime.server().endpoint().getPort())) {
      socket.setSoTimeout(60_000);
      OutputStream out = socket.getOutputStream();
      String headers = "POST / HTTP/1.1\r\nHost: 127.0.0.1:" + runtime.server().endpoint().getPort()
          + "\r\nX-Amz-Target: " + target + "\r\nContent-Type: application/x-amz-json-1.1\r\n"
          + (chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + size + "\r\n") + "\r\n";
      out.write(headers.getBytes(StandardCharsets.UTF_8));
      out.flush();
      // The answer is read while the body is still being sent: the runtime answers as soon as it
      // knows the body is too large, and closes the connection under the writer.
      InputStream in = socket.getInputStream();
      java.io.ByteArrayOutputStream answer = new java.io.ByteArrayOutputStream();
      Thread reader = Thread.ofVirtual().start(() -> {
        byte[] buffer = new byte[4096];
        try {
          int read;
          while (answer.size() < 4096 && (read = in.read(buffer)) > 0) {
            synchronized (answer) {
              answer.write(buffer, 0, read);
            }
          }
        } catch (IOException ignored) {
          // reset after the answer
        }
      });
      byte[] element = "{\"a\":\"b\"},".repeat(6553).getBytes(StandardCharsets.UTF_8);
      try {
        out.write((chunked ? "6\r\n{\"x\":[\r\n" : "{\"x\":[").getBytes(StandardCharsets.UTF_8));
        for (long sent = 0; sent < size && reader.isAlive() && answerSize(answer) == 0; sent += element.length) {
          if (chunked) {
            out.write((Integer.toHexString(element.length) + "\r\n").getBytes(StandardCharsets.UTF_8));
          }
          out.write(element);
          if (chunked) {
            out.write("\r\n".getBytes(StandardCharsets.UTF_8));
          }
        }
      } catch (IOException refusedMidway) {
        // the runtime answered and closed the connection while the body was still being sent
      }
      try {
        reader.join(Duration.ofSeconds(30));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      synchronized (answer) {
        return answer.toString(StandardCharsets.UTF_8);
      }
    }
  }

  private static int answerSize(java.io.ByteArrayOutputStream answer) {
    synchronized (answer) {
      return answer.size();
    }
  }

  private static String type(HttpResponse<String> response) {
    String type = Json.text(Json.parse(response.body()), "__type");
    return type.substring(type.indexOf('#') + 1);
  }

  private static String message(HttpResponse<String> response) {
    return Json.text(Json.parse(response.body()), "message");
  }
}
