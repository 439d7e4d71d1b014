package io.ecsl.runtime.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.runtime.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a task runs: its task definition with RunTask overrides applied, in the typed form the
 * lifecycle needs. Container definitions keep their JSON ({@link ContainerDefinition#json}) for
 * the Docker mapping, which reads many optional fields.
 */
public record TaskSpec(
    String family,
    int revision,
    String networkMode,
    String cpu,
    String memory,
    String pidMode,
    String ipcMode,
    List<ContainerDefinition> containers,
    List<VolumeDefinition> volumes,
    String taskRoleArn) {

  /** ECS on EC2 defaults to bridge when the task definition does not say (§1.1). */
  public static final String DEFAULT_NETWORK_MODE = "bridge";

  public boolean isAwsvpc() {
    return "awsvpc".equals(networkMode);
  }

  public ContainerDefinition container(String name) {
    for (ContainerDefinition container : containers) {
      if (container.name().equals(name)) {
        return container;
      }
    }
    return null;
  }

  public VolumeDefinition volume(String name) {
    for (VolumeDefinition volume : volumes) {
      if (volume.name().equals(name)) {
        return volume;
      }
    }
    return null;
  }

  /** Builds the spec from a stored TaskDefinition document and an optional TaskOverride. */
  public static TaskSpec of(JsonNode taskDefinition, JsonNode overrides) {
    Map<String, JsonNode> containerOverrides = new LinkedHashMap<>();
    for (JsonNode override : Json.list(overrides, "containerOverrides")) {
      containerOverrides.put(Json.text(override, "name", ""), override);
    }
    List<ContainerDefinition> containers = new ArrayList<>();
    for (JsonNode definition : Json.list(taskDefinition, "containerDefinitions")) {
      ObjectNode effective = definition.deepCopy();
      JsonNode override = containerOverrides.get(Json.text(definition, "name", ""));
      if (override != null) {
        applyOverride(effective, override);
      }
      containers.add(ContainerDefinition.of(effective));
    }
    List<VolumeDefinition> volumes = new ArrayList<>();
    for (JsonNode volume : Json.list(taskDefinition, "volumes")) {
      volumes.add(new VolumeDefinition(Json.text(volume, "name", ""), volume));
    }
    return new TaskSpec(
        Json.text(taskDefinition, "family"),
        Json.integer(taskDefinition, "revision", 0),
        Json.text(taskDefinition, "networkMode", DEFAULT_NETWORK_MODE),
        firstNonNull(Json.text(overrides, "cpu"), Json.text(taskDefinition, "cpu")),
        firstNonNull(Json.text(overrides, "memory"), Json.text(taskDefinition, "memory")),
        Json.text(taskDefinition, "pidMode"),
        Json.text(taskDefinition, "ipcMode"),
        List.copyOf(containers),
        List.copyOf(volumes),
        firstNonNull(Json.text(overrides, "taskRoleArn"), Json.text(taskDefinition, "taskRoleArn")));
  }

  private static void applyOverride(ObjectNode definition, JsonNode override) {
    for (String field : List.of("command", "cpu", "memory", "memoryReservation",
        "resourceRequirements", "environmentFiles")) {
      if (override.has(field) && !override.get(field).isNull()) {
        definition.set(field, override.get(field));
      }
    }
    if (override.has("environment")) {
      // Override values replace same-named variables; the rest of the definition's stay.
      Map<String, JsonNode> merged = new LinkedHashMap<>();
      for (JsonNode pair : Json.list(definition, "environment")) {
        merged.put(Json.text(pair, "name", ""), pair);
      }
      for (JsonNode pair : Json.list(override, "environment")) {
        merged.put(Json.text(pair, "name", ""), pair);
      }
      ArrayNode environment = Json.array();
      merged.values().forEach(environment::add);
      definition.set("environment", environment);
    }
  }

  private static String firstNonNull(String a, String b) {
    return a != null ? a : b;
  }

  /** A container of the task, with the fields the lifecycle reads typed. */
  public record ContainerDefinition(
      String name,
      String image,
      boolean essential,
      List<Dependency> dependsOn,
      Integer startTimeout,
      Integer stopTimeout,
      boolean hasHealthCheck,
      List<PortMapping> portMappings,
      List<String> volumesFrom,
      List<String> links,
      JsonNode json) {

    static ContainerDefinition of(JsonNode json) {
      List<Dependency> dependsOn = new ArrayList<>();
      for (JsonNode dependency : Json.list(json, "dependsOn")) {
        dependsOn.add(new Dependency(Json.text(dependency, "containerName"),
            Json.text(dependency, "condition", "START")));
      }
      List<PortMapping> ports = new ArrayList<>();
      for (JsonNode mapping : Json.list(json, "portMappings")) {
        if (mapping.has("containerPort")) {
          ports.add(new PortMapping(Json.integer(mapping, "containerPort", 0),
              Json.integer(mapping, "hostPort"), Json.text(mapping, "protocol", "tcp")));
        }
      }
      List<String> volumesFrom = new ArrayList<>();
      for (JsonNode source : Json.list(json, "volumesFrom")) {
        volumesFrom.add(Json.text(source, "sourceContainer"));
      }
      List<String> links = new ArrayList<>();
      for (String link : Json.strings(json, "links")) {
        links.add(link.contains(":") ? link.substring(0, link.indexOf(':')) : link);
      }
      JsonNode healthCheck = json.get("healthCheck");
      return new ContainerDefinition(
          Json.text(json, "name"),
          Json.text(json, "image"),
          Json.bool(json, "essential", true),
          List.copyOf(dependsOn),
          Json.integer(json, "startTimeout"),
          Json.integer(json, "stopTimeout"),
          healthCheck != null && healthCheck.has("command"),
          List.copyOf(ports),
          List.copyOf(volumesFrom),
          List.copyOf(links),
          json);
    }

    /**
     * Containers this one must wait for: its {@code dependsOn}, plus an implicit START on every
     * {@code volumesFrom} source and link target (the agent orders those too, §2.7).
     */
    public List<Dependency> startDependencies() {
      List<Dependency> all = new ArrayList<>(dependsOn);
      for (String implicit : concat(volumesFrom, links)) {
        boolean declared = all.stream().anyMatch(d -> d.containerName().equals(implicit));
        if (!declared) {
          all.add(new Dependency(implicit, "START"));
        }
      }
      return all;
    }

    private static List<String> concat(List<String> a, List<String> b) {
      List<String> out = new ArrayList<>(a);
      out.addAll(b);
      return out;
    }
  }

  /** A {@code dependsOn} entry: START, COMPLETE, SUCCESS or HEALTHY. */
  public record Dependency(String containerName, String condition) {}

  /** A port mapping; {@code hostPort} null or 0 means "let the runtime choose". */
  public record PortMapping(int containerPort, Integer hostPort, String protocol) {}

  /** A task-level volume; its JSON says which kind (host, dockerVolumeConfiguration, efs, ...). */
  public record VolumeDefinition(String name, JsonNode json) {}
}
