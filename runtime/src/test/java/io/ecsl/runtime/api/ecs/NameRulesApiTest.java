package io.ecsl.runtime.api.ecs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ecsl.runtime.TestRuntimes;
import io.ecsl.runtime.client.RuntimeClient;
import io.ecsl.runtime.json.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Names and strategy numbers are judged by the rules the compiler uses (io.ecsl.facts.limits). */
class NameRulesApiTest {
  private static final String ECS = "AmazonEC2ContainerServiceV20141113.";
  private static TestRuntimes runtime;
  private static RuntimeClient client;

  @BeforeAll
  static void start() {
    runtime = TestRuntimes.inMemory();
    client = runtime.client();
  }

  @AfterAll
  static void stop() {
    runtime.close();
  }

  @Test
  void clusterServiceAndCapacityProviderNames() {
    assertEquals("Invalid cluster name 'prod.eu': use 1 to 255 letters, digits, hyphens and underscores.",
        reject("CreateCluster", "{\"clusterName\":\"prod.eu\"}", "InvalidParameterException"));
    client.call(ECS + "CreateCluster", Json.parse("{\"clusterName\":\"" + "c".repeat(255) + "\"}"));
    assertEquals("Invalid serviceName '" + "s".repeat(256) + "': use 1 to 255 letters, digits, hyphens and underscores.",
        reject("CreateService", "{\"cluster\":\"" + "c".repeat(255) + "\",\"serviceName\":\"" + "s".repeat(256)
            + "\",\"taskDefinition\":\"x\"}", "InvalidParameterException"));
    assertEquals("Invalid capacity provider name 'ECS-fleet': use 1 to 255 letters, digits, hyphens and underscores, not"
        + " starting with aws, ecs or fargate.", reject("CreateCapacityProvider", "{\"name\":\"ECS-fleet\","
        + "\"autoScalingGroupProvider\":{\"autoScalingGroupArn\":\"arn:aws:autoscaling:us-east-1:000000000000:"
        + "autoScalingGroup:1:autoScalingGroupName/asg\"}}", "ClientException"));
  }

  @Test
  void strategyWeightAndBaseRanges() {
    assertEquals("Capacity provider FARGATE weight 1001 is out of range; use 0 to 1000.", reject("CreateCluster",
        "{\"clusterName\":\"w\",\"capacityProviders\":[\"FARGATE\"],\"defaultCapacityProviderStrategy\":"
            + "[{\"capacityProvider\":\"FARGATE\",\"weight\":1001}]}", "InvalidParameterException"));
    assertEquals("Capacity provider FARGATE base 100001 is out of range; use 0 to 100000.", reject("CreateCluster",
        "{\"clusterName\":\"b\",\"capacityProviders\":[\"FARGATE\"],\"defaultCapacityProviderStrategy\":"
            + "[{\"capacityProvider\":\"FARGATE\",\"base\":100001}]}", "InvalidParameterException"));
  }

  private static String reject(String operation, String body, String type) {
    RuntimeClient.ApiError error = assertThrows(RuntimeClient.ApiError.class, () -> client.call(ECS + operation,
        Json.parse(body)));
    assertEquals(type, error.type(), error.getMessage());
    return error.getMessage();
  }
}
