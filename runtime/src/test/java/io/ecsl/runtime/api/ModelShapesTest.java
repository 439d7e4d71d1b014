package io.ecsl.runtime.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ecsl.runtime.json.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The conformance checker itself: a response off the model is reported, so a pass means something. */
class ModelShapesTest {
  private final ModelShapes ecs = ModelShapes.of("ecs");

  @Test
  void aResponseInTheModelsShapeHasNoProblems() {
    assertEquals(List.of(), ecs.check("DescribeClusters", Json.parse(
        "{\"clusters\":[{\"clusterName\":\"c\",\"status\":\"ACTIVE\",\"runningTasksCount\":1}],\"failures\":[]}")));
  }

  @Test
  void unknownMembersWrongTypesAndEnumValuesAreReported() {
    assertEquals(List.of(
            "DescribeClusters.clusters[0].clusterNmae: not a member of Cluster",
            "DescribeClusters.clusters[0].runningTasksCount: expected an integer, got \"1\"",
            "DescribeClusters.failures: expected a list (Failures)"),
        ecs.check("DescribeClusters", Json.parse(
            "{\"clusters\":[{\"clusterNmae\":\"c\",\"runningTasksCount\":\"1\"}],\"failures\":{}}")));
    assertEquals(List.of("DescribeServices.services[0].launchType: 'FARGATE_LITE' is not one of [\"EC2\",\"FARGATE\",\"EXTERNAL\",\"MANAGED_INSTANCES\"]"),
        ecs.check("DescribeServices", Json.parse("{\"services\":[{\"launchType\":\"FARGATE_LITE\"}]}")));
  }

  @Test
  void theOtherServicesTheRuntimeServesHaveTheirModels() {
    assertEquals(List.of("ListRules.bogus: not a member of ListRulesResponse"),
        ModelShapes.of("events").check("ListRules", Json.parse("{\"bogus\":1}")));
    assertEquals(List.of("DescribeScalableTargets.bogus: not a member of DescribeScalableTargetsResponse"),
        ModelShapes.of("application-autoscaling").check("DescribeScalableTargets", Json.parse("{\"bogus\":1}")));
    assertEquals(List.of("ListNamespaces.bogus: not a member of ListNamespacesResponse"),
        ModelShapes.of("servicediscovery").check("ListNamespaces", Json.parse("{\"bogus\":1}")));
  }
}
