package io.ecsl.runtime.api.ecs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.facts.limits.EcsLimit;
import io.ecsl.facts.limits.EcsName;
import io.ecsl.facts.size.FargateTaskSizes;
import io.ecsl.facts.size.TaskSize;
import io.ecsl.runtime.api.ApiException;
import io.ecsl.runtime.json.Json;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The checks RegisterTaskDefinition makes (ECS semantics §2, Appendix B messages where known),
 * and the normalization it applies ({@code "1 vCPU"} → {@code "1024"}, {@code "2GB"} →
 * {@code "2048"}). Every failure is a ClientException naming the container or field.
 */
final class TaskDefinitionValidator {
  private static final Set<String> NETWORK_MODES = Set.of("bridge", "host", "awsvpc", "none");
  private static final Set<String> CONDITIONS = Set.of("START", "COMPLETE", "SUCCESS", "HEALTHY");

  private TaskDefinitionValidator() {}

  /** Validates and normalizes the request in place. */
  static void validate(ObjectNode request) {
    int size = Json.write(request).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    if (EcsLimit.TASK_DEFINITION_BYTES.exceededBy(size)) {
      throw client("The task definition is " + size + " bytes of JSON; ECS accepts at most "
          + EcsLimit.TASK_DEFINITION_BYTES.max() + " (64 KiB). Move large values (scripts, configuration) into the"
          + " image, an environment file or a secret.");
    }
    String family = Json.text(request, "family");
    if (!EcsName.TASK_DEFINITION_FAMILY.isValid(family)) {
      throw client("Invalid family '" + family + "': use 1 to 255 letters, digits, hyphens and underscores.");
    }
    normalizeSize(request);
    List<JsonNode> containers = Json.list(request, "containerDefinitions");
    if (!EcsLimit.CONTAINERS_PER_TASK_DEFINITION.allows(containers.size())) {
      throw client("A task definition must have between " + EcsLimit.CONTAINERS_PER_TASK_DEFINITION.min() + " and "
          + EcsLimit.CONTAINERS_PER_TASK_DEFINITION.max() + " containerDefinitions; " + family + " has "
          + containers.size() + ".");
    }
    String networkMode = Json.text(request, "networkMode");
    if (networkMode != null && !NETWORK_MODES.contains(networkMode)) {
      throw client("Invalid networkMode '" + networkMode + "': use bridge, host, awsvpc or none.");
    }
    boolean fargate = Json.strings(request, "requiresCompatibilities").contains("FARGATE");
    if (fargate) {
      validateFargate(request, networkMode);
    }
    Set<String> volumes = new HashSet<>();
    for (JsonNode volume : Json.list(request, "volumes")) {
      volumes.add(Json.text(volume, "name", ""));
    }
    Map<String, JsonNode> byName = new HashMap<>();
    boolean anyEssential = false;
    for (JsonNode container : containers) {
      String name = Json.text(container, "name");
      if (name == null || name.isEmpty()) {
        throw client("Container.name should not be null or empty.");
      }
      if (!EcsName.CONTAINER.isValid(name)) {
        throw client("Invalid container name '" + name + "': use 1 to 255 letters, digits, hyphens and underscores.");
      }
      if (byName.put(name, container) != null) {
        throw client("Duplicate container name '" + name + "': container names must be unique in a task definition.");
      }
      String image = Json.text(container, "image");
      if (image == null || image.isEmpty()) {
        throw client("Container.image should not be null or empty.");
      }
      anyEssential |= Json.bool(container, "essential", true);
      if (request.get("memory") == null && Json.integer(container, "memory") == null
          && Json.integer(container, "memoryReservation") == null) {
        throw client("Invalid setting for container '" + name + "'. At least one of 'memory' or"
            + " 'memoryReservation' must be specified.");
      }
      Integer memory = Json.integer(container, "memory");
      Integer reservation = Json.integer(container, "memoryReservation");
      if (memory != null && reservation != null && memory < reservation) {
        throw client("Invalid setting for container '" + name + "': memory (" + memory
            + " MiB) must not be less than memoryReservation (" + reservation + " MiB).");
      }
      validatePorts(container, name, networkMode == null ? "bridge" : networkMode);
      validateHealthCheck(container.get("healthCheck"), name);
      for (JsonNode mount : Json.list(container, "mountPoints")) {
        String source = Json.text(mount, "sourceVolume");
        if (!volumes.contains(source)) {
          throw client("Invalid mount point in container '" + name + "': sourceVolume '" + source
              + "' is not one of the task definition's volumes " + volumes + ".");
        }
      }
    }
    if (!anyEssential) {
      throw client("At least one essential container is required: every container of " + family
          + " sets essential to false.");
    }
    validateReferences(byName);
  }

