package io.ecsl.deploy.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.ecsl.deploy.plan.Action;
import io.ecsl.deploy.plan.Plan;
import io.ecsl.deploy.plan.ResourcePlan;
import io.ecsl.deploy.plan.Step;
import io.ecsl.deploy.state.ResourceId;
import io.ecsl.deploy.target.ApiException;
import io.ecsl.model.ResourceKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Apply's side of replacing a Cloud Map service. Its DeleteService while the service still has
 * instances: sent again while Cloud Map answers ResourceInUse (ECS deregisters stopped tasks a little
 * after), and once the wait timeout has passed, a failure that names the Cloud Map service and says
 * what to do, not the bare error. A replacement into another namespace (create before destroy): the
 * steps after AfterDependents run once the ECS service registered in it has moved, and not at all
 * when it did not.
 */
class DiscoveryReplacementApplyTest {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private static Plan deleting() {
    ResourcePlan api = new ResourcePlan(new ResourceId(ResourceKind.DISCOVERY_SERVICE, null, "api"), Action.DELETE,
        List.of("no longer declared"), List.of(), List.of(), List.of(), null, null, Map.of(),
        List.of(new Step("servicediscovery", "DeleteService", JSON.objectNode().put("Id", "srv-1"))));
    return new Plan("shop", "test", false, 5, List.of(api));
  }

  @Test
  void deleteServiceIsSentAgainWhileInUseThenSucceeds() {
    List<String> calls = new ArrayList<>();
    Applier applier = new Applier((service, operation, request) -> {
      calls.add(operation);
      if (calls.size() < 3) {
        throw new ApiException(service, operation, "ResourceInUse", "Service srv-1 still has registered instances", null);
      }
      return JSON.objectNode();
    }, new Applier.Options(true, Duration.ofMinutes(10), Duration.ofMillis(1), 1));
    ApplyResult result = applier.apply(deleting(), ApplyListener.NONE);
    assertEquals(List.of("discovery service api"), result.applied(), result.toString());
    assertEquals(List.of("DeleteService", "DeleteService", "DeleteService"), calls);
  }

  @Test
  void stillInUseAfterTheWaitTimeoutFailsSayingWhatToDo() {
    Applier applier = new Applier((service, operation, request) -> {
      throw new ApiException(service, operation, "ResourceInUse", "Service srv-1 still has registered instances", null);
    }, new Applier.Options(true, Duration.ZERO, Duration.ofMillis(1), 1));
    ApplyResult result = applier.apply(deleting(), ApplyListener.NONE);
    assertEquals(1, result.failed().size(), result.toString());
    String failure = result.failed().get(0);
    assertTrue(failure.startsWith("discovery service api: Cloud Map service srv-1 still has registered instances after the"
        + " wait timeout (0s), so it cannot be deleted"), failure);
    assertTrue(failure.contains("list-instances --service-id srv-1") && failure.contains("then apply again")
        && failure.contains("ResourceInUse"), failure);
  }

  /** The discovery service moved to another namespace, and the ECS service that follows it. */
  private static Plan moving() {
    ResourcePlan api = new ResourcePlan(new ResourceId(ResourceKind.DISCOVERY_SERVICE, null, "api"), Action.REPLACE,
        List.of("another namespace"), List.of(), List.of(), List.of(), null, null, Map.of(), List.of(
            new Step("servicediscovery", "CreateService", JSON.objectNode().put("Name", "api")),
            new Step(Step.ENGINE, io.ecsl.deploy.plan.DiscoveryReplacement.AFTER_DEPENDENTS, JSON.objectNode()),
            new Step("servicediscovery", "DeleteService", JSON.objectNode().put("Id", "srv-old"))));
    ResourcePlan web = new ResourcePlan(new ResourceId(ResourceKind.SERVICE, "prod", "web"), Action.REDEPLOY,
        List.of("service registries"), List.of(), List.of(), List.of("discovery service api"), null, null, Map.of(),
        List.of(new Step("ecs", "UpdateService", JSON.objectNode().put("cluster", "prod").put("service", "web")
            .put("registry", "${discovery-service:api}"))));
    return new Plan("shop", "test", false, 5, List.of(api, web));
  }

  @Test
  void anotherNamespaceCreatesMovesTheEcsServiceThenDeletesTheOldOne() {
    List<String> calls = new ArrayList<>();
    Applier applier = new Applier((service, operation, request) -> {
      calls.add(service + " " + operation + (request.has("registry") ? " " + request.path("registry").asText() : ""));
      return operation.equals("CreateService") && service.equals("servicediscovery")
          ? JSON.objectNode().set("Service", JSON.objectNode().put("Arn", "arn:new")) : JSON.objectNode();
    }, new Applier.Options(false, Duration.ofMinutes(10), Duration.ofMillis(1), 2));
    List<String> finished = new ArrayList<>();
    ApplyResult result = applier.apply(moving(), new ApplyListener() {
      @Override public void started(String address, String action) {}
      @Override public void progress(String address, String message) {}
      @Override public void finished(String address, String action, Duration elapsed) {
        finished.add(address);
      }
      @Override public void failed(String address, String message, Duration elapsed) {}
      @Override public void skipped(String address, String why) {}
    });
    assertEquals(List.of(), result.failed(), result.toString());
    assertEquals(List.of("servicediscovery CreateService", "ecs UpdateService arn:new", "servicediscovery DeleteService"),
        calls);
    assertEquals(List.of("service prod/web", "discovery service api"), finished, "finished once its old one is gone");
  }

  @Test
  void theOldOneStaysWhenTheEcsServiceDidNotMove() {
    List<String> calls = new ArrayList<>();
    Applier applier = new Applier((service, operation, request) -> {
      calls.add(service + " " + operation);
      if (service.equals("ecs")) {
        throw new ApiException(service, operation, "InvalidParameterException", "no", null);
      }
      return JSON.objectNode().set("Service", JSON.objectNode().put("Arn", "arn:new"));
    }, new Applier.Options(false, Duration.ofMinutes(10), Duration.ofMillis(1), 2));
    ApplyResult result = applier.apply(moving(), ApplyListener.NONE);
    assertEquals(List.of("servicediscovery CreateService", "ecs UpdateService"), calls);
    assertTrue(result.failed().contains("discovery service api: the old one is not deleted: service prod/web did not"
        + " move to the new one"), result.failed().toString());
  }
}
