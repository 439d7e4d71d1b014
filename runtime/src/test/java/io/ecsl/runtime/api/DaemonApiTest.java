package io.ecsl.runtime.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.runtime.TestRuntimes;
import io.ecsl.runtime.client.RuntimeClient;
import io.ecsl.runtime.json.Json;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ClientException;
import software.amazon.awssdk.services.ecs.model.ClusterContainsTasksException;
import software.amazon.awssdk.services.ecs.model.CreateDaemonResponse;
import software.amazon.awssdk.services.ecs.model.DaemonContainerDefinition;
import software.amazon.awssdk.services.ecs.model.DaemonDeployment;
import software.amazon.awssdk.services.ecs.model.DaemonDetail;
import software.amazon.awssdk.services.ecs.model.DaemonNotFoundException;
import software.amazon.awssdk.services.ecs.model.DaemonRevision;
import software.amazon.awssdk.services.ecs.model.DaemonStatus;
import software.amazon.awssdk.services.ecs.model.DaemonTaskDefinition;
import software.amazon.awssdk.services.ecs.model.DaemonTaskDefinitionRevisionFilter;
import software.amazon.awssdk.services.ecs.model.DaemonTaskDefinitionStatus;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.Tag;

/**
 * The Managed Daemon operations (integrations §7.4) through the AWS SDK for Java v2, which the apply
 * engine uses and whose parsers must read every response; each JSON response is also checked member
 * by member against the ECS model. The aws CLI v1 installed here has no daemon operations (botocore
 * 1.43), so the SDK is the client.
 */
class DaemonApiTest {
  private static final String ACCOUNT = "arn:aws:ecs:eu-west-1:000000000000:";
  private static TestRuntimes runtime;
  private static EcsClient ecs;
  private static RuntimeClient client;
  private static final ModelShapes MODEL = ModelShapes.of("ecs");
  private final List<String> problems = new ArrayList<>();

  @BeforeAll
  static void start() {
    runtime = TestRuntimes.inMemory();
    ecs = runtime.sdk(Region.EU_WEST_1);
    client = runtime.client("eu-west-1");
    ecs.createCluster(r -> r.clusterName("apps"));
    ecs.createCluster(r -> r.clusterName("other"));
    client.ecs("CreateCapacityProvider", Json.parse(managedInstances("mi", "apps")));
    client.ecs("CreateCapacityProvider", Json.parse(managedInstances("mi-other", "other")));
    client.ecs("CreateCapacityProvider", Json.parse("{\"name\":\"fleet\",\"autoScalingGroupProvider\":"
        + "{\"autoScalingGroupArn\":\"arn:aws:autoscaling:eu-west-1:000000000000:autoScalingGroup:"
        + "0b4c1d5e-0000-4000-8000-000000000000:autoScalingGroupName/fleet\"}}"));
  }

  @AfterAll
  static void stop() {
    ecs.close();
    runtime.close();
  }

  @AfterEach
  void responsesFollowTheModel() {
    assertEquals(List.of(), problems);
  }

  private static String managedInstances(String name, String cluster) {
    return "{\"name\":\"" + name + "\",\"cluster\":\"" + cluster + "\",\"managedInstancesProvider\":{"
        + "\"infrastructureRoleArn\":\"arn:aws:iam::000000000000:role/infra\",\"instanceLaunchTemplate\":{"
        + "\"ec2InstanceProfileArn\":\"arn:aws:iam::000000000000:instance-profile/p\",\"networkConfiguration\":"
        + "{\"subnets\":[\"subnet-1\"]},\"instanceRequirements\":{\"vCpuCount\":{\"min\":2},\"memoryMiB\":{\"min\":1}}}}}";
  }

  private JsonNode call(String operation, String body) {
    JsonNode response = client.ecs(operation, Json.parse(body));
    problems.addAll(MODEL.check(operation, response));
    return response;
  }

  private static String register(String family, String image) {
    return ecs.registerDaemonTaskDefinition(r -> r.family(family).cpu("128").memory("64")
        .tags(Tag.builder().key("team").value("platform").build())
        .containerDefinitions(DaemonContainerDefinition.builder().name("agent").image(image)
            .command("sh", "-c", "sleep 3600").build())).daemonTaskDefinitionArn();
  }

