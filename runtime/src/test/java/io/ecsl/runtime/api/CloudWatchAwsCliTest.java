package io.ecsl.runtime.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.runtime.TestRuntimes;
import io.ecsl.testing.AwsCli;
import io.ecsl.testing.NeedsAwsCli;
import io.ecsl.testing.Processes;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;

/**
 * Real clients against the runtime's CloudWatch alarms: the aws CLI (botocore prefers AWS JSON 1.0
 * for CloudWatch, with {@code x-amzn-query-mode}) and the AWS SDK for Java v2, whose CloudWatch
 * client speaks Smithy RPC v2 CBOR: what each sends is understood, what it gets back (CBOR
 * timestamps as tag 1) parses into the fields it documents, and errors come out under
 * CloudWatch's codes.
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
  void theSdkSpeaksCborToTheSameAlarms() throws Exception {
    try (CloudWatchClient cloudWatch = CloudWatchClient.builder()
        .endpointOverride(runtime.server().endpoint())
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
            runtime.credentials().accessKeyId(), runtime.credentials().secretAccessKey())))
        .httpClient(UrlConnectionHttpClient.create())
        .build()) {
      Instant before = Instant.now().minusSeconds(5);
      cloudWatch.putMetricAlarm(b -> b.alarmName("web-5xx").metricName("HTTPCode_Target_5XX_Count")
          .namespace("AWS/ApplicationELB").statistic("Sum").period(60).evaluationPeriods(1).threshold(10.0)
          .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD));
      cloudWatch.setAlarmState(b -> b.alarmName("web-5xx").stateValue(StateValue.ALARM).stateReason("5xx"));
      MetricAlarm alarm = cloudWatch.describeAlarms(b -> b.alarmNames("web-5xx")).metricAlarms().get(0);
      assertEquals(StateValue.ALARM, alarm.stateValue());
      assertEquals("5xx", alarm.stateReason());
      assertEquals(10.0, alarm.threshold());
      assertTrue(alarm.stateUpdatedTimestamp().isAfter(before)
          && alarm.stateUpdatedTimestamp().isBefore(Instant.now().plusSeconds(5)), alarm.toString());
      ResourceNotFoundException missing = org.junit.jupiter.api.Assertions.assertThrows(
          ResourceNotFoundException.class, () -> cloudWatch.setAlarmState(b -> b.alarmName("nowhere")
              .stateValue(StateValue.OK).stateReason("x")));
      assertTrue(missing.getMessage().contains("nowhere"), missing.getMessage());
      cloudWatch.deleteAlarms(b -> b.alarmNames("web-5xx"));
      assertEquals(0, cloudWatch.describeAlarms(b -> b.alarmNames("web-5xx")).metricAlarms().size());
    }
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
