package io.ecsl.rules.capacity;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.model.Resource;
import io.ecsl.rules.BaseRule;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;
import io.ecsl.schema.Shape;
import java.util.Map;

/**
 * E2106: the instance requirements of a Managed Instances provider can be met: every
 * {@code {min, max}} range (vCPUs, memory, memory per vCPU, accelerators, bandwidth …) has
 * {@code 0 <= min <= max}, and allowed and excluded instance types are not both given (EC2's
 * attribute-based selection takes one or the other).
 */
public final class InstanceRequirements extends BaseRule {
  /** How the language spells the ranges that have a short name. */
  private static final Map<String, String> SPELLED = Map.of("vCpuCount", "vcpus", "memoryMiB", "memory",
      "memoryGiBPerVCpu", "memory_per_vcpu");
  /** The unit the API counts a range in, where it has one. */
  private static final Map<String, String> UNITS = Map.of("memoryMiB", " MiB", "memoryGiBPerVCpu", " GiB");

  public InstanceRequirements() {
    super("E2106", "Managed Instances instance requirements: ranges with 0 <= min <= max; allowed or excluded instance types, not both",
        "EC2 API (InstanceRequirementsRequest)");
  }

  @Override
  public void check(RuleContext ctx) {
    for (Resource r : ctx.index().capacityProviders()) {
      JsonNode requirements = Nodes.object(Nodes.object(ManagedInstancesProviders.settings(r), "instanceLaunchTemplate"),
          "instanceRequirements");
      if (requirements == null) {
        continue;
      }
      String base = "/managedInstancesProvider/instanceLaunchTemplate/instanceRequirements";
      for (Map.Entry<String, JsonNode> e : requirements.properties()) {
        JsonNode range = e.getValue();
        if (!range.isObject() || !range.has("min") && !range.has("max")) {
          continue;
        }
        Double min = Nodes.number(range, "min");
        Double max = Nodes.number(range, "max");
        String unit = UNITS.getOrDefault(e.getKey(), "");
        String name = "`" + SPELLED.getOrDefault(e.getKey(), Shape.snake(e.getKey())) + "`";
        if (min != null && min < 0 || max != null && max < 0) {
          ctx.report(r, base + "/" + e.getKey() + (min != null && min < 0 ? "/min" : "/max"), name + " of capacity provider `"
              + r.name() + "` is negative", "use 0 or more");
        } else if (min != null && max != null && min > max) {
          ctx.report(r, base + "/" + e.getKey() + "/min", name + " of capacity provider `" + r.name() + "` has min "
              + Nodes.format(min) + unit + " above max " + Nodes.format(max) + unit + ": no instance type can match",
              "make `min` at most `max`");
        }
      }
      if (!Nodes.list(requirements, "allowedInstanceTypes").isEmpty()
          && !Nodes.list(requirements, "excludedInstanceTypes").isEmpty()) {
        ctx.report(r, base + "/excludedInstanceTypes", "capacity provider `" + r.name() + "` gives both allowed and excluded"
            + " instance types; EC2 takes one or the other", "keep `allowed_instance_types` or `excluded_instance_types`");
      }
    }
  }
}
