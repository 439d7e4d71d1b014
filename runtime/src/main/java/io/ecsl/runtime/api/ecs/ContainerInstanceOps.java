package io.ecsl.runtime.api.ecs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.facts.ec2.InstanceTypes;
import io.ecsl.runtime.api.ApiException;
import io.ecsl.runtime.api.Pages;
import io.ecsl.runtime.api.Pages.Paging;
import io.ecsl.runtime.api.RequestContext;
import io.ecsl.runtime.api.Requests;
import io.ecsl.runtime.engine.ContainerInstances;
import io.ecsl.runtime.engine.ControlPlane;
import io.ecsl.runtime.engine.PlacementPass;
import io.ecsl.runtime.engine.RuntimeState;
import io.ecsl.runtime.json.Json;
import io.ecsl.runtime.model.Arns;
import io.ecsl.runtime.model.ContainerInstanceEntity;
import io.ecsl.runtime.model.TaskEntity;
import io.ecsl.runtime.placement.ClusterSnapshot;
import io.ecsl.runtime.placement.InstanceCondition;
import io.ecsl.runtime.placement.InstanceConditions;
import io.ecsl.runtime.placement.QueryView;
import io.ecsl.runtime.store.Tag;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

/**
 * RegisterContainerInstance, DeregisterContainerInstance, DescribeContainerInstances,
 * ListContainerInstances, UpdateContainerInstancesState, PutAttributes, DeleteAttributes and
 * ListAttributes: virtual EC2 instances registered with a cluster, all of whose tasks run on the
 * one Docker host (docs/runtime-model.md, "Container instances").
 */
final class ContainerInstanceOps {
  /** ECS's limits on custom attributes: 10 per resource, names and values up to 128 characters. */
  private static final int MAX_CUSTOM_ATTRIBUTES = 10;
  private static final Pattern ATTRIBUTE_NAME = Pattern.compile("^[A-Za-z0-9_./\\\\-]{1,128}$");
  private static final Pattern ATTRIBUTE_VALUE = Pattern.compile("^[A-Za-z0-9_.@/\\\\: -]{1,128}$");
  private static final String TARGET_TYPE = "container-instance";
  private static final Set<String> STATUSES = Set.of("ACTIVE", "DRAINING", "REGISTERING", "DEREGISTERING",
      "REGISTRATION_FAILED");

  private final ControlPlane plane;
  private final RuntimeState state;
  private final EcsResolver resolver;
  private final EcsRenderer renderer;

  ContainerInstanceOps(ControlPlane plane, EcsResolver resolver, EcsRenderer renderer) {
    this.plane = plane;
    this.state = plane.state();
    this.resolver = resolver;
    this.renderer = renderer;
  }

  JsonNode register(JsonNode request, RequestContext context) {
    Map<String, String> attributes = attributes(request.get("attributes"));
    JsonNode document = identityDocument(Json.text(request, "instanceIdentityDocument"));
    Map<String, JsonNode> resources = resources(request.get("totalResources"));
    List<Tag> tags = Requests.ecsTags(request.get("tags"));
    JsonNode response = state.atomically(() -> {
      ObjectNode cluster = resolver.activeCluster(context, Json.text(request, "cluster"));
      String existingArn = Json.text(request, "containerInstanceArn");
      if (existingArn != null) {
        ContainerInstanceEntity existing = instance(context, Json.text(cluster, "clusterArn"), existingArn);
        if (existing != null && existing.isRegistered()) {
          // The agent re-registering after a restart: same instance, its attributes refreshed.
          ContainerInstanceEntity updated = existing.copy();
          updated.attributes.putAll(attributes);
          updated.version++;
          state.containerInstances.put(updated.containerInstanceArn, updated);
          return wrap(render(updated, false, false));
        }
      }
      String type = first(Json.text(document, "instanceType"), attributes.get("ecs.instance-type"),
          InstanceTypes.DEFAULT);
      InstanceTypes.InstanceType known = InstanceTypes.find(type).orElse(null);
      String zone = first(Json.text(document, "availabilityZone"), attributes.get("ecs.availability-zone"),
          context.region() + "a");
      String architecture = first(Json.text(document, "architecture"), attributes.get("ecs.cpu-architecture"),
          known != null ? known.architecture() : "x86_64");
      int cpu = resources.containsKey("CPU") ? resources.get("CPU").asInt()
          : known != null ? known.cpuUnits() : 2048;
      int memory = resources.containsKey("MEMORY") ? resources.get("MEMORY").asInt()
          : known != null ? known.memoryMib() : 8192;
      ContainerInstanceEntity instance = ContainerInstances.register(state, cluster, new ContainerInstances.Registration(
          Json.text(document, "instanceId"), type, zone, architecture, cpu, memory,
          ports(resources.get("PORTS")), ports(resources.get("PORTS_UDP")), attributes, null, null, false),
          plane.clock().instant());
      if (!tags.isEmpty()) {
        state.putTags(instance.containerInstanceArn, tags);
      }
      return wrap(render(instance, true, false));
    });
    plane.requestTick();
    return response;
  }

