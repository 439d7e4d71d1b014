package io.ecsl.deploy.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.deploy.target.ApiException;
import io.ecsl.deploy.target.AwsApi;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The waiter follows a CANARY service through its service deployment (ListServiceDeployments,
 * DescribeServiceDeployments), printing each step, and fails fast on a rollback; where the
 * endpoint has no service deployments (moto answers ListServiceDeployments with an error), it
 * falls back to the service's own deployments. A scripted fake endpoint stands in for ECS:
 * moto lacks these operations.
 */
class ServiceDeploymentWaitTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final class Scripted implements AwsApi {
    final List<String> deployments;
    final boolean hasServiceDeployments;
    int describes;

    Scripted(boolean hasServiceDeployments, String... deployments) {
      this.hasServiceDeployments = hasServiceDeployments;
      this.deployments = List.of(deployments);
    }

    @Override
    public JsonNode call(String service, String operation, ObjectNode request) {
      try {
        return switch (operation) {
          case "DescribeServices" -> JSON.readTree("""
              {"services": [{"serviceName": "web", "desiredCount": 2, "runningCount": 2,
                "deploymentConfiguration": {"strategy": "CANARY"},
                "deployments": [{"id": "ecs-svc/1", "status": "PRIMARY", "rolloutState": "COMPLETED"}]}]}""");
          case "ListServiceDeployments" -> {
            if (!hasServiceDeployments) {
              throw new ApiException("ecs", operation, "InvalidAction", "not implemented", null);
            }
            assertEquals("web", request.path("service").asText());
            yield JSON.readTree("""
                {"serviceDeployments": [
                  {"serviceDeploymentArn": "arn:old", "status": "SUCCESSFUL"},
                  {"serviceDeploymentArn": "arn:new", "status": "IN_PROGRESS"}]}""");
          }
          case "DescribeServiceDeployments" -> {
            assertEquals("arn:new", request.path("serviceDeploymentArns").path(0).asText());
            yield JSON.readTree("{\"serviceDeployments\": [" + deployments.get(Math.min(describes++, deployments.size() - 1)) + "]}");
          }
          default -> throw new AssertionError("unexpected call " + operation);
        };
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private static List<String> waitFor(Scripted api) {
    List<String> printed = new ArrayList<>();
    new ServiceWaiter(api, Duration.ofSeconds(1), d -> {}).waitStable("prod", "web", Duration.ofMinutes(5), printed::add);
    return printed;
  }

  @Test
  void aCanaryServiceIsFollowedThroughItsServiceDeployment() {
    Scripted api = new Scripted(true,
        "{\"status\": \"IN_PROGRESS\", \"lifecycleStage\": \"PRODUCTION_TRAFFIC_SHIFT\", \"targetServiceRevision\": {\"requestedProductionTrafficWeight\": 10}}",
        "{\"status\": \"IN_PROGRESS\", \"lifecycleStage\": \"BAKE_TIME\", \"targetServiceRevision\": {\"requestedProductionTrafficWeight\": 100}}",
        "{\"status\": \"SUCCESSFUL\", \"lifecycleStage\": \"CLEAN_UP\", \"targetServiceRevision\": {\"requestedProductionTrafficWeight\": 100}}");
    assertEquals(List.of("production traffic shift", "production traffic: 10% to the new revision",
        "production traffic: 100% to the new revision", "bake time: both revisions run; the old one stops when it ends",
        "clean up: the old revision stops", "deployment successful"), waitFor(api));
  }

  @Test
  void aRollbackEndsTheWaitWithEcsReason() {
    Scripted api = new Scripted(true,
        "{\"status\": \"IN_PROGRESS\", \"lifecycleStage\": \"PRODUCTION_TRAFFIC_SHIFT\"}",
        "{\"status\": \"ROLLBACK_IN_PROGRESS\", \"rollback\": {\"reason\": \"hook smoke FAILED\"}}");
    StepFailure failure = assertThrows(StepFailure.class, () -> waitFor(api));
    assertEquals("the deployment rolled back (ROLLBACK_IN_PROGRESS): hook smoke FAILED", failure.getMessage());
  }

  @Test
  void withoutServiceDeploymentsTheServiceItselfIsFollowed() {
    Scripted api = new Scripted(false);
    assertTrue(waitFor(api).isEmpty(), "a COMPLETED service is stable at once");
    assertEquals(0, api.describes);
  }
}