  /** Stores task cpu and memory in the integer form ECS stores ("1 vCPU" → "1024", "2 GB" → "2048"). */
  static void normalizeSize(ObjectNode request) {
    String cpu = Json.text(request, "cpu");
    if (cpu != null) {
      OptionalLong units = TaskSize.cpuUnits(cpu);
      if (units.isEmpty() || EcsLimit.TASK_CPU_UNITS.exceededBy(units.getAsLong())) {
        throw client("Invalid 'cpu' setting for task. For more information, see the Troubleshooting section of"
            + " the Amazon ECS Developer Guide.");
      }
      request.put("cpu", String.valueOf(units.getAsLong()));
    }
    String memory = Json.text(request, "memory");
    if (memory != null) {
      OptionalLong mib = TaskSize.memoryMiB(memory);
      if (mib.isEmpty()) {
        throw client("Invalid 'memory' setting for task: '" + memory + "'; give MiB (\"2048\") or GB (\"2 GB\").");
      }
      // The API's memory is a 32-bit integer once stored; a larger number cannot be a task size.
      if (mib.getAsLong() > Integer.MAX_VALUE) {
        throw client("Invalid 'memory' setting for task: '" + memory + "' is more than " + Integer.MAX_VALUE + " MiB.");
      }
      request.put("memory", String.valueOf(mib.getAsLong()));
    }
  }

  /** Fargate's own checks (ecs-semantics §2.1), in ECS's words (Appendix B), on the normalized sizes. */
  static void validateFargate(ObjectNode request, String networkMode) {
    if (!"awsvpc".equals(networkMode)) {
      throw client("Fargate only supports network mode 'awsvpc'.");
    }
    String cpu = Json.text(request, "cpu");
    String memory = Json.text(request, "memory");
    if (cpu == null) {
      throw client("Fargate requires that 'cpu' be defined at the task level.");
    }
    if (memory == null) {
      throw client("Fargate requires that 'memory' be defined at the task level.");
    }
    String family = Json.text(request.path("runtimePlatform"), "operatingSystemFamily");
    if (!FargateTaskSizes.valid(Long.parseLong(cpu), Long.parseLong(memory), FargateTaskSizes.Os.of(family))) {
      throw client("No Fargate configuration exists for given values: " + cpu + " CPU, " + memory + " memory.");
    }
  }

  private static void validatePorts(JsonNode container, String name, String networkMode) {
    Set<Integer> seen = new HashSet<>();
    for (JsonNode mapping : Json.list(container, "portMappings")) {
      Integer containerPort = Json.integer(mapping, "containerPort");
      Integer hostPort = Json.integer(mapping, "hostPort");
      if ("none".equals(networkMode)) {
        throw client("Container '" + name + "' has portMappings but networkMode is 'none', which allows none.");
      }
      if (containerPort == null || containerPort < 1 || containerPort > 65535) {
        if (mapping.has("containerPortRange")) {
          continue;
        }
        throw client("Invalid containerPort " + containerPort + " in container '" + name + "': use 1 to 65535.");
      }
      if (("awsvpc".equals(networkMode) || "host".equals(networkMode)) && hostPort != null && hostPort != 0
          && !hostPort.equals(containerPort)) {
        throw client("When networkMode=" + networkMode + ", the host ports and container ports in port mappings"
            + " must match.");
      }
      if (!seen.add(containerPort)) {
        throw client("Container '" + name + "' maps containerPort " + containerPort + " more than once.");
      }
    }
  }