  JsonNode deregister(JsonNode request, RequestContext context) {
    String reference = Requests.required(request, "containerInstance");
    boolean force = Json.bool(request, "force", false);
    JsonNode response = state.atomically(() -> {
      String clusterArn = Json.text(resolver.activeCluster(context, Json.text(request, "cluster")), "clusterArn");
      ContainerInstanceEntity instance = requireRegistered(context, clusterArn, reference);
      List<TaskEntity> tasks = ContainerInstances.tasksOn(state, instance.containerInstanceArn);
      if (!tasks.isEmpty() && !force) {
        throw ApiException.invalidParameter("The specified container instance has " + tasks.size() + " task"
            + (tasks.size() == 1 ? "" : "s") + " that are not stopped (e.g. " + tasks.get(0).taskId + "). Stop them,"
            + " drain the instance (UpdateContainerInstancesState DRAINING), or deregister with force.");
      }
      ContainerInstances.deregister(state, instance, "Container instance " + instance.id + " was deregistered",
          plane.clock().instant());
      return wrap(render(state.containerInstances.get(instance.containerInstanceArn), false, false));
    });
    plane.requestTick();
    return response;
  }

  JsonNode describe(JsonNode request, RequestContext context) {
    List<String> references = Json.strings(request, "containerInstances");
    if (references.isEmpty() || references.size() > 100) {
      throw ApiException.invalidParameter("DescribeContainerInstances takes 1 to 100 container instances; got "
          + references.size() + ".");
    }
    List<String> include = Json.strings(request, "include");
    return state.atomically(() -> {
      String clusterArn = resolver.existingClusterArn(context, Json.text(request, "cluster"));
      ObjectNode out = Json.object();
      ArrayNode instances = out.putArray("containerInstances");
      ArrayNode failures = out.putArray("failures");
      for (String reference : references) {
        ContainerInstanceEntity instance = instance(context, clusterArn, reference);
        if (instance == null) {
          failures.addObject().put("arn", arnOf(context, clusterArn, reference)).put("reason", "MISSING");
        } else {
          instances.add(render(instance, include.contains("TAGS"), include.contains("CONTAINER_INSTANCE_HEALTH")));
        }
      }
      return out;
    });
  }

  JsonNode list(JsonNode request, RequestContext context) {
    String status = Json.text(request, "status");
    if (status != null && !STATUSES.contains(status)) {
      throw ApiException.invalidParameter("Invalid status '" + status + "': use ACTIVE, DRAINING, REGISTERING,"
          + " DEREGISTERING or REGISTRATION_FAILED.");
    }
    String filter = Json.text(request, "filter");
    InstanceCondition condition;
    try {
      condition = filter == null || filter.isBlank() ? null : InstanceConditions.parse(filter);
    } catch (IllegalArgumentException e) {
      throw ApiException.invalidParameter(e.getMessage());
    }
    return state.atomically(() -> {
      String clusterArn = Json.text(resolver.activeCluster(context, Json.text(request, "cluster")), "clusterArn");
      ClusterSnapshot snapshot = PlacementPass.build(state, clusterArn);
      List<String> arns = new ArrayList<>();
      for (int i = 0; i < snapshot.size(); i++) {
        ContainerInstanceEntity instance = state.containerInstances.get(snapshot.instance(i).arn());
        boolean statusMatches = status == null || status.equals(instance.status);
        if (statusMatches && (condition == null || condition.matches(new QueryView(snapshot, i)))) {
          arns.add(instance.containerInstanceArn);
        }
      }
      return Pages.response(Paging.ECS, request, arns, "containerInstanceArns", 100, 100);
    });
  }

