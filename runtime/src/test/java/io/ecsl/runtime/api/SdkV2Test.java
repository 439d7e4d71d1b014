package io.ecsl.runtime.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ecsl.runtime.TestRuntimes;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ClusterNotFoundException;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.DeploymentRolloutState;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

/** The AWS SDK for Java v2 (what the apply engine uses) against the runtime. */
class SdkV2Test {
  private static TestRuntimes runtime;
  private static EcsClient ecs;

  @BeforeAll
  static void start() {
    runtime = TestRuntimes.inMemory();
    ecs = runtime.sdk(Region.EU_WEST_1);
  }

  @AfterAll
  static void stop() {
    ecs.close();
    runtime.close();
  }

  @Test
  void theSdkCreatesDescribesAndTagsResources() {
    String clusterArn = ecs.createCluster(r -> r.clusterName("sdk").tags(Tag.builder().key("ecsl:project")
        .value("shop").build())).cluster().clusterArn();
    assertEquals("arn:aws:ecs:eu-west-1:000000000000:cluster/sdk", clusterArn, "region from the SigV4 scope");

    TaskDefinition definition = ecs.registerTaskDefinition(r -> r.family("sdk").memory("64")
        .containerDefinitions(ContainerDefinition.builder().name("app").image("ecsl/busybox:latest")
            .command("sh", "-c", "sleep 3600").build())).taskDefinition();
    assertEquals(1, definition.revision());
    assertTrue(definition.compatibilities().contains(Compatibility.EC2));
    assertTrue(definition.registeredAt().isBefore(Instant.now().plusSeconds(1)), "timestamps parse");

    Service created = ecs.createService(r -> r.cluster("sdk").serviceName("api").taskDefinition("sdk")
        .desiredCount(1).tags(Tag.builder().key("ecsl:project").value("shop").build())).service();
    assertEquals(DeploymentRolloutState.IN_PROGRESS, created.deployments().get(0).rolloutState());
    assertEquals(100, created.deploymentConfiguration().minimumHealthyPercent());

    Service described = ecs.describeServices(r -> r.cluster("sdk").services("api").include(
        software.amazon.awssdk.services.ecs.model.ServiceField.TAGS)).services().get(0);
    assertEquals("shop", described.tags().get(0).value());
    assertEquals(1, ecs.listTagsForResource(r -> r.resourceArn(clusterArn)).tags().size());
    assertEquals(1, ecs.listServices(r -> r.cluster("sdk")).serviceArns().size());
  }

  @Test
  void theSdkMapsErrorsToItsExceptionTypes() {
    ClusterNotFoundException error = assertThrows(ClusterNotFoundException.class,
        () -> ecs.describeServices(r -> r.cluster("nowhere").services("x")));
    assertEquals(400, error.statusCode());
    assertTrue(error.awsErrorDetails().errorMessage().startsWith("Cluster not found"));
  }
}