  private static void validateHealthCheck(JsonNode check, String name) {
    if (check == null || check.isNull()) {
      return;
    }
    List<String> command = Json.strings(check, "command");
    if (command.isEmpty() || !(command.get(0).equals("CMD") || command.get(0).equals("CMD-SHELL"))) {
      throw client("Invalid healthCheck.command in container '" + name + "': it must start with \"CMD\" or"
          + " \"CMD-SHELL\", e.g. [\"CMD-SHELL\", \"curl -f http://localhost/ || exit 1\"].");
    }
    range(check, "interval", 5, 300, name);
    range(check, "timeout", 2, 60, name);
    range(check, "retries", 1, 10, name);
    range(check, "startPeriod", 0, 300, name);
  }

  private static void range(JsonNode check, String field, int min, int max, String name) {
    Integer value = Json.integer(check, field);
    if (value != null && (value < min || value > max)) {
      throw client("Invalid healthCheck." + field + " " + value + " in container '" + name + "': valid values are "
          + min + " to " + max + ".");
    }
  }

  /** dependsOn and volumesFrom name containers of the same task; dependencies form no cycle. */
  private static void validateReferences(Map<String, JsonNode> byName) {
    Map<String, List<String>> edges = new HashMap<>();
    for (Map.Entry<String, JsonNode> entry : byName.entrySet()) {
      String name = entry.getKey();
      for (JsonNode dependency : Json.list(entry.getValue(), "dependsOn")) {
        String target = Json.text(dependency, "containerName");
        String condition = Json.text(dependency, "condition", "");
        if (!byName.containsKey(target) || target.equals(name)) {
          throw client("Container '" + name + "' dependsOn '" + target + "', which is not another container of"
              + " this task definition.");
        }
        if (!CONDITIONS.contains(condition)) {
          throw client("Invalid dependsOn condition '" + condition + "' in container '" + name
              + "': use START, COMPLETE, SUCCESS or HEALTHY.");
        }
        JsonNode targetDefinition = byName.get(target);
        if (condition.equals("HEALTHY") && !targetDefinition.has("healthCheck")) {
          throw client("Container '" + name + "' waits for '" + target + "' to be HEALTHY, but '" + target
              + "' has no healthCheck; add one or use condition START.");
        }
        edges.computeIfAbsent(name, k -> new java.util.ArrayList<>()).add(target);
      }
      for (JsonNode from : Json.list(entry.getValue(), "volumesFrom")) {
        String source = Json.text(from, "sourceContainer");
        if (!byName.containsKey(source) || source.equals(name)) {
          throw client("Container '" + name + "' has volumesFrom '" + source + "', which is not another"
              + " container of this task definition.");
        }
      }
    }
    Set<String> done = new HashSet<>();
    for (String name : byName.keySet()) {
      if (cycle(name, edges, new HashSet<>(), done)) {
        throw client("The containers' dependsOn form a cycle through '" + name + "'; no start order exists.");
      }
    }
  }

  private static boolean cycle(String name, Map<String, List<String>> edges, Set<String> path, Set<String> done) {
    if (done.contains(name)) {
      return false;
    }
    if (!path.add(name)) {
      return true;
    }
    for (String next : edges.getOrDefault(name, List.of())) {
      if (cycle(next, edges, path, done)) {
        return true;
      }
    }
    path.remove(name);
    done.add(name);
    return false;
  }

  private static ApiException client(String message) {
    return new ApiException("ClientException", message);
  }
}
