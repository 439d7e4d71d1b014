package io.ecsl.runtime.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.facts.ec2.InstanceTypes;
import io.ecsl.runtime.engine.AutoScalingGroups;
import io.ecsl.runtime.engine.ControlPlane;
import io.ecsl.runtime.engine.RuntimeState;
import io.ecsl.runtime.engine.SpotInterruptions;
import io.ecsl.runtime.json.Json;
import io.ecsl.runtime.model.Arns;
import io.ecsl.runtime.model.AutoScalingGroupEntity;
import io.ecsl.runtime.model.TaskEntity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The runtime's own capacity endpoints (docs/runtime-model.md): {@code /_ecsl/auto-scaling-groups}
 * (GET the simulated groups; PUT one's description: what a project's {@code local_group} says)
 * and {@code POST /_ecsl/spot-interruptions} (interrupt Fargate Spot tasks now, for rehearsal).
 * Each answers {@code [status, JSON]}.
 */
final class CapacityEndpoints {
  private final ControlPlane plane;
  private final RuntimeState state;

  CapacityEndpoints(ControlPlane plane) {
    this.plane = plane;
    this.state = plane.state();
  }

  /** A response: HTTP status and JSON body. */
  record Answer(int status, JsonNode body) {
    static Answer error(int status, String message) {
      return new Answer(status, Json.object().put("message", message));
    }
  }

  Answer groups(String method, JsonNode body) {
    return switch (method) {
      case "GET" -> new Answer(200, state.atomically(() -> {
        ArrayNode out = Json.array();
        state.autoScalingGroups.values().forEach(g -> out.add(Json.tree(g)));
        return out;
      }));
      case "PUT" -> putGroup(body);
      default -> Answer.error(405, "use GET or PUT");
    };
  }

  private Answer putGroup(JsonNode body) {
    AutoScalingGroups.Declaration declaration = new AutoScalingGroups.Declaration(
        Json.text(body, "autoScalingGroupArn"), Json.text(body, "region"),
        Json.text(body, "instanceType", InstanceTypes.DEFAULT),
        Json.strings(body, "zones"), Json.integer(body, "minSize", 0),
        Json.integer(body, "maxSize", AutoScalingGroups.DEFAULT_MAX), Json.integer(body, "desiredCapacity"),
        Json.integer(body, "warmupSeconds", (int) AutoScalingGroups.DEFAULT_WARMUP_SECONDS),
        Json.integer(body, "scaleInAfterSeconds", (int) AutoScalingGroups.DEFAULT_SCALE_IN_AFTER_SECONDS));
    try {
      AutoScalingGroupEntity saved = state.atomically(() -> AutoScalingGroups.declare(state, declaration));
      plane.requestTick();
      return new Answer(200, Json.tree(saved));
    } catch (IllegalArgumentException e) {
      return Answer.error(400, e.getMessage());
    }
  }

  Answer interruptSpot(JsonNode body) {
    String region = Json.text(body, "region", "us-east-1");
    String cluster = Json.text(body, "cluster", "default");
    String clusterArn = Arns.isArn(cluster) ? cluster : Arns.cluster(region, cluster);
    int noticeSeconds = Json.integer(body, "noticeSeconds", (int) SpotInterruptions.NOTICE.toSeconds());
    if (noticeSeconds < 0 || noticeSeconds > SpotInterruptions.NOTICE.toSeconds()) {
      return Answer.error(400, "noticeSeconds must be 0 to " + SpotInterruptions.NOTICE.toSeconds()
          + " (Fargate Spot warns two minutes ahead)");
    }
    List<String> references = Json.strings(body, "tasks");
    String service = Json.text(body, "service");
    int count = Json.integer(body, "count", 1);
    if (references.isEmpty() == (service == null)) {
      return Answer.error(400, "give either tasks (IDs or ARNs) or a service (and count)");
    }
    Answer answer = state.atomically(() -> {
      if (!state.clusters.contains(clusterArn)) {
        return Answer.error(404, "cluster " + cluster + " not found in " + region);
      }
      List<TaskEntity> chosen = new ArrayList<>();
      ObjectNode out = Json.object();
      ArrayNode failures = out.putArray("failures");
      if (service != null) {
        for (TaskEntity task : state.tasks.values()) {
          if (task.clusterArn.equals(clusterArn) && service.equals(task.serviceName)
              && SpotInterruptions.refusal(task) == null && chosen.size() < count) {
            chosen.add(task);
          }
        }
        if (chosen.isEmpty()) {
          return Answer.error(400, "service " + service + " has no running Fargate Spot task to interrupt");
        }
      }
      for (String reference : references) {
        String arn = Arns.isArn(reference) ? reference : Arns.task(region, Arns.lastSegment(clusterArn), reference);
        TaskEntity task = state.tasks.get(arn);
        String refusal = task == null ? "no such task in cluster " + cluster : SpotInterruptions.refusal(task);
        if (refusal != null) {
          failures.addObject().put("arn", arn).put("reason", refusal);
        } else {
          chosen.add(task);
        }
      }
      if (chosen.isEmpty()) {
        List<String> reasons = new ArrayList<>();
        failures.forEach(f -> reasons.add(Json.text(f, "arn") + ": " + Json.text(f, "reason")));
        return Answer.error(400, "no task was interrupted: " + String.join("; ", reasons));
      }
      Instant now = plane.clock().instant();
      ArrayNode interrupted = out.putArray("interrupted");
      for (TaskEntity task : chosen) {
        TaskEntity stopped = SpotInterruptions.interrupt(state, task, Duration.ofSeconds(noticeSeconds), now);
        interrupted.addObject().put("taskArn", stopped.taskArn)
            .set("stoppedBy", Json.timestamp(stopped.spotInterruptionDeadline));
      }
      return new Answer(200, out);
    });
    plane.requestTick();
    return answer;
  }
}
