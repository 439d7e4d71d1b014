package io.ecsl.cli.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ecsl.runtime.json.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** What {@code ecsl top} and {@code ecsl schedules} print from the runtime's readings (pure). */
class TopAndSchedulesViewTest {
  @Test
  void topShowsEachServiceAndTaskAgainstItsReservation() {
    var stats = Json.parse("""
        {"sampledAt": "2026-01-01T00:00:00Z", "periodSeconds": 60,
         "tasks": [{"taskArn": "arn:aws:ecs:us-east-1:000000000000:task/shop/0123456789abcdef", "cluster": "shop",
                    "service": "web", "group": "service:web", "cpuUnits": 192.0, "cpuReservedUnits": 256,
                    "cpuPercent": 75.0, "memoryMiB": 100.0, "memoryReservedMiB": 512, "memoryPercent": 19.5}],
         "services": [{"cluster": "shop", "service": "web", "tasks": 1, "cpuUnits": 192.0, "cpuReservedUnits": 256,
                       "cpuPercent": 75.0, "memoryMiB": 100.0, "memoryReservedMiB": 512, "memoryPercent": 19.5}]}""");
    StringWriter text = new StringWriter();
    TopCommand.render(stats, new PrintWriter(text, true));
    String[] lines = text.toString().split("\n");
    assertTrue(lines[0].matches("SERVICE\\s+TASKS\\s+CPU \\(UNITS\\)\\s+CPU %\\s+MEMORY \\(MiB\\)\\s+MEM %"), lines[0]);
    assertTrue(lines[1].matches("shop/web\\s+1\\s+192 / 256\\s+75\\.0%\\s+100 / 512\\s+19\\.5%"), lines[1]);
    assertTrue(lines[4].matches("0123456789ab\\s+shop\\s+service:web\\s+192 / 256\\s+75\\.0%\\s+100 / 512\\s+19\\.5%"),
        lines[4]);

    StringWriter none = new StringWriter();
    TopCommand.render(Json.parse("{\"tasks\": [], \"services\": []}"), new PrintWriter(none, true));
    assertTrue(none.toString().startsWith("No reading yet"), none.toString());
  }

  @Test
  void schedulesSayWhatEachRuleDidLast() {
    var started = Json.parse("""
        {"targets": [{"id": "t"}], "failedInvocations": 0, "lastResults": [{"targetId": "t", "outcome": "STARTED",
         "taskArns": ["arn:aws:ecs:us-east-1:000000000000:task/jobs/aaaaaaaaaaaaaaaa"], "failures": []}]}""");
    assertEquals("started 1 task [aaaaaaaaaaaa]", SchedulesCommand.lastResult(started));
    var failed = Json.parse("""
        {"targets": [{"id": "a"}, {"id": "b"}], "failedInvocations": 2, "lastResults": [
         {"targetId": "a", "outcome": "FAILED", "error": "ClusterNotFoundException: no cluster", "taskArns": [],
          "failures": []},
         {"targetId": "b", "outcome": "RETRYING", "attempt": 2, "error": "ServerException: busy", "taskArns": [],
          "failures": []}]}""");
    assertEquals("a: FAILED: ClusterNotFoundException: no cluster; b: retrying after attempt 2: ServerException: busy"
        + " (2 failed invocations)", SchedulesCommand.lastResult(failed));
    assertEquals("not fired yet", SchedulesCommand.lastResult(Json.parse("{\"targets\": [{\"id\": \"t\"}]}")));
    assertEquals("no targets", SchedulesCommand.lastResult(Json.parse("{\"targets\": []}")));
  }
}
