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
 * Cloud Map's DeleteService while the service still has instances: sent again while Cloud Map
 * answers ResourceInUse (ECS deregisters stopped tasks a little after), and once the wait timeout
 * has passed, a failure that names the Cloud Map service and says what to do, not the bare error.
 */
class DiscoveryDeleteInUseTest {
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
}