  @Test
  void daemonTaskDefinitionsAreAFamilyOfTheirOwnWithRevisionsAndDeletion() {
    String first = register("log-agent", "ecsl/busybox:latest");
    String second = register("log-agent", "ecsl/busybox:1.35");
    assertEquals(ACCOUNT + "daemon-task-definition/log-agent:1", first);
    assertEquals(ACCOUNT + "daemon-task-definition/log-agent:2", second);

    DaemonTaskDefinition latest = ecs.describeDaemonTaskDefinition(r -> r.daemonTaskDefinition("log-agent"))
        .daemonTaskDefinition();
    assertEquals(second, latest.daemonTaskDefinitionArn(), "a family alone names its latest ACTIVE revision");
    assertEquals(DaemonTaskDefinitionStatus.ACTIVE, latest.status());
    assertEquals(Boolean.TRUE, latest.containerDefinitions().get(0).essential(), "ECS's default");
    assertEquals("platform", ecs.listTagsForResource(r -> r.resourceArn(first)).tags().get(0).value());
    call("DescribeDaemonTaskDefinition", "{\"daemonTaskDefinition\":\"log-agent:1\"}");

    List<String> lastOnly = ecs.listDaemonTaskDefinitions(r -> r.family("log-agent")
        .revision(DaemonTaskDefinitionRevisionFilter.LAST_REGISTERED)).daemonTaskDefinitions().stream()
        .map(s -> s.arn()).toList();
    assertEquals(List.of(second), lastOnly);

    assertEquals(first, ecs.deleteDaemonTaskDefinition(r -> r.daemonTaskDefinition(first)).daemonTaskDefinitionArn());
    JsonNode listed = call("ListDaemonTaskDefinitions", "{\"familyPrefix\":\"log-\"}");
    assertEquals(1, listed.get("daemonTaskDefinitions").size(), "ACTIVE ones by default");
    JsonNode deleting = call("ListDaemonTaskDefinitions", "{\"familyPrefix\":\"log-\",\"status\":\"DELETE_IN_PROGRESS\"}");
    assertEquals(first, deleting.at("/daemonTaskDefinitions/0/arn").asText());
    assertTrue(deleting.at("/daemonTaskDefinitions/0").has("deleteRequestedAt"));
    ClientException again = assertThrows(ClientException.class,
        () -> ecs.deleteDaemonTaskDefinition(r -> r.daemonTaskDefinition(first)));
    assertTrue(again.awsErrorDetails().errorMessage().contains("only an ACTIVE"), again.getMessage());
    assertThrows(ClientException.class, () -> ecs.describeDaemonTaskDefinition(r -> r.daemonTaskDefinition("nope")));
    InvalidParameterException mode = assertThrows(InvalidParameterException.class,
        () -> ecs.registerDaemonTaskDefinition(r -> r.family("x").pidMode("host").containerDefinitions(
            DaemonContainerDefinition.builder().name("a").image("ecsl/busybox:latest").memory(32).build())));
    assertTrue(mode.awsErrorDetails().errorMessage().contains("none and shared"), mode.getMessage());
    software.amazon.awssdk.services.ecs.model.EcsException shared = assertThrows(
        software.amazon.awssdk.services.ecs.model.EcsException.class, () -> ecs.registerDaemonTaskDefinition(r -> r
            .family("x").pidMode("shared").containerDefinitions(DaemonContainerDefinition.builder().name("a")
                .image("ecsl/busybox:latest").memory(32).build())));
    assertEquals("AccessDeniedException", shared.awsErrorDetails().errorCode(),
        "shared joins the host's PID namespace, which the runtime grants only when started to");
    assertTrue(shared.awsErrorDetails().errorMessage().contains("--allow-host-namespaces"), shared.getMessage());
  }

