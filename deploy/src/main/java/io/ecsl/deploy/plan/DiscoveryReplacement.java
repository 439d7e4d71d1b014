package io.ecsl.deploy.plan;

import static io.ecsl.deploy.plan.PlanContext.obj;
import static io.ecsl.deploy.plan.PlanContext.step;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.deploy.state.LiveResource;
import io.ecsl.deploy.state.LiveState;
import io.ecsl.deploy.state.ResourceId;
import io.ecsl.model.ResourceKind;
import java.util.ArrayList;
import java.util.List;

/**
 * Replacing a Cloud Map service that ECS tasks are registered in. Cloud Map refuses DeleteService
 * while the service has instances (ResourceInUse), and a service's name is unique in its namespace,
 * so the new one cannot be created beside the old one (ServiceAlreadyExists) as Terraform's
 * create_before_destroy would. The replacement therefore first takes the ECS services registered in
 * the old one off it (UpdateService with no {@code serviceRegistries}, ECS's documented way of
 * removing them, and a wait for that deployment: the old tasks stop and ECS deregisters them), then
 * deletes the old service, creates the new one, and the ECS services' own plans (which depend on the
 * discovery service) register them in it with its new ARN. A move to another namespace has no name
 * clash: there the new service is created first, the ECS services moved to it, and the old one
 * deleted after them ({@link #AFTER_DEPENDENTS}). A service with instances that no ECS
 * service read from the target registered (something else did) is refused at plan time, as is a
 * namespace replacement while discovery services are in it.
 */
public final class DiscoveryReplacement {
  private DiscoveryReplacement() {}

  /** Live marker the refresh sets ({@code ids().get(INSTANCES)}): whether ListInstances found any. */
  static final String INSTANCES = "Instances";

  /**
   * An engine step: what follows it in a resource's steps runs once the resources that depend on it
   * are done, among the deletions of its kind (the old service of a replacement into another namespace).
   */
  public static final String AFTER_DEPENDENTS = "AfterDependents";

  /**
   * The replacement of {@code plan} with the ECS services registered in the old service taken off it
   * first, or the plan itself when none is; a refusal goes to {@code refusals}.
   */
  static ResourcePlan detachFirst(ResourcePlan plan, LiveResource old, LiveState live, List<String> refusals) {
    if (plan.action() != Action.REPLACE || old == null || old.arn() == null) {
      return plan;
    }
    List<ResourceId> users = registeredIn(old.arn(), live);
    if (users.isEmpty()) {
      if ("some".equals(old.ids().get(INSTANCES))) {
        refusals.add(plan.address() + " must be replaced (" + plan.reasons().get(0) + "), but Cloud Map instances are"
            + " registered in it (service " + old.ids().get("Id") + ") that no ECS service of this project put there,"
            + " and Cloud Map does not delete a service that has instances (ResourceInUse). Deregister them (`aws"
            + " servicediscovery list-instances --service-id " + old.ids().get("Id") + "`, then `deregister-instance`)"
            + " or stop what registers them, then plan again; or keep the discovery service as it is");
      }
      return plan;
    }
    List<String> names = new ArrayList<>();
    users.forEach(u -> names.add(u.address()));
    String who = String.join(", ", names);
    if (plan.changes().stream().anyMatch(c -> c.pointer().equals("/NamespaceId"))) {
      // Another namespace: no name clash, so create before destroy. The old service is deleted
      // after the ECS services registered in it have moved (apply runs what follows the marker
      // once the resources that depend on this one are done).
      List<Step> steps = new ArrayList<>();
      plan.steps().stream().filter(st -> !st.operation().equals("DeleteService")).forEach(steps::add);
      steps.add(step(Step.ENGINE, AFTER_DEPENDENTS, obj()));
      plan.steps().stream().filter(st -> st.operation().equals("DeleteService")).forEach(steps::add);
      List<String> reasons = new ArrayList<>(plan.reasons());
      reasons.add("create before destroy: the new Cloud Map service is created in the other namespace, " + who
          + " registered in it (a deployment, waited for: ECS deregisters the old tasks as they stop), and only then"
          + " the old one deleted");
      return new ResourcePlan(plan.id(), plan.action(), reasons, plan.changes(), plan.ignored(), plan.dependsOn(),
          plan.observed(), plan.source(), plan.ownedElsewhere(), steps);
    }
    List<Step> steps = new ArrayList<>();
    for (ResourceId u : users) {
      com.fasterxml.jackson.databind.node.ObjectNode body = obj().put("cluster", u.cluster()).put("service", u.name());
      body.putArray("serviceRegistries");
      steps.add(step("ecs", "UpdateService", body));
      steps.add(step(Step.ENGINE, "WaitServiceStable", obj().put("cluster", u.cluster()).put("service", u.name())));
    }
    steps.addAll(plan.steps());
    List<String> reasons = new ArrayList<>(plan.reasons());
    reasons.add("Cloud Map names are unique in a namespace and it does not delete a service with instances, so " + who
        + (names.size() == 1 ? " is" : " are") + " first updated with no registry (a deployment; its tasks are replaced"
        + " by unregistered ones and ECS deregisters the old ones as they stop), then the old Cloud Map service is"
        + " deleted and the new one created, and " + who + " registered in it with its new ARN (a second deployment)."
        + " The name resolves to no task in between");
    return new ResourcePlan(plan.id(), plan.action(), reasons, plan.changes(), plan.ignored(), plan.dependsOn(),
        plan.observed(), plan.source(), plan.ownedElsewhere(), steps);
  }

  /** The ECS services read from the target whose registry is the Cloud Map service {@code arn}. */
  static List<ResourceId> registeredIn(String arn, LiveState live) {
    List<ResourceId> out = new ArrayList<>();
    for (ResourceId id : live.ids()) {
      if (id.kind() != ResourceKind.SERVICE) {
        continue;
      }
      LiveResource s = live.get(id);
      if (s == null || s.primary() == null) {
        continue;
      }
      for (JsonNode r : s.primary().path("serviceRegistries")) {
        if (arn.equals(r.path("registryArn").asText())) {
          out.add(id);
          break;
        }
      }
    }
    out.sort(null);
    return out;
  }

  /**
   * Refuses replacing a namespace that discovery services read from the target are in: Cloud Map does
   * not delete a namespace with services (ResourceInUse), and a service cannot move namespace in place.
   */
  static void namespaceWithServices(ResourcePlan plan, LiveResource namespace, LiveState live, List<String> refusals) {
    if (plan.action() != Action.REPLACE || namespace == null) {
      return;
    }
    String nsId = namespace.ids().get("Id");
    List<String> inside = new ArrayList<>();
    for (ResourceId id : live.ids()) {
      if (id.kind() != ResourceKind.DISCOVERY_SERVICE) {
        continue;
      }
      LiveResource s = live.get(id);
      if (s != null && s.primary() != null && nsId != null && nsId.equals(s.primary().path("NamespaceId").asText())) {
        inside.add(id.name());
      }
    }
    if (inside.isEmpty()) {
      return;
    }
    inside.sort(null);
    refusals.add(plan.address() + " must be replaced (" + plan.reasons().get(0) + "), but discovery service"
        + (inside.size() == 1 ? " " : "s ") + String.join(", ", inside) + (inside.size() == 1 ? " is" : " are")
        + " in it, and Cloud Map does not delete a namespace that has services (ResourceInUse). Give the new namespace"
        + " another name (the discovery services declared in it are then replaced into it, the ECS services moved to"
        + " them, and the old namespace deleted after them), or first remove the discovery services from it and apply,"
        + " then change the namespace");
  }
}