  JsonNode updateState(JsonNode request, RequestContext context) {
    List<String> references = Json.strings(request, "containerInstances");
    String status = Requests.required(request, "status");
    if (!status.equals("ACTIVE") && !status.equals("DRAINING")) {
      throw ApiException.invalidParameter("Container instances can only be set to ACTIVE or DRAINING; got " + status
          + ".");
    }
    if (references.isEmpty() || references.size() > 10) {
      throw ApiException.invalidParameter("UpdateContainerInstancesState takes 1 to 10 container instances; got "
          + references.size() + ".");
    }
    JsonNode response = state.atomically(() -> {
      String clusterArn = Json.text(resolver.activeCluster(context, Json.text(request, "cluster")), "clusterArn");
      ObjectNode out = Json.object();
      ArrayNode instances = out.putArray("containerInstances");
      ArrayNode failures = out.putArray("failures");
      for (String reference : references) {
        ContainerInstanceEntity instance = instance(context, clusterArn, reference);
        if (instance == null) {
          failures.addObject().put("arn", arnOf(context, clusterArn, reference)).put("reason", "MISSING");
          continue;
        }
        if (!instance.isRegistered()) {
          failures.addObject().put("arn", instance.containerInstanceArn).put("reason", "INACTIVE");
          continue;
        }
        if (!status.equals(instance.status)) {
          ContainerInstanceEntity updated = instance.copy();
          updated.status = status;
          updated.version++;
          state.containerInstances.put(updated.containerInstanceArn, updated);
          instance = updated;
        }
        instances.add(render(instance, false, false));
      }
      return out;
    });
    plane.requestTick();
    return response;
  }

  JsonNode putAttributes(JsonNode request, RequestContext context) {
    return changeAttributes(request, context, true, (instance, attribute) -> {
      instance.attributes.put(Json.text(attribute, "name"), Json.text(attribute, "value", ""));
      long custom = instance.attributes.keySet().stream().filter(ContainerInstanceOps::custom).count();
      if (custom > MAX_CUSTOM_ATTRIBUTES) {
        throw new ApiException("AttributeLimitExceededException", "You can apply up to " + MAX_CUSTOM_ATTRIBUTES
            + " custom attributes to a resource; container instance " + instance.id + " would have " + custom + ".");
      }
    });
  }

  JsonNode deleteAttributes(JsonNode request, RequestContext context) {
    return changeAttributes(request, context, false,
        (instance, attribute) -> instance.attributes.remove(Json.text(attribute, "name")));
  }

  /**
   * Put/DeleteAttributes: applies {@code change} to a copy of each attribute's instance, then
   * stores every changed instance at once (all or none) and echoes the attributes.
   */
  private JsonNode changeAttributes(JsonNode request, RequestContext context, boolean put,
      BiConsumer<ContainerInstanceEntity, JsonNode> change) {
    List<JsonNode> given = targeted(request, put);
    JsonNode response = state.atomically(() -> {
      String clusterArn = Json.text(resolver.activeCluster(context, Json.text(request, "cluster")), "clusterArn");
      Map<String, ContainerInstanceEntity> changed = new LinkedHashMap<>();
      for (JsonNode attribute : given) {
        change.accept(target(context, clusterArn, attribute, changed), attribute);
      }
      changed.values().forEach(i -> {
        i.version++;
        state.containerInstances.put(i.containerInstanceArn, i);
      });
      ObjectNode out = Json.object();
      out.set("attributes", echo(given, changed));
      return out;
    });
    plane.requestTick();
    return response;
  }

