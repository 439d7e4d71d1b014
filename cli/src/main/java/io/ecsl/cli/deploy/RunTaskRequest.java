package io.ecsl.cli.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.emit.Json;
import io.ecsl.facts.size.TaskSize;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The RunTask request {@code ecsl run} makes: the task definition's revision on the chosen cluster,
 * with the command line's overrides (command and environment of one container, task size),
 * capacity (launch type or strategy, in the language's syntax) and network. Pure: options in,
 * request out, or a {@link Problem} saying what to fix.
 */
final class RunTaskRequest {
  /** What the user asked for on the command line. */
  record Options(int count, List<String> command, String container, Map<String, String> env, String cpu,
      String memory, String launchType, String strategy, List<String> subnets, List<String> securityGroups,
      boolean publicIp, String group, String startedBy, Map<String, String> tags) {}

  /** An option that cannot be used as given; the message says what to do. */
  static final class Problem extends RuntimeException {
    Problem(String message) {
      super(message);
    }
  }

  /** Subnets the local runtime accepts for awsvpc tasks when none are given (it has no VPC). */
  static final List<String> LOCAL_SUBNETS = List.of("subnet-ecsl-local");

  private RunTaskRequest() {}

  /**
   * @param definition the declared RegisterTaskDefinition request (container names, network mode)
   * @param projectNetwork an awsvpcConfiguration a service or schedule of the project uses for this
   *     task definition, or null
   * @param local true on the local runtime, which needs no real subnets
   */
  static ObjectNode build(String cluster, String taskDefinitionArn, JsonNode definition, Options options,
      JsonNode projectNetwork, boolean local) {
    if (options.count() < 1 || options.count() > 10) {
      throw new Problem("--count must be between 1 and 10 (RunTask starts at most 10 tasks); got " + options.count());
    }
    ObjectNode request = Json.mapper().createObjectNode();
    request.put("cluster", cluster);
    request.put("taskDefinition", taskDefinitionArn);
    request.put("count", options.count());
    put(request, "group", options.group());
    put(request, "startedBy", options.startedBy());
    ObjectNode overrides = overrides(definition, options);
    if (!overrides.isEmpty()) {
      request.set("overrides", overrides);
    }
    if (options.launchType() != null && options.strategy() != null) {
      throw new Problem("give --launch-type or --strategy, not both (ECS takes one or the other)");
    }
    put(request, "launchType", options.launchType());
    if (options.strategy() != null) {
      request.set("capacityProviderStrategy", strategy(options.strategy()));
    }
    if ("awsvpc".equals(definition.path("networkMode").asText(null))) {
      request.set("networkConfiguration", network(options, projectNetwork, local, definition));
    } else if (!options.subnets().isEmpty() || !options.securityGroups().isEmpty()) {
      throw new Problem("--subnets and --security-groups apply to awsvpc tasks; task "
          + definition.path("family").asText() + " uses " + definition.path("networkMode").asText("bridge"));
    }
    if (!options.tags().isEmpty()) {
      ArrayNode tags = request.putArray("tags");
      options.tags().forEach((k, v) -> tags.addObject().put("key", k).put("value", v));
    }
    return request;
  }

  private static ObjectNode overrides(JsonNode definition, Options options) {
    ObjectNode overrides = Json.mapper().createObjectNode();
    if (options.cpu() != null) {
      overrides.put("cpu", Long.toString(TaskSize.cpuUnits(options.cpu()).orElseThrow(() -> new Problem("--cpu "
          + options.cpu() + " is not a CPU size: give units (256) or vCPU (0.25 vcpu)"))));
    }
    if (options.memory() != null) {
      overrides.put("memory", Long.toString(TaskSize.memoryMiB(options.memory()).orElseThrow(() -> new Problem(
          "--memory " + options.memory() + " is not a memory size: give MiB (512) or GB (1 GB)"))));
    }
    if (options.command().isEmpty() && options.env().isEmpty()) {
      if (options.container() != null) {
        container(definition, options.container());
      }
      return overrides;
    }
    ObjectNode container = overrides.putArray("containerOverrides").addObject();
    container.put("name", container(definition, options.container()));
    if (!options.command().isEmpty()) {
      container.set("command", Json.mapper().valueToTree(options.command()));
    }
    if (!options.env().isEmpty()) {
      ArrayNode env = container.putArray("environment");
      options.env().forEach((k, v) -> env.addObject().put("name", k).put("value", v));
    }
    return overrides;
  }

  /** The container the overrides go to: the one named, else the first essential one. */
  static String container(JsonNode definition, String named) {
    List<String> names = new ArrayList<>();
    String firstEssential = null;
    for (JsonNode container : definition.path("containerDefinitions")) {
      String name = container.path("name").asText();
      names.add(name);
      if (firstEssential == null && container.path("essential").asBoolean(true)) {
        firstEssential = name;
      }
    }
    if (named == null) {
      return firstEssential;
    }
    if (!names.contains(named)) {
      throw new Problem("task " + definition.path("family").asText() + " has no container " + named + "; its containers: "
          + String.join(", ", names));
    }
    return named;
  }

  /** {@code FARGATE base 1 weight 1, FARGATE_SPOT weight 3}, as in the language. */
  static ArrayNode strategy(String text) {
    ArrayNode out = Json.mapper().createArrayNode();
    for (String item : text.split(",")) {
      String[] words = item.trim().split("\\s+");
      if (words.length == 0 || words[0].isEmpty() || words.length % 2 == 0) {
        throw new Problem("--strategy takes items like `FARGATE base 1 weight 1, FARGATE_SPOT weight 3`; not `"
            + item.trim() + "`");
      }
      ObjectNode entry = out.addObject().put("capacityProvider", words[0]);
      for (int i = 1; i < words.length; i += 2) {
        if (!List.of("base", "weight").contains(words[i]) || !words[i + 1].matches("\\d{1,6}")) {
          throw new Problem("--strategy item `" + item.trim() + "`: after the provider come `base N` and `weight N`");
        }
        entry.put(words[i], Integer.parseInt(words[i + 1]));
      }
    }
    return out;
  }

  private static ObjectNode network(Options options, JsonNode projectNetwork, boolean local, JsonNode definition) {
    ObjectNode awsvpc = Json.mapper().createObjectNode();
    if (!options.subnets().isEmpty()) {
      awsvpc.set("subnets", Json.mapper().valueToTree(options.subnets()));
      if (!options.securityGroups().isEmpty()) {
        awsvpc.set("securityGroups", Json.mapper().valueToTree(options.securityGroups()));
      }
    } else if (projectNetwork != null) {
      awsvpc = projectNetwork.deepCopy();
    } else if (local) {
      awsvpc.set("subnets", Json.mapper().valueToTree(LOCAL_SUBNETS));
    } else {
      throw new Problem("task " + definition.path("family").asText() + " uses awsvpc networking and no service or"
          + " schedule of the project says where: pass --subnets (and --security-groups)");
    }
    if (options.publicIp()) {
      awsvpc.put("assignPublicIp", "ENABLED");
    }
    ObjectNode out = Json.mapper().createObjectNode();
    out.set("awsvpcConfiguration", awsvpc);
    return out;
  }

  private static void put(ObjectNode node, String field, String value) {
    if (value != null) {
      node.put(field, value);
    }
  }

  /** {@code K=V} pairs from repeated options, in order. */
  static Map<String, String> pairs(List<String> values, String option) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String value : values) {
      int eq = value.indexOf('=');
      if (eq <= 0) {
        throw new Problem(option + " takes NAME=VALUE; got `" + value + "`");
      }
      out.put(value.substring(0, eq), value.substring(eq + 1));
    }
    return out;
  }
}
