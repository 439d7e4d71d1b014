package io.ecsl.runtime.api.cloudmap;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.runtime.engine.RuntimeState;
import io.ecsl.runtime.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Cloud Map service instances in the state (callers hold its lock), shared by the API and the
 * runtime's own registration of ECS tasks. Every change bumps the service's revision, which
 * {@code DiscoverInstancesRevision} reports so clients can tell when to discover again.
 */
public final class ServiceInstances {
  public static final String HEALTHY = "HEALTHY";
  public static final String UNHEALTHY = "UNHEALTHY";
  public static final String UNKNOWN = "UNKNOWN";

  private ServiceInstances() {}

  static String key(String serviceId, String instanceId) {
    return serviceId + "|" + instanceId;
  }

  public static ObjectNode find(RuntimeState state, String serviceId, String instanceId) {
    return state.instances.get(key(serviceId, instanceId));
  }

  /** The service's instances, in registration order. */
  public static List<ObjectNode> of(RuntimeState state, String serviceId) {
    List<ObjectNode> out = new ArrayList<>();
    for (String key : state.instances.ids()) {
      if (key.startsWith(serviceId + "|")) {
        out.add(state.instances.get(key));
      }
    }
    return out;
  }

  /**
   * Registers (or re-registers, replacing its attributes) an instance; {@code taskArn} marks one
   * the runtime registered for an ECS task. Returns the stored instance.
   */
  public static ObjectNode register(RuntimeState state, ObjectNode service, String instanceId,
      Map<String, String> attributes, String health, String creatorRequestId, String taskArn) {
    String serviceId = Json.text(service, "Id");
    ObjectNode existing = find(state, serviceId, instanceId);
    ObjectNode instance = Json.object();
    instance.put("Id", instanceId);
    instance.put("ServiceId", serviceId);
    Json.putIfPresent(instance, "CreatorRequestId", creatorRequestId);
    ObjectNode attrs = instance.putObject("Attributes");
    attributes.forEach(attrs::put);
    instance.put("_health", health);
    Json.putIfPresent(instance, "_task", taskArn);
    if (existing != null && existing.equals(instance)) {
      return existing;
    }
    state.instances.put(key(serviceId, instanceId), instance);
    if (existing == null) {
      adjustCount(state, service, 1);
    }
    bumpRevision(state, serviceId);
    return instance;
  }

  /** Removes an instance; false when it was not registered. */
  public static boolean deregister(RuntimeState state, String serviceId, String instanceId) {
    String key = key(serviceId, instanceId);
    if (!state.instances.contains(key)) {
      return false;
    }
    state.instances.remove(key);
    ObjectNode service = state.cloudMapServices.get(serviceId);
    if (service != null) {
      adjustCount(state, service, -1);
      bumpRevision(state, serviceId);
    }
    return true;
  }

  /** Sets an instance's health; false when it was already so. */
  public static boolean setHealth(RuntimeState state, String serviceId, String instanceId, String health) {
    ObjectNode instance = state.instances.copyOf(key(serviceId, instanceId));
    if (instance == null || health.equals(Json.text(instance, "_health"))) {
      return false;
    }
    instance.put("_health", health);
    state.instances.put(key(serviceId, instanceId), instance);
    bumpRevision(state, serviceId);
    return true;
  }

  public static String health(ObjectNode instance) {
    return Json.text(instance, "_health", HEALTHY);
  }

  /** The health Cloud Map reports: UNKNOWN for a service without health checking (every instance counts as healthy). */
  public static String reportedHealth(ObjectNode service, ObjectNode instance) {
    return CloudMapServices.checksHealth(service) ? health(instance) : UNKNOWN;
  }

  public static long revision(ObjectNode service) {
    return service.path("_revision").asLong(1);
  }

  private static void bumpRevision(RuntimeState state, String serviceId) {
    ObjectNode service = state.cloudMapServices.copyOf(serviceId);
    if (service != null) {
      service.put("_revision", revision(service) + 1);
      state.cloudMapServices.put(serviceId, service);
    }
  }

  private static void adjustCount(RuntimeState state, ObjectNode service, int delta) {
    ObjectNode copy = state.cloudMapServices.copyOf(Json.text(service, "Id"));
    if (copy != null) {
      copy.put("InstanceCount", Math.max(0, Json.integer(copy, "InstanceCount", 0) + delta));
      state.cloudMapServices.put(Json.text(copy, "Id"), copy);
    }
  }

  /** The instance as GetInstance and ListInstances show it. */
  public static ObjectNode describe(ObjectNode instance, boolean withCreator) {
    ObjectNode out = Json.object();
    out.put("Id", Json.text(instance, "Id"));
    if (withCreator) {
      Json.putIfPresent(out, "CreatorRequestId", Json.text(instance, "CreatorRequestId"));
    }
    out.set("Attributes", instance.path("Attributes").deepCopy());
    return out;
  }
}
