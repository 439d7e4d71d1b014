package io.ecsl.runtime.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ecsl.runtime.api.ApiException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One capacity provider strategy places its tasks on one kind of capacity (facts'
 * {@code CapacityKind}, which the compiler's E1306 and E2104 read too): the runtime refuses a
 * Fargate provider beside an Auto Scaling group one in ECS's words, and a Managed Instances
 * provider beside either.
 */
class StrategyKindMixTest {
  private static final String ASG = "arn:aws:autoscaling:us-east-1:000000000000:autoScalingGroup:"
      + "00000000-0000-0000-0000-000000000000:autoScalingGroupName/fleet";
  private EngineHarness engine;

  @BeforeEach
  void start() throws Exception {
    engine = new EngineHarness();
    engine.ecs("CreateCapacityProvider", "{\"name\":\"fleet\",\"autoScalingGroupProvider\":{\"autoScalingGroupArn\":\""
        + ASG + "\"}}");
    engine.ecs("CreateCluster", "{\"clusterName\":\"c\",\"capacityProviders\":[\"FARGATE\",\"fleet\"]}");
    engine.ecs("CreateCapacityProvider", "{\"name\":\"mi\",\"cluster\":\"c\",\"managedInstancesProvider\":{"
        + "\"infrastructureRoleArn\":\"arn:aws:iam::000000000000:role/infra\",\"instanceLaunchTemplate\":{"
        + "\"ec2InstanceProfileArn\":\"arn:aws:iam::000000000000:instance-profile/p\",\"networkConfiguration\":{"
        + "\"subnets\":[\"subnet-1\"],\"securityGroups\":[\"sg-1\"]},\"instanceRequirements\":{\"vCpuCount\":{\"min\":2},"
        + "\"memoryMiB\":{\"min\":1}}}}}");
    engine.registerTaskDefinition("{\"family\":\"web\",\"networkMode\":\"awsvpc\",\"containerDefinitions\":[{"
        + "\"name\":\"app\",\"image\":\"ecsl/busybox:latest\",\"cpu\":256,\"memory\":512}]}");
  }

  @AfterEach
  void stop() throws Exception {
    engine.close();
  }

  private ApiException refused(String strategy) {
    return assertThrows(ApiException.class, () -> engine.ecs("CreateService", "{\"cluster\":\"c\",\"serviceName\":\"web\","
        + "\"taskDefinition\":\"web\",\"desiredCount\":1,\"networkConfiguration\":{\"awsvpcConfiguration\":{"
        + "\"subnets\":[\"subnet-1\"]}},\"capacityProviderStrategy\":" + strategy + "}"));
  }

  @Test
  void fargateBesideAnAutoScalingGroupIsRefusedInEcsWords() {
    ApiException mix = refused("[{\"capacityProvider\":\"FARGATE\",\"weight\":1},{\"capacityProvider\":\"fleet\",\"weight\":1}]");
    assertEquals("InvalidParameterException", mix.type());
    assertTrue(mix.getMessage().contains("mix of capacity providers using Auto Scaling groups and Fargate"), mix.getMessage());
  }

  @Test
  void managedInstancesBesideFargateOrAnAutoScalingGroupIsRefused() {
    for (String other : new String[] {"FARGATE", "fleet"}) {
      ApiException mix = refused("[{\"capacityProvider\":\"mi\",\"weight\":1},{\"capacityProvider\":\"" + other
          + "\",\"weight\":1}]");
      assertEquals("InvalidParameterException", mix.type());
      assertTrue(mix.getMessage().contains("mix of Managed Instances capacity providers"), other + ": " + mix.getMessage());
    }
  }
}