  @Test
  void aDaemonIsCreatedDescribedUpdatedListedAndDeleted() {
    String definition = register("node-exporter", "ecsl/busybox:latest");
    CreateDaemonResponse created = ecs.createDaemon(r -> r.daemonName("exporter").clusterArn("apps")
        .daemonTaskDefinitionArn(definition).capacityProviderArns("mi").clientToken("token-1")
        .deploymentConfiguration(c -> c.drainPercent(50.0).bakeTimeInMinutes(2))
        .tags(Tag.builder().key("team").value("obs").build()));
    String arn = ACCOUNT + "daemon/apps/exporter";
    assertEquals(arn, created.daemonArn());
    assertEquals(DaemonStatus.ACTIVE, created.status());
    assertTrue(created.deploymentArn().startsWith(ACCOUNT + "daemon-deployment/apps/exporter/"), created.deploymentArn());
    assertEquals(arn, ecs.createDaemon(r -> r.daemonName("exporter").clusterArn("apps").daemonTaskDefinitionArn(definition)
        .capacityProviderArns("mi").clientToken("token-1")).daemonArn(), "the same client token is idempotent");
    InvalidParameterException duplicate = assertThrows(InvalidParameterException.class, () -> ecs.createDaemon(r -> r
        .daemonName("exporter").clusterArn("apps").daemonTaskDefinitionArn(definition).capacityProviderArns("mi")));
    assertTrue(duplicate.awsErrorDetails().errorMessage().contains("not idempotent"), duplicate.getMessage());

    DaemonDetail detail = ecs.describeDaemon(r -> r.daemonArn(arn)).daemon();
    assertEquals(ACCOUNT + "cluster/apps", detail.clusterArn());
    assertEquals(created.deploymentArn(), detail.deploymentArn());
    assertEquals(ACCOUNT + "capacity-provider/mi", detail.currentRevisions().get(0).capacityProviders().get(0).arn());
    call("DescribeDaemon", "{\"daemonArn\":\"" + arn + "\"}");
    assertEquals(List.of(arn), ecs.listDaemons(r -> r.clusterArn("apps")).daemonSummariesList().stream()
        .map(s -> s.daemonArn()).toList());
    assertEquals(0, ecs.listDaemons(r -> r.clusterArn("apps").capacityProviderArns("mi-other"))
        .daemonSummariesList().size(), "filtered by capacity provider");
    assertEquals("obs", ecs.listTagsForResource(r -> r.resourceArn(arn)).tags().get(0).value());

    String next = register("node-exporter", "ecsl/busybox:1.35");
    String updateDeployment = ecs.updateDaemon(r -> r.daemonArn(arn).daemonTaskDefinitionArn(next)
        .capacityProviderArns(ACCOUNT + "capacity-provider/mi")).deploymentArn();
    assertNotEquals(created.deploymentArn(), updateDeployment);
    List<String> deployments = ecs.listDaemonDeployments(r -> r.daemonArn(arn)).daemonDeployments().stream()
        .map(d -> d.daemonDeploymentArn()).toList();
    assertEquals(List.of(updateDeployment, created.deploymentArn()), deployments, "newest first");
    call("ListDaemonDeployments", "{\"daemonArn\":\"" + arn + "\"}");

    DaemonDeployment update = ecs.describeDaemonDeployments(r -> r.daemonDeploymentArns(updateDeployment))
        .daemonDeployments().get(0);
    assertEquals(25.0, update.deploymentConfiguration().drainPercent(), "ECS's default drain percentage");
    assertEquals(0, update.deploymentConfiguration().bakeTimeInMinutes());
    DaemonDeployment first = ecs.describeDaemonDeployments(r -> r.daemonDeploymentArns(created.deploymentArn()))
        .daemonDeployments().get(0);
    assertEquals(50.0, first.deploymentConfiguration().drainPercent());
    assertEquals(List.of(first.targetDaemonRevision().arn()), update.sourceDaemonRevisions().stream()
        .map(s -> s.arn()).toList(), "the update rolls from the first revision");
    JsonNode missing = call("DescribeDaemonDeployments", "{\"daemonDeploymentArns\":[\"" + updateDeployment + "\",\""
        + ACCOUNT + "daemon-deployment/apps/exporter/nothing\"]}");
    assertEquals("MISSING", missing.at("/failures/0/reason").asText());

    List<DaemonRevision> revisions = ecs.describeDaemonRevisions(r -> r.daemonRevisionArns(
        first.targetDaemonRevision().arn(), update.targetDaemonRevision().arn())).daemonRevisions();
    assertEquals(List.of(definition, next), revisions.stream().map(DaemonRevision::daemonTaskDefinitionArn).toList());
    assertEquals("ecsl/busybox:1.35", revisions.get(1).containerImages().get(0).image());
    call("DescribeDaemonRevisions", "{\"daemonRevisionArns\":[\"" + update.targetDaemonRevision().arn() + "\"]}");

    assertEquals(DaemonStatus.DELETE_IN_PROGRESS, ecs.deleteDaemon(r -> r.daemonArn(arn)).status());
    // With no task to stop, the engine's next passes remove it (ManagedDaemonEngineTest covers DELETE_IN_PROGRESS).
    long deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
    boolean gone = false;
    while (!gone && System.nanoTime() < deadline) {
      try {
        ecs.describeDaemon(r -> r.daemonArn(arn));
        Thread.sleep(100);
      } catch (DaemonNotFoundException e) {
        gone = true;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    assertTrue(gone, "a deleted daemon without tasks goes");
  }

  @Test
  void aDaemonRunsOnlyOnTheManagedInstancesProvidersOfItsCluster() {
    String definition = register("guard", "ecsl/busybox:latest");
    InvalidParameterException asg = assertThrows(InvalidParameterException.class, () -> ecs.createDaemon(r -> r
        .daemonName("guard").clusterArn("apps").daemonTaskDefinitionArn(definition).capacityProviderArns("fleet")));
    assertTrue(asg.awsErrorDetails().errorMessage().contains("only supported for Managed Instances"), asg.getMessage());
    InvalidParameterException foreign = assertThrows(InvalidParameterException.class, () -> ecs.createDaemon(r -> r
        .daemonName("guard").clusterArn("apps").daemonTaskDefinitionArn(definition).capacityProviderArns("mi-other")));
    assertTrue(foreign.awsErrorDetails().errorMessage().contains("another cluster"), foreign.getMessage());
    assertThrows(InvalidParameterException.class, () -> ecs.createDaemon(r -> r.daemonName("guard").clusterArn("apps")
        .daemonTaskDefinitionArn(definition).capacityProviderArns("mi").deploymentConfiguration(c -> c.drainPercent(150.0))));
    assertThrows(InvalidParameterException.class, () -> ecs.createDaemon(r -> r.daemonName("bad name!")
        .clusterArn("apps").daemonTaskDefinitionArn(definition).capacityProviderArns("mi")));
    assertThrows(ClientException.class, () -> ecs.createDaemon(r -> r.daemonName("guard").clusterArn("apps")
        .daemonTaskDefinitionArn(ACCOUNT + "daemon-task-definition/none:1").capacityProviderArns("mi")));
    assertThrows(software.amazon.awssdk.services.ecs.model.ClusterNotFoundException.class, () -> ecs.createDaemon(r -> r
        .daemonName("guard").clusterArn("nowhere").daemonTaskDefinitionArn(definition).capacityProviderArns("mi")));
    String built = "arn:aws:ecs:eu-west-1:123456789012:";
    assertEquals(ACCOUNT + "daemon/other/guard", ecs.createDaemon(r -> r.daemonName("guard").clusterArn(built
        + "cluster/other").daemonTaskDefinitionArn(definition.replace(ACCOUNT, built))
        .capacityProviderArns(built + "capacity-provider/mi-other"))
        .daemonArn(), "a build's ARNs carry the project's account: the runtime, one account, takes them by name");
    DaemonNotFoundException missing = assertThrows(DaemonNotFoundException.class,
        () -> ecs.describeDaemon(r -> r.daemonArn(ACCOUNT + "daemon/apps/none")));
    assertTrue(missing.awsErrorDetails().errorMessage().contains("ListDaemons"), missing.getMessage());
  }

  @Test
  void aClusterWithADaemonIsNotDeletedUntilTheDaemonIsGone() {
    ecs.createCluster(r -> r.clusterName("ops"));
    client.ecs("CreateCapacityProvider", Json.parse(managedInstances("mi-ops", "ops")));
    String definition = register("ops-agent", "ecsl/busybox:latest");
    String arn = ecs.createDaemon(r -> r.daemonName("ops-agent").clusterArn("ops").daemonTaskDefinitionArn(definition)
        .capacityProviderArns("mi-ops")).daemonArn();
    ClusterContainsTasksException refused = assertThrows(ClusterContainsTasksException.class,
        () -> ecs.deleteCluster(r -> r.cluster("ops")));
    assertTrue(refused.awsErrorDetails().errorMessage().contains("delete daemon ops-agent"), refused.getMessage());
    ecs.deleteDaemon(r -> r.daemonArn(arn));
    long deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
    String status = null;
    while (System.nanoTime() < deadline) {
      try {
        status = ecs.deleteCluster(r -> r.cluster("ops")).cluster().status();
        break;
      } catch (ClusterContainsTasksException e) {
        assertTrue(e.awsErrorDetails().errorMessage().contains("still being deleted"), e.getMessage());
        sleep(100);
      }
    }
    assertEquals("INACTIVE", status, "deleted once the daemon is gone");
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
