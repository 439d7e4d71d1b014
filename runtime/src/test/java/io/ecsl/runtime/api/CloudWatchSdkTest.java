package io.ecsl.runtime.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import io.ecsl.runtime.TestRuntimes;
import io.ecsl.runtime.sigv4.SigV4Signer;
import java.net.http.HttpResponse;
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
import software.amazon.awssdk.services.cloudwatch.model.CloudWatchException;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;

/**
 * The AWS SDK for Java v2's CloudWatch client, which speaks Smithy RPC v2 CBOR, against the
 * runtime: requests decoded, responses (timestamps as CBOR tag 1) parsed into the SDK's types,
 * errors under CloudWatch's shapes and status codes; and the protocol's edge cases, raw.
 */
class CloudWatchSdkTest {
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
  void theSdkSpeaksCborToTheAlarms() throws Exception {
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
      CloudWatchException missing = assertThrows(CloudWatchException.class, () -> cloudWatch.setAlarmState(b -> b
          .alarmName("nowhere").stateValue(StateValue.OK).stateReason("x")));
      assertEquals("ResourceNotFound", missing.awsErrorDetails().errorCode(), missing.toString());
      assertEquals(404, missing.statusCode());
      assertTrue(missing.getMessage().contains("nowhere"), missing.getMessage());
      cloudWatch.deleteAlarms(b -> b.alarmNames("web-5xx"));
      assertEquals(0, cloudWatch.describeAlarms(b -> b.alarmNames("web-5xx")).metricAlarms().size());
    }
  }

  /** A raw RPC v2 CBOR call, signed as the SDK signs it. */
  private HttpResponse<String> cbor(String operation, byte[] body) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("smithy-protocol", "rpc-v2-cbor");
    headers.put("Content-Type", "application/cbor");
    headers.put("Accept", "application/cbor");
    return RawHttp.send(runtime.server().endpoint(), new SigV4Signer(runtime.credentials().accessKeyId(),
        runtime.credentials().secretAccessKey(), "us-east-1", "monitoring"), "POST",
        "/service/GraniteServiceVersion20100801/operation/" + operation, null, headers, body);
  }

  @Test
  void anEmptyBodyIsAnEmptyRequestAndABodyThatIsNoMapIsRefusedInCbor() throws Exception {
    CBORMapper mapper = new CBORMapper();
    HttpResponse<String> empty = cbor("DescribeAlarms", new byte[0]);
    assertEquals(200, empty.statusCode(), empty.body());
    assertEquals("application/cbor", empty.headers().firstValue("Content-Type").orElseThrow());
    assertEquals("rpc-v2-cbor", empty.headers().firstValue("smithy-protocol").orElseThrow());

    HttpResponse<String> list = cbor("DescribeAlarms", mapper.writeValueAsBytes(java.util.List.of(1, 2)));
    assertEquals(400, list.statusCode());
    assertEquals("SerializationException", list.headers().firstValue("x-amzn-ErrorType").orElseThrow());
    assertEquals("application/cbor", list.headers().firstValue("Content-Type").orElseThrow());

    HttpResponse<String> notCbor = cbor("DescribeAlarms", new byte[] {(byte) 0xff, 0x01});
    assertEquals(400, notCbor.statusCode());
  }

  @Test
  void onlyServicesThatSpeakCborAreServedInIt() {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("smithy-protocol", "rpc-v2-cbor");
    headers.put("Content-Type", "application/cbor");
    HttpResponse<String> ecs = RawHttp.send(runtime.server().endpoint(), RawHttp.signer(runtime), "POST",
        "/service/AmazonEC2ContainerServiceV20141113/operation/ListClusters", null, headers, new byte[0]);
    assertEquals(400, ecs.statusCode(), "ECS is AWS JSON 1.1 only: " + ecs.body());
  }
}
