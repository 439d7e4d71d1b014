package io.ecsl.cli.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.model.EcsModel;
import io.ecsl.model.LocalGroup;
import io.ecsl.model.Resource;
import io.ecsl.model.ResourceKind;
import io.ecsl.runtime.client.RuntimeClient;
import io.ecsl.runtime.json.Json;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The capacity providers' {@code local_group} blocks, told to the local runtime: what each Auto
 * Scaling group holds there (docs/runtime-model.md, "Auto Scaling groups"). Only the local
 * target hears of them; for AWS they do not exist. {@link #differences} is what plan shows,
 * {@link #sync} what apply does (before the plan's steps, so a provider's first instances are
 * already of the declared type).
 */
final class LocalGroups {
  private LocalGroups() {}

  /** A group the project describes differently from the runtime (or one it has not heard of). */
  record Difference(String provider, String line, ObjectNode declaration) {}

  static List<Difference> differences(EcsModel model, RuntimeClient runtime) {
    List<Difference> out = new ArrayList<>();
    List<Resource> declared = model.ofKind(ResourceKind.CAPACITY_PROVIDER).stream()
        .filter(r -> r.localGroup() != null).toList();
    if (declared.isEmpty()) {
      return out;
    }
    Map<String, JsonNode> held = new HashMap<>();
    runtime.autoScalingGroups().forEach(g -> held.put(Json.text(g, "autoScalingGroupArn"), g));
    for (Resource provider : declared) {
      ObjectNode declaration = declaration(provider, model.region());
      JsonNode current = held.get(Json.text(declaration, "autoScalingGroupArn"));
      String summary = summary(provider.localGroup());
      if (current == null || !Json.bool(current, "declared", false)) {
        out.add(new Difference(provider.name(), "+ local_group of capacity provider " + provider.name() + ": " + summary,
            declaration));
      } else if (!same(current, provider.localGroup())) {
        out.add(new Difference(provider.name(), "~ local_group of capacity provider " + provider.name() + ": " + summary,
            declaration));
      }
    }
    return out;
  }

  /** Tells the runtime each differing group; returns what to print. */
  static List<String> sync(List<Difference> differences, RuntimeClient client) {
    List<String> out = new ArrayList<>();
    for (Difference difference : differences) {
      JsonNode group = client.putAutoScalingGroup(difference.declaration());
      out.add("Local runtime: the Auto Scaling group of capacity provider " + difference.provider() + " simulates "
          + Json.integer(group, "desiredCapacity", 0) + " × " + Json.text(group, "instanceType") + " in "
          + String.join(", ", Json.strings(group, "zones")) + ".");
    }
    return out;
  }

  static ObjectNode declaration(Resource provider, String region) {
    LocalGroup group = provider.localGroup();
    ObjectNode out = Json.object();
    out.put("autoScalingGroupArn", provider.primary().body().path("autoScalingGroupProvider")
        .path("autoScalingGroupArn").asText());
    Json.putIfPresent(out, "region", region);
    out.put("instanceType", group.instanceType());
    out.set("zones", Json.arrayOf(group.zones()));
    out.put("minSize", group.minSize());
    out.put("maxSize", group.maxSize());
    Json.putIfPresent(out, "desiredCapacity", group.desiredCapacity());
    Json.putIfPresent(out, "warmupSeconds", group.warmupSeconds());
    Json.putIfPresent(out, "scaleInAfterSeconds", group.scaleInAfterSeconds());
    return out;
  }

  private static boolean same(JsonNode held, LocalGroup group) {
    return held.path("instanceType").asText().equals(group.instanceType())
        && (group.zones().isEmpty() || Json.strings(held, "zones").equals(group.zones()))
        && held.path("minSize").asInt() == group.minSize()
        && held.path("maxSize").asInt() == group.maxSize()
        && (group.desiredCapacity() == null || Objects.equals(Json.integer(held, "declaredDesiredCapacity"),
            group.desiredCapacity()))
        && (group.warmupSeconds() == null || held.path("warmupSeconds").asLong() == group.warmupSeconds())
        && (group.scaleInAfterSeconds() == null
            || held.path("scaleInAfterSeconds").asLong() == group.scaleInAfterSeconds());
  }

  private static String summary(LocalGroup group) {
    return group.instanceType() + (group.zones().isEmpty() ? "" : " in " + String.join(", ", group.zones()))
        + ", min " + group.minSize() + (group.desiredCapacity() == null ? "" : ", desired " + group.desiredCapacity())
        + ", max " + group.maxSize();
  }
}
