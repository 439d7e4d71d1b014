package io.ecsl.runtime.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.runtime.TestRuntimes;
import io.ecsl.testing.AwsCli;
import io.ecsl.testing.NeedsAwsCli;
import io.ecsl.testing.Processes;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The real aws CLI against the runtime's CloudWatch alarms (botocore prefers AWS JSON 1.0 for
 * CloudWatch, with {@code x-amzn-query-mode}): what it sends is understood, what it gets back parses
 * into the fields it documents, and errors come out under CloudWatch's Query codes
 * ({@code x-amzn-query-error}). The SDK's CBOR is {@code CloudWatchSdkTest}.
 */
@NeedsAwsCli
class CloudWatchAwsCliTest {
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
  void theAwsCliCreatesSetsDescribesAndDeletesAlarms() throws Exception {
    Map<String, String> env = runtime.awsEnvironment();
    AwsCli.ok(env, "cloudwatch", "put-metric-alarm", "--alarm-name", "web-5xx", "--metric-name",
        "HTTPCode_Target_5XX_Count", "--namespace", "AWS/ApplicationELB", "--statistic", "Sum", "--period", "60",
        "--evaluation-periods", "2", "--threshold", "10", "--comparison-operator", "GreaterThanThreshold",
        "--dimensions", "Name=TargetGroup,Value=targetgroup/web/1");
    JsonNode alarms = AwsCli.json(env, "cloudwatch", "describe-alarms", "--alarm-names", "web-5xx");
    JsonNode alarm = alarms.at("/MetricAlarms/0");
    assertEquals("INSUFFICIENT_DATA", alarm.get("StateValue").asText(), alarms.toString());
    assertEquals(10.0, alarm.get("Threshold").asDouble());
    assertEquals(2, alarm.get("EvaluationPeriods").asInt());
    assertEquals("TargetGroup", alarm.at("/Dimensions/0/Name").asText());
    assertTrue(alarm.get("AlarmArn").asText().matches("arn:aws:cloudwatch:[a-z0-9-]+:\\d{12}:alarm:web-5xx"),
        alarm.toString());
    // Epoch seconds, as the CLI prints a JSON protocol's timestamps.
    assertTrue(Math.abs(alarm.get("StateUpdatedTimestamp").asDouble() - System.currentTimeMillis() / 1000.0) < 300,
        alarm.toString());

    AwsCli.ok(env, "cloudwatch", "set-alarm-state", "--alarm-name", "web-5xx", "--state-value", "ALARM",
        "--state-reason", "rehearsing a rollback");
    JsonNode firing = AwsCli.json(env, "cloudwatch", "describe-alarms", "--state-value", "ALARM");
    assertEquals(1, firing.get("MetricAlarms").size(), firing.toString());
    assertEquals("rehearsing a rollback", firing.at("/MetricAlarms/0/StateReason").asText());
    assertEquals(0, AwsCli.json(env, "cloudwatch", "describe-alarms", "--state-value", "OK").get("MetricAlarms")
        .size());

    Processes.Result missing = AwsCli.run(env, "cloudwatch", "set-alarm-state", "--alarm-name", "nowhere",
        "--state-value", "OK", "--state-reason", "x");
    assertNotEquals(0, missing.exitCode());
    assertTrue(missing.stderr().contains("(ResourceNotFound)"), missing.stderr());
    Processes.Result badState = AwsCli.run(env, "cloudwatch", "put-metric-alarm", "--alarm-name", "bad",
        "--metric-name", "CPUUtilization", "--namespace", "AWS/ECS", "--statistic", "Average", "--period", "45",
        "--evaluation-periods", "1", "--threshold", "80", "--comparison-operator", "GreaterThanThreshold");
    assertNotEquals(0, badState.exitCode());
    assertTrue(badState.stderr().contains("(InvalidParameterValue)") && badState.stderr().contains("Period"),
        badState.stderr());

    Processes.Result band = AwsCli.run(env, "cloudwatch", "put-metric-alarm", "--alarm-name", "band",
        "--metric-name", "CPUUtilization", "--namespace", "AWS/ECS", "--statistic", "Average", "--period", "60",
        "--evaluation-periods", "1", "--threshold", "80", "--comparison-operator", "GreaterThanUpperThreshold");
    assertTrue(band.stderr().contains("(InvalidParameterValue)") && band.stderr().contains("anomaly detection"),
        band.stderr());
    Processes.Result noStatistic = AwsCli.run(env, "cloudwatch", "put-metric-alarm", "--alarm-name", "none",
        "--metric-name", "CPUUtilization", "--namespace", "AWS/ECS", "--period", "60", "--evaluation-periods", "1",
        "--threshold", "80", "--comparison-operator", "GreaterThanThreshold");
    assertTrue(noStatistic.stderr().contains("(InvalidParameterCombination)"), noStatistic.stderr());
    Processes.Result tooLong = AwsCli.run(env, "cloudwatch", "put-metric-alarm", "--alarm-name", "long",
        "--metric-name", "CPUUtilization", "--namespace", "AWS/ECS", "--statistic", "Average", "--period", "600",
        "--evaluation-periods", "200", "--threshold", "80", "--comparison-operator", "GreaterThanThreshold");
    assertTrue(tooLong.stderr().contains("(InvalidParameterValue)") && tooLong.stderr().contains("one day"),
        tooLong.stderr());

    AwsCli.ok(env, "cloudwatch", "delete-alarms", "--alarm-names", "web-5xx");
    assertEquals(0, AwsCli.json(env, "cloudwatch", "describe-alarms").get("MetricAlarms").size());
  }

  @Test
  void aWrongSecretIsRefused() throws Exception {
    Map<String, String> wrong = new LinkedHashMap<>(runtime.awsEnvironment());
    wrong.put("AWS_SECRET_ACCESS_KEY", "not-the-secret");
    Processes.Result refused = AwsCli.run(wrong, "cloudwatch", "describe-alarms");
    assertNotEquals(0, refused.exitCode());
    assertTrue(refused.stderr().contains("(InvalidSignatureException)"), refused.stderr());
  }

  @Test
  void awsJson10ClientsReachTheSameAlarms() throws Exception {
    Map<String, String> env = runtime.awsEnvironment();
    AwsCli.ok(env, "cloudwatch", "put-metric-alarm", "--alarm-name", "cpu", "--metric-name", "CPUUtilization",
        "--namespace", "AWS/ECS", "--statistic", "Average", "--period", "60", "--evaluation-periods", "1",
        "--threshold", "80", "--comparison-operator", "GreaterThanThreshold");
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/x-amz-json-1.0");
    headers.put("X-Amz-Target", "GraniteServiceVersion20100801.DescribeAlarms");
    var answer = RawHttp.send(runtime.server().endpoint(), new io.ecsl.runtime.sigv4.SigV4Signer(
        runtime.credentials().accessKeyId(), runtime.credentials().secretAccessKey(), "us-east-1", "monitoring"),
        "POST", "/", null, headers, "{\"AlarmNames\":[\"cpu\"]}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertEquals(200, answer.statusCode(), answer.body());
    assertTrue(answer.body().contains("\"AlarmName\":\"cpu\""), answer.body());
  }
}