  JsonNode listAttributes(JsonNode request, RequestContext context) {
    String targetType = Requests.required(request, "targetType");
    if (!TARGET_TYPE.equals(targetType)) {
      throw ApiException.invalidParameter("Invalid targetType '" + targetType + "': the only one is " + TARGET_TYPE
          + ".");
    }
    String name = Json.text(request, "attributeName");
    String value = Json.text(request, "attributeValue");
    if (value != null && name == null) {
      throw ApiException.invalidParameter("attributeValue can only be given with attributeName.");
    }
    return state.atomically(() -> {
      String clusterArn = Json.text(resolver.activeCluster(context, Json.text(request, "cluster")), "clusterArn");
      List<ObjectNode> all = new ArrayList<>();
      for (ContainerInstanceEntity instance : ContainerInstances.registered(state, clusterArn)) {
        for (Map.Entry<String, String> attribute : instance.attributes.entrySet()) {
          boolean matches = (name == null || name.equals(attribute.getKey()))
              && (value == null || value.equals(attribute.getValue()));
          if (matches) {
            ObjectNode item = Json.object().put("name", attribute.getKey());
            if (!attribute.getValue().isEmpty()) {
              item.put("value", attribute.getValue());
            }
            item.put("targetType", TARGET_TYPE).put("targetId", instance.containerInstanceArn);
            all.add(item);
          }
        }
      }
      return Pages.response(Paging.ECS, request, all, "attributes", 100, 100);
    });
  }

  // ---- helpers --------------------------------------------------------------------------------

  /** Custom attributes: everything but ECS's own ({@code ecs.…}, {@code com.amazonaws.ecs.…}, the runtime's). */
  private static boolean custom(String name) {
    return !name.startsWith("ecs.") && !name.startsWith("com.amazonaws.ecs.") && !name.startsWith("ecsl.");
  }

  /** The attributes of a Put/DeleteAttributes request, each checked (≤ 10, names and values ECS takes). */
  private static List<JsonNode> targeted(JsonNode request, boolean put) {
    JsonNode attributes = Requests.requiredNode(request, "attributes", "InvalidParameterException");
    List<JsonNode> out = new ArrayList<>();
    attributes.forEach(out::add);
    if (out.isEmpty() || out.size() > 10) {
      throw ApiException.invalidParameter("Give 1 to 10 attributes; got " + out.size() + ".");
    }
    for (JsonNode attribute : out) {
      checkName(Json.text(attribute, "name"));
      String value = Json.text(attribute, "value");
      if (put && value != null) {
        checkValue(Json.text(attribute, "name"), value);
      }
      String targetType = Json.text(attribute, "targetType", TARGET_TYPE);
      if (!TARGET_TYPE.equals(targetType)) {
        throw ApiException.invalidParameter("Invalid targetType '" + targetType + "': the only one is "
            + TARGET_TYPE + ".");
      }
      if (Json.text(attribute, "targetId") == null) {
        throw ApiException.invalidParameter("Attribute " + Json.text(attribute, "name") + " needs a targetId: the"
            + " container instance's ID or ARN.");
      }
    }
    return out;
  }

  private static void checkName(String name) {
    if (name == null || !ATTRIBUTE_NAME.matcher(name).matches()) {
      throw ApiException.invalidParameter("Invalid attribute name '" + name + "': use 1 to 128 letters, digits,"
          + " hyphens, underscores, periods, slashes and backslashes.");
    }
  }

  private static void checkValue(String name, String value) {
    if (!ATTRIBUTE_VALUE.matcher(value).matches() || !value.equals(value.strip())) {
      throw ApiException.invalidParameter("Invalid value '" + value + "' for attribute " + name + ": use 1 to 128"
          + " letters, digits, hyphens, underscores, periods, at signs, slashes, backslashes, colons and spaces"
          + " (no leading or trailing space).");
    }
  }

  /** The attribute's target instance, copied once per request so several attributes edit one copy. */
  private ContainerInstanceEntity target(RequestContext context, String clusterArn, JsonNode attribute,
      Map<String, ContainerInstanceEntity> changed) {
    String targetId = Json.text(attribute, "targetId");
    ContainerInstanceEntity stored = instance(context, clusterArn, targetId);
    if (stored == null || !stored.isRegistered()) {
      throw new ApiException("TargetNotFoundException", "Could not find container instance " + targetId
          + " in cluster " + Arns.lastSegment(clusterArn) + ".");
    }
    return changed.computeIfAbsent(stored.containerInstanceArn, k -> stored.copy());
  }

