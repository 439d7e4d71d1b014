package io.ecsl.deploy.plan;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A plan: every declared or owned resource with what apply will do to it, in dependency order.
 * Serialized by {@link PlanJson} (versioned, documented in docs/plan.md); the text and markdown
 * renderings are made from that JSON.
 *
 * @param project the project (the {@code ecsl:project} tag value)
 * @param target where it was planned against ({@code aws (eu-west-1)}, {@code local http://…}, or the
 *     previous build's directory for an offline plan)
 * @param offline true for {@code plan --against}: nothing was read from a target, apply refuses it
 * @param keepRevisions the revision policy: keep this many ACTIVE revisions per family
 * @param resources one entry per resource
 */
public record Plan(String project, String target, boolean offline, int keepRevisions, List<ResourcePlan> resources) {

  public Plan {
    resources = List.copyOf(resources);
  }

  /** True when apply would change anything. */
  public boolean hasChanges() {
    return resources.stream().anyMatch(r -> r.action().isChange());
  }

  /** How many resources get each action. */
  public Map<Action, Integer> counts() {
    Map<Action, Integer> out = new EnumMap<>(Action.class);
    for (Action a : Action.values()) {
      out.put(a, 0);
    }
    resources.forEach(r -> out.merge(r.action(), 1, Integer::sum));
    return out;
  }
}
