package io.ecsl.deploy.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The waiter's view of a service deployment, over sequences of DescribeServiceDeployments
 * snapshots as ECS reports them. moto has no ListServiceDeployments / DescribeServiceDeployments,
 * so the logic is tested here as a pure function; the snapshots use the API's own field names.
 */
class DeploymentFollowerTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode snapshot(String status, String stage, int running, double production, double test, String hooks,
      String rollback) throws Exception {
    return JSON.readTree("""
        {"serviceDeploymentArn": "arn:aws:ecs:eu-west-1:123456789012:service-deployment/prod/web/abc",
         "serviceArn": "arn:aws:ecs:eu-west-1:123456789012:service/prod/web",
         "clusterArn": "arn:aws:ecs:eu-west-1:123456789012:cluster/prod",
         "status": "%s", "lifecycleStage": "%s",
         "targetServiceRevision": {"arn": "r2", "requestedTaskCount": 4, "runningTaskCount": %d,
           "requestedProductionTrafficWeight": %s, "requestedTestTrafficWeight": %s},
         "deploymentConfiguration": {"strategy": "CANARY", "bakeTimeInMinutes": 10,
           "canaryConfiguration": {"canaryPercent": 10, "canaryBakeTimeInMinutes": 5}},
         "lifecycleHookDetails": [%s] %s}
        """.formatted(status, stage, running, production, test, hooks, rollback == null ? "" : ", \"rollback\": {\"reason\": \"" + rollback + "\"}"));
  }

  private static List<String> follow(List<JsonNode> snapshots, List<DeploymentFollower.Outcome> outcomes, List<String> failures) {
    return follow(snapshots, outcomes, failures, true);
  }

  private static List<String> follow(List<JsonNode> snapshots, List<DeploymentFollower.Outcome> outcomes,
      List<String> failures, boolean testRoute) {
    DeploymentFollower.Seen seen = DeploymentFollower.Seen.NOTHING;
    List<String> printed = new ArrayList<>();
    for (JsonNode s : snapshots) {
      DeploymentFollower.Observation o = DeploymentFollower.observe(seen, s, testRoute);
      printed.addAll(o.lines());
      outcomes.add(o.outcome());
      if (o.failure() != null) {
        failures.add(o.failure());
      }
      seen = o.seen();
    }
    return printed;
  }

  /** A poll that finds the shift done and the next stage begun prints them in the order they happened. */
  @Test
  void aShiftSeenWithTheStageAfterItIsPrintedFirst() throws Exception {
    List<String> printed = follow(List.of(
        snapshot("IN_PROGRESS", "PRODUCTION_TRAFFIC_SHIFT", 4, 10, 0, "", null),
        snapshot("IN_PROGRESS", "CLEAN_UP", 4, 100, 0, "", null),
        snapshot("SUCCESSFUL", "CLEAN_UP", 4, 100, 0, "", null)), new ArrayList<>(), new ArrayList<>());
    assertEquals(List.of(
        "production traffic shift",
        "production traffic: 10% to the new revision; it bakes 5m before the next shift",
        "production traffic: 100% to the new revision",
        "clean up: the old revision stops",
        "deployment successful"), printed);
  }

  @Test
  void aCanaryIsFollowedThroughEachStepAndItsBake() throws Exception {
    List<DeploymentFollower.Outcome> outcomes = new ArrayList<>();
    List<String> printed = follow(List.of(
        snapshot("IN_PROGRESS", "SCALE_UP", 1, 0, 0, "", null),
        snapshot("IN_PROGRESS", "SCALE_UP", 4, 0, 0, "", null),
        snapshot("IN_PROGRESS", "TEST_TRAFFIC_SHIFT", 4, 0, 100, "", null),
        snapshot("IN_PROGRESS", "POST_TEST_TRAFFIC_SHIFT", 4, 0, 100,
            "{\"hookId\": \"h-1\", \"targetType\": \"PAUSE\", \"status\": \"AWAITING_ACTION\", \"expiresAt\": 1796590800.0, \"timeoutAction\": \"ROLLBACK\"}", null),
        snapshot("IN_PROGRESS", "POST_TEST_TRAFFIC_SHIFT", 4, 0, 100,
            "{\"hookId\": \"h-1\", \"targetType\": \"PAUSE\", \"status\": \"AWAITING_ACTION\"}", null),
        snapshot("IN_PROGRESS", "PRODUCTION_TRAFFIC_SHIFT", 4, 10, 100, "", null),
        snapshot("IN_PROGRESS", "PRODUCTION_TRAFFIC_SHIFT", 4, 100, 100, "", null),
        snapshot("IN_PROGRESS", "BAKE_TIME", 4, 100, 100, "", null),
        snapshot("SUCCESSFUL", "CLEAN_UP", 4, 100, 100, "", null)), outcomes, new ArrayList<>());
    assertEquals(List.of(
        "scale up: the new revision starts 4 tasks (1 running)",
        "test traffic shift",
        "test traffic: 100% to the new revision",
        "post test traffic shift",
        "paused at post_test_traffic_shift (hook h-1): `ecsl deploy continue web --cluster prod` goes on,"
            + " `ecsl deploy stop web --cluster prod` rolls back; after "
            + "2026-12-06T21:00:00Z ECS will rollback",
        "production traffic shift",
        "production traffic: 10% to the new revision; it bakes 5m before the next shift",
        "production traffic: 100% to the new revision",
        "bake time: both revisions run for 10m; the old one stops when it ends",
        "clean up: the old revision stops",
        "deployment successful"), printed);
    assertEquals(DeploymentFollower.Outcome.SUCCEEDED, outcomes.get(outcomes.size() - 1));
    assertEquals(DeploymentFollower.Outcome.IN_PROGRESS, outcomes.get(outcomes.size() - 2));
  }

  @Test
  void aRollbackFailsFastWithItsReason() throws Exception {
    List<DeploymentFollower.Outcome> outcomes = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    follow(List.of(
        snapshot("IN_PROGRESS", "PRODUCTION_TRAFFIC_SHIFT", 4, 10, 0, "", null),
        snapshot("ROLLBACK_IN_PROGRESS", "PRODUCTION_TRAFFIC_SHIFT", 4, 0, 0, "",
            "CloudWatch alarm web-5xx is in ALARM")), outcomes, failures);
    assertEquals(List.of(DeploymentFollower.Outcome.IN_PROGRESS, DeploymentFollower.Outcome.FAILED), outcomes);
    assertEquals(List.of("the deployment rolled back (ROLLBACK_IN_PROGRESS): CloudWatch alarm web-5xx is in ALARM"), failures);
  }

  @Test
  void aStoppedDeploymentFailsWithEcsStatusReason() throws Exception {
    JsonNode stopped = JSON.readTree("{\"status\": \"STOPPED\", \"statusReason\": \"stopped by user\"}");
    DeploymentFollower.Observation o = DeploymentFollower.observe(DeploymentFollower.Seen.NOTHING, stopped, true);
    assertEquals(DeploymentFollower.Outcome.FAILED, o.outcome());
    assertEquals("the deployment stopped (STOPPED): stopped by user", o.failure());
  }

  /** ECS walks through the test traffic stage either way; a share of test traffic is news only with a test route. */
  @Test
  void withoutATestRouteNoShareOfTestTrafficIsPrinted() throws Exception {
    List<String> printed = follow(List.of(
        snapshot("IN_PROGRESS", "SCALE_UP", 4, 0, 0, "", null),
        snapshot("IN_PROGRESS", "TEST_TRAFFIC_SHIFT", 4, 0, 100, "", null),
        snapshot("SUCCESSFUL", "CLEAN_UP", 4, 100, 100, "", null)), new ArrayList<>(), new ArrayList<>(), false);
    assertEquals(List.of(
        "scale up: the new revision starts 4 tasks (4 running)",
        "test traffic shift",
        "production traffic: 100% to the new revision",
        "clean up: the old revision stops",
        "deployment successful"), printed);
  }

  @Test
  void aTestListenerRuleOrServiceConnectIsATestRoute() throws Exception {
    assertTrue(DeploymentFollower.hasTestRoute(JSON.readTree(
        "{\"loadBalancers\": [{\"advancedConfiguration\": {\"testListenerRule\": \"arn:aws:elasticloadbalancing:…:listener-rule/app/web/1/2/3\"}}]}")));
    assertTrue(DeploymentFollower.hasTestRoute(JSON.readTree(
        "{\"deployments\": [{\"serviceConnectConfiguration\": {\"enabled\": true}}]}")));
    assertFalse(DeploymentFollower.hasTestRoute(JSON.readTree(
        "{\"loadBalancers\": [{\"advancedConfiguration\": {\"productionListenerRule\": \"arn:…\"}}]}")));
  }
}