  private static ArrayNode echo(List<JsonNode> given, Map<String, ContainerInstanceEntity> changed) {
    ArrayNode out = Json.array();
    for (JsonNode attribute : given) {
      ObjectNode item = Json.object().put("name", Json.text(attribute, "name"));
      Json.putIfPresent(item, "value", Json.text(attribute, "value"));
      item.put("targetType", TARGET_TYPE);
      String target = Json.text(attribute, "targetId");
      for (ContainerInstanceEntity instance : changed.values()) {
        if (instance.containerInstanceArn.equals(target) || instance.id.equals(target)) {
          target = instance.containerInstanceArn;
        }
      }
      item.put("targetId", target);
      out.add(item);
    }
    return out;
  }

  private static Map<String, String> attributes(JsonNode attributes) {
    Map<String, String> out = new LinkedHashMap<>();
    if (attributes == null || attributes.isNull()) {
      return out;
    }
    for (JsonNode attribute : attributes) {
      String name = Json.text(attribute, "name");
      checkName(name);
      String value = Json.text(attribute, "value");
      if (value != null) {
        checkValue(name, value);
      }
      out.put(name, value == null ? "" : value);
    }
    return out;
  }

  private static JsonNode identityDocument(String text) {
    if (text == null || text.isBlank()) {
      return Json.object();
    }
    try {
      return Json.parse(text);
    } catch (RuntimeException e) {
      throw ApiException.invalidParameter("instanceIdentityDocument is not the JSON of an EC2 instance identity"
          + " document: " + e.getMessage());
    }
  }

  /** totalResources by name: CPU and MEMORY (INTEGER), PORTS and PORTS_UDP (STRINGSET). */
  private static Map<String, JsonNode> resources(JsonNode resources) {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    if (resources == null || resources.isNull()) {
      return out;
    }
    for (JsonNode resource : resources) {
      String name = Json.text(resource, "name");
      switch (name == null ? "" : name) {
        case "CPU", "MEMORY" -> {
          JsonNode value = resource.has("integerValue") ? resource.get("integerValue") : resource.get("longValue");
          if (value == null || value.asLong() <= 0) {
            throw ApiException.invalidParameter("Resource " + name + " needs a positive integerValue.");
          }
          out.put(name, value);
        }
        case "PORTS", "PORTS_UDP" -> out.put(name, resource.path("stringSetValue"));
        default -> {
          // GPU and other resources are not modelled; ECS accepts them, so does the runtime.
        }
      }
    }
    return out;
  }

  private static List<Integer> ports(JsonNode stringSet) {
    if (stringSet == null) {
      return null;
    }
    List<Integer> out = new ArrayList<>();
    for (JsonNode port : stringSet) {
      try {
        out.add(Integer.parseInt(port.asText().trim()));
      } catch (NumberFormatException e) {
        throw ApiException.invalidParameter("Invalid port '" + port.asText() + "' in a PORTS resource.");
      }
    }
    return out;
  }

  private static String first(String... values) {
    for (String value : values) {
      if (value != null && !value.isEmpty()) {
        return value;
      }
    }
    return null;
  }

  /** An instance by ID or ARN within the cluster (any status), or null. */
  private ContainerInstanceEntity instance(RequestContext context, String clusterArn, String reference) {
    ContainerInstanceEntity instance = state.containerInstances.get(arnOf(context, clusterArn, reference));
    return instance != null && instance.clusterArn.equals(clusterArn) ? instance : null;
  }

  private ContainerInstanceEntity requireRegistered(RequestContext context, String clusterArn, String reference) {
    ContainerInstanceEntity instance = instance(context, clusterArn, reference);
    if (instance == null || !instance.isRegistered()) {
      throw ApiException.invalidParameter("Container instance not found: " + reference + " is not registered with"
          + " cluster " + Arns.lastSegment(clusterArn) + ".");
    }
    return instance;
  }

