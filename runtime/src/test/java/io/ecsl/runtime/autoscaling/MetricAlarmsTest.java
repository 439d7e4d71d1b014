package io.ecsl.runtime.autoscaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.ecsl.runtime.json.Json;
import io.ecsl.runtime.metrics.Datapoint;
import io.ecsl.runtime.metrics.Metric;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CloudWatch alarm documents read into what the runtime measures, and judged as CloudWatch judges them. */
class MetricAlarmsTest {
  private static final Duration MINUTE = Duration.ofMinutes(1);
  private static final Instant NOW = Instant.parse("2026-12-07T18:40:30Z");
  private static final String ECS = "\"Namespace\":\"AWS/ECS\",\"MetricName\":\"CPUUtilization\",\"Statistic\":"
      + "\"Average\",\"Dimensions\":[{\"Name\":\"ClusterName\",\"Value\":\"shop\"},{\"Name\":\"ServiceName\","
      + "\"Value\":\"web\"}],\"EvaluationPeriods\":3,\"Threshold\":80,\"ComparisonOperator\":\"GreaterThanThreshold\"";

  private static MetricAlarms.Watched watched(String members) {
    return MetricAlarms.of(Json.parse("{\"AlarmName\":\"a\"," + members + "}"));
  }

  /** One datapoint per minute before {@code NOW}'s, oldest first, averaging {@code values}. */
  private static List<Datapoint> minutes(double... values) {
    Instant end = Instant.parse("2026-12-07T18:40:00Z");
    List<Datapoint> points = new java.util.ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      points.add(new Datapoint(end.minus(MINUTE.multipliedBy(values.length - i)), values[i], values[i], values[i], 1));
    }
    return points;
  }

  @Test
  void theMetricsTheRuntimeMeasuresAreWatchedAndOthersAreNot() {
    MetricAlarms.Watched cpu = watched(ECS);
    assertNotNull(cpu);
    assertEquals(Metric.CPU_UTILIZATION, cpu.alarm().metric());
    assertEquals(3, cpu.alarm().datapointsToAlarm(), "DatapointsToAlarm defaults to EvaluationPeriods");
    assertEquals(true, cpu.watchesService("shop", "web"));
    MetricAlarms.Watched requests = watched("\"Namespace\":\"AWS/ApplicationELB\",\"MetricName\":"
        + "\"RequestCountPerTarget\",\"Statistic\":\"Sum\",\"Dimensions\":[{\"Name\":\"TargetGroup\",\"Value\":"
        + "\"targetgroup/web/abc\"}],\"EvaluationPeriods\":1,\"Threshold\":100,\"ComparisonOperator\":"
        + "\"GreaterThanThreshold\"");
    assertEquals("targetgroup/web/abc", requests.targetGroup());

    assertNull(watched(ECS.replace("{\"Name\":\"ServiceName\",\"Value\":\"web\"}", "{\"Name\":\"Other\",\"Value\":"
        + "\"x\"}")), "a cluster-level or other dimension set is not a service's metric");
    assertNull(watched(ECS.replace("AWS/ECS", "MyApp")), "a custom namespace is not measured");
    assertNull(watched(ECS.replace("\"Statistic\":\"Average\"", "\"ExtendedStatistic\":\"p99\"")));
    assertNull(watched("\"Metrics\":[{\"Id\":\"m1\",\"Expression\":\"1\"}],\"EvaluationPeriods\":1,"
        + "\"Threshold\":1,\"ComparisonOperator\":\"GreaterThanThreshold\""), "metric math is not evaluated");
  }

  @Test
  void anAlarmIsJudgedOnItsMostRecentDatapoints() {
    MetricAlarms.Judgement alarm = MetricAlarms.judge(watched(ECS), minutes(10, 90, 95, 99.5), MINUTE, NOW);
    assertEquals("ALARM", alarm.state());
    assertEquals("Threshold Crossed: 3 out of the last 3 datapoints [90.0 (07/12/26 18:37:00), 95.0"
        + " (07/12/26 18:38:00), 99.50 (07/12/26 18:39:00)] were greater than the threshold (80.0) (minimum 3"
        + " datapoints for OK -> ALARM transition).", alarm.reason());
    MetricAlarms.Judgement ok = MetricAlarms.judge(watched(ECS), minutes(90, 95, 20), MINUTE, NOW);
    assertEquals("OK", ok.state(), "2 of 3 breaching is not enough");
    assertEquals("ALARM", MetricAlarms.judge(watched(ECS + ",\"DatapointsToAlarm\":2"), minutes(90, 95, 20), MINUTE,
        NOW).state(), "2 out of 3");
  }

  @Test
  void missingDataIsTreatedAsTheAlarmSays() {
    assertEquals("INSUFFICIENT_DATA", MetricAlarms.judge(watched(ECS), List.of(), MINUTE, NOW).state());
    assertEquals("OK", MetricAlarms.judge(watched(ECS + ",\"TreatMissingData\":\"notBreaching\""), List.of(), MINUTE,
        NOW).state());
    assertEquals("ALARM", MetricAlarms.judge(watched(ECS + ",\"TreatMissingData\":\"breaching\""), List.of(), MINUTE,
        NOW).state());
    assertNull(MetricAlarms.judge(watched(ECS + ",\"TreatMissingData\":\"ignore\""), List.of(), MINUTE, NOW),
        "ignore keeps the state it has");
  }
}
