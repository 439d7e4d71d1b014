package io.ecsl.runtime.api.ecs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.runtime.api.ApiException;
import io.ecsl.runtime.json.Json;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The checks RegisterTaskDefinition makes (ECS semantics §2, Appendix B messages where known),
 * and the normalization it applies ({@code "1 vCPU"} → {@code "1024"}, {@code "2GB"} →
 * {@code "2048"}). Every failure is a ClientException naming the container or field.
 */
final class TaskDefinitionValidator {
  private static final Pattern NAME = Pattern.compile("^[A-Za-z0-9_-]{1,255}$");
  private static final Pattern VCPU = Pattern.compile("^\\s*(\\d*\\.?\\d+)\\s*vcpu\\s*$", Pattern.CASE_INSENSITIVE);
  private static final Pattern GB = Pattern.compile("^\\s*(\\d*\\.?\\d+)\\s*gb\\s*$", Pattern.CASE_INSENSITIVE);
  private static final Set<String> NETWORK_MODES = Set.of("bridge", "host", "awsvpc", "none");
  private static final Set<String> CONDITIONS = Set.of("START", "COMPLETE", "SUCCESS", "HEALTHY");
  private static final Map<Integer, int[]> FARGATE_MEMORY = Map.of(
      256, new int[] {512, 2048, 512},
      512, new int[] {1024, 4096, 1024},
      1024, new int[] {2048, 8192, 1024},
      2048, new int[] {4096, 16384, 1024},
      4096, new int[] {8192, 30720, 1024},
      8192, new int[] {16384, 61440, 4096},
      16384, new int[] {32768, 122880, 8192});

  private TaskDefinitionValidator() {}

  /** Validates and normalizes the request in place. */
  static void validate(ObjectNode request) {
    String family = Json.text(request, "family");
    if (family == null || !NAME.matcher(family).matches()) {
      throw client("Invalid family '" + family + "': use 1 to 255 letters, digits, hyphens and underscores.");
    }
    normalizeSize(request);
    List<JsonNode> containers = Json.list(request, "containerDefinitions");
    if (containers.isEmpty() || containers.size() > 10) {
      throw client("A task definition must have between 1 and 10 containerDefinitions; " + family + " has "
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
      if (!NAME.matcher(name).matches()) {
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

  static void normalizeSize(ObjectNode request) {
    String cpu = Json.text(request, "cpu");
    if (cpu != null) {
      Matcher vcpu = VCPU.matcher(cpu);
      String units = vcpu.matches() ? new BigDecimal(vcpu.group(1)).multiply(BigDecimal.valueOf(1024))
          .stripTrailingZeros().toPlainString() : cpu.trim();
      if (!units.matches("\\d+")) {
        throw client("Invalid 'cpu' setting for task. For more information, see the Troubleshooting section of"
            + " the Amazon ECS Developer Guide.");
      }
      request.put("cpu", units);
    }
    String memory = Json.text(request, "memory");
    if (memory != null) {
      Matcher gb = GB.matcher(memory);
      String mib = gb.matches() ? new BigDecimal(gb.group(1)).multiply(BigDecimal.valueOf(1024))
          .stripTrailingZeros().toPlainString() : memory.trim();
      if (!mib.matches("\\d+")) {
        throw client("Invalid 'memory' setting for task: '" + memory + "'; give MiB (\"2048\") or GB (\"2 GB\").");
      }
      request.put("memory", mib);
    }
  }

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
    int[] range = FARGATE_MEMORY.get(Integer.parseInt(cpu));
    int mib = Integer.parseInt(memory);
    if (range == null || mib < range[0] || mib > range[1] || (mib - range[0]) % range[2] != 0) {
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
