package io.ecsl.runtime.schedules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.runtime.json.Json;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The RunTask request EventBridge makes for an ECS target, and its retry policy. */
class EcsTargetRequestTest {
  private static final String TARGET = """
      {"Id":"nightly","Arn":"arn:aws:ecs:us-east-1:000000000000:cluster/jobs",
       "RoleArn":"arn:aws:iam::000000000000:role/events",
       "Input":"{\\"containerOverrides\\":[{\\"name\\":\\"app\\",\\"command\\":[\\"report\\",\\"--full\\"]}]}",
       "RetryPolicy":{"MaximumRetryAttempts":2,"MaximumEventAgeInSeconds":600},
       "EcsParameters":{"TaskDefinitionArn":"arn:aws:ecs:us-east-1:000000000000:task-definition/report:3",
         "TaskCount":3,"CapacityProviderStrategy":[{"capacityProvider":"FARGATE_SPOT","weight":1,"base":0}],
         "NetworkConfiguration":{"awsvpcConfiguration":{"Subnets":["subnet-1"],"SecurityGroups":["sg-1"],
           "AssignPublicIp":"DISABLED"}},
         "Group":"batch","PlacementConstraints":[{"type":"distinctInstance"}],
         "PlacementStrategy":[{"type":"spread","field":"attribute:ecs.availability-zone"}],
         "PropagateTags":"TASK_DEFINITION","EnableECSManagedTags":true,"ReferenceId":"ref-1",
         "Tags":[{"Key":"team","Value":"data"}]}}
      """;

  @Test
  void theTargetsEcsParametersBecomeRunTasksMembers() {
    JsonNode request = EcsTargetRequest.of(Json.parse(TARGET), EcsTargetRequest.STARTED_BY_PREFIX + "nightly-report");
    assertEquals("arn:aws:ecs:us-east-1:000000000000:cluster/jobs", request.get("cluster").asText());
    assertEquals("arn:aws:ecs:us-east-1:000000000000:task-definition/report:3", request.get("taskDefinition").asText());
    assertEquals(3, request.get("count").asInt());
    assertEquals("FARGATE_SPOT", request.at("/capacityProviderStrategy/0/capacityProvider").asText());
    assertFalse(request.has("launchType"));
    assertEquals("subnet-1", request.at("/networkConfiguration/awsvpcConfiguration/subnets/0").asText());
    assertEquals("sg-1", request.at("/networkConfiguration/awsvpcConfiguration/securityGroups/0").asText());
    assertEquals("DISABLED", request.at("/networkConfiguration/awsvpcConfiguration/assignPublicIp").asText());
    assertEquals("batch", request.get("group").asText());
    assertEquals("distinctInstance", request.at("/placementConstraints/0/type").asText());
    assertEquals("attribute:ecs.availability-zone", request.at("/placementStrategy/0/field").asText());
    assertEquals("TASK_DEFINITION", request.get("propagateTags").asText());
    assertTrue(request.get("enableECSManagedTags").asBoolean());
    assertEquals("ref-1", request.get("referenceId").asText());
    assertEquals("team", request.at("/tags/0/key").asText());
    assertEquals("data", request.at("/tags/0/value").asText());
    assertEquals("--full", request.at("/overrides/containerOverrides/0/command/1").asText(), "Input is the overrides");
    assertEquals("events-rule/nightly-report", request.get("startedBy").asText());
  }

  @Test
  void onlyTargetsWithEcsParametersAimedAtAClusterAreEcsTargets() {
    assertTrue(EcsTargetRequest.isEcsTarget(Json.parse(TARGET)));
    assertFalse(EcsTargetRequest.isEcsTarget(Json.parse("{\"Id\":\"f\",\"Arn\":\"arn:aws:lambda:us-east-1:1:function:f\"}")));
  }

  @Test
  void aTaskDefinitionArnWithoutARevisionRunsTheFamilysLatest() {
    assertEquals("report", EcsTargetRequest.taskDefinition("arn:aws:ecs:us-east-1:000000000000:task-definition/report"));
    assertEquals("arn:aws:ecs:us-east-1:000000000000:task-definition/report:3",
        EcsTargetRequest.taskDefinition("arn:aws:ecs:us-east-1:000000000000:task-definition/report:3"));
    String target = TARGET.replace("task-definition/report:3", "task-definition/report");
    assertEquals("report", EcsTargetRequest.of(Json.parse(target), "r").get("taskDefinition").asText());
  }

  @Test
  void anInputThatIsNotAnObjectFailsTheInvocation() {
    String target = "{\"Id\":\"x\",\"Arn\":\"arn:aws:ecs:us-east-1:000000000000:cluster/c\","
        + "\"Input\":\"[1,2]\",\"EcsParameters\":{\"TaskDefinitionArn\":\"td\"}}";
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> EcsTargetRequest.of(Json.parse(target), "r"));
    assertTrue(e.getMessage().contains("JSON object of task overrides"), e.getMessage());
  }

  @Test
  void onlyServerErrorsAndThrottlingAreRetriedWithinTheAttemptsAndTheAge() {
    assertTrue(RetryPolicy.retriable(500, "ServerException"));
    assertTrue(RetryPolicy.retriable(400, "ThrottlingException"));
    assertTrue(RetryPolicy.retriable(429, "TooManyRequests"));
    assertFalse(RetryPolicy.retriable(400, "InvalidParameterException"));
    assertFalse(RetryPolicy.retriable(400, "ClusterNotFoundException"));

    RetryPolicy policy = RetryPolicy.of(Json.parse(TARGET));
    assertEquals(new RetryPolicy(2, Duration.ofMinutes(10)), policy);
    Instant event = Instant.parse("2026-01-01T00:00:00Z");
    Instant first = policy.nextAttempt(event, 1, event, "seed");
    assertNotNull(first);
    long delay = Duration.between(event, first).toMillis();
    assertTrue(delay >= 500 && delay < 1000, "the first retry waits 1 s scaled by a jitter in [0.5, 1): " + delay);
    assertEquals(first, policy.nextAttempt(event, 1, event, "seed"), "the jitter is repeatable");
    assertNotNull(policy.nextAttempt(event, 2, event, "seed"), "2 retries are allowed");
    assertNull(policy.nextAttempt(event, 3, event, "seed"), "after the 2nd retry failed, give up");
    assertNull(policy.nextAttempt(event, 2, event.plus(Duration.ofMinutes(10)), "seed"), "the event is too old");
    assertEquals(RetryPolicy.DEFAULT, RetryPolicy.of(Json.parse("{}")));
  }
}