  private static String arnOf(RequestContext context, String clusterArn, String reference) {
    return Arns.isArn(reference) ? reference
        : Arns.containerInstance(context.region(), Arns.lastSegment(clusterArn), reference);
  }

  private static ObjectNode wrap(ObjectNode instance) {
    ObjectNode out = Json.object();
    out.set("containerInstance", instance);
    return out;
  }

  /** The ContainerInstance shape: registered and remaining resources, task counts, attributes. */
  ObjectNode render(ContainerInstanceEntity instance, boolean includeTags, boolean includeHealth) {
    ClusterSnapshot snapshot = PlacementPass.build(state, instance.clusterArn);
    int index = snapshot.indexOf(instance.containerInstanceArn);
    ObjectNode out = Json.object();
    out.put("containerInstanceArn", instance.containerInstanceArn);
    out.put("ec2InstanceId", instance.ec2InstanceId);
    Json.putIfPresent(out, "capacityProviderName", instance.capacityProviderName);
    out.put("version", instance.version);
    out.putObject("versionInfo").put("agentVersion", instance.agentVersion).put("agentHash", "ecsl")
        .put("dockerVersion", "DockerVersion: 25.0.0");
    ArrayNode remaining = out.putArray("remainingResources");
    int pending = 0;
    int running = 0;
    if (index >= 0) {
      integer(remaining, "CPU", snapshot.cpuLeft(index));
      integer(remaining, "MEMORY", snapshot.memoryLeft(index));
      stringSet(remaining, "PORTS", snapshot.usedPorts(index, false));
      stringSet(remaining, "PORTS_UDP", snapshot.usedPorts(index, true));
      running = snapshot.tasksOn(index);
      pending = snapshot.pendingTasksOn(index);
    } else {
      integer(remaining, "CPU", instance.cpu);
      integer(remaining, "MEMORY", instance.memory);
      stringSet(remaining, "PORTS", Set.copyOf(instance.reservedTcpPorts));
      stringSet(remaining, "PORTS_UDP", Set.copyOf(instance.reservedUdpPorts));
    }
    ArrayNode registered = out.putArray("registeredResources");
    integer(registered, "CPU", instance.cpu);
    integer(registered, "MEMORY", instance.memory);
    stringSet(registered, "PORTS", Set.copyOf(instance.reservedTcpPorts));
    stringSet(registered, "PORTS_UDP", Set.copyOf(instance.reservedUdpPorts));
    out.put("status", instance.status);
    Json.putIfPresent(out, "statusReason", instance.statusReason);
    out.put("agentConnected", instance.agentConnected);
    out.put("runningTasksCount", running);
    out.put("pendingTasksCount", pending);
    ArrayNode attributes = out.putArray("attributes");
    instance.attributes.forEach((name, value) -> {
      ObjectNode attribute = attributes.addObject().put("name", name);
      if (!value.isEmpty()) {
        attribute.put("value", value);
      }
    });
    out.set("registeredAt", Json.timestamp(instance.registeredAt));
    out.putArray("attachments");
    if (includeTags) {
      out.set("tags", renderer.tagsOf(instance.containerInstanceArn));
    }
    if (includeHealth) {
      ObjectNode health = out.putObject("healthStatus");
      String status = instance.agentConnected ? "OK" : "IMPAIRED";
      health.put("overallStatus", status);
      health.putArray("details").addObject().put("type", "CONTAINER_RUNTIME").put("status", status)
          .set("lastUpdated", Json.timestamp(plane.clock().instant()));
    }
    return out;
  }

  private static void integer(ArrayNode resources, String name, int value) {
    resources.addObject().put("name", name).put("type", "INTEGER").put("doubleValue", 0.0).put("longValue", 0)
        .put("integerValue", value);
  }

  private static void stringSet(ArrayNode resources, String name, Set<Integer> ports) {
    ArrayNode values = resources.addObject().put("name", name).put("type", "STRINGSET").put("doubleValue", 0.0)
        .put("longValue", 0).put("integerValue", 0).putArray("stringSetValue");
    new TreeSet<>(ports).forEach(p -> values.add(Integer.toString(p)));
  }

}
