package io.ecsl.deploy.plan;

import io.ecsl.deploy.diff.FieldChange;
import io.ecsl.deploy.state.ResourceId;
import java.util.List;
import java.util.Map;

/**
 * The plan for one resource.
 *
 * @param id the resource
 * @param action what apply does
 * @param reasons why, in words (which field forces a replacement, which revision triggers a deployment)
 * @param changes field by field, live → declared (values already masked where sensitive)
 * @param ignored fields owned elsewhere, shown but never changed
 * @param dependsOn addresses of resources whose steps must finish first
 * @param observed what the plan read (for the stale-plan check), or null when the resource did not exist
 * @param source where it is declared ({@code main.ecs:12:1}), or null for a deletion
 * @param ownedElsewhere the declaration's owned-elsewhere pointers (pointer → owner)
 * @param steps what apply does, in order
 */
public record ResourcePlan(ResourceId id, Action action, List<String> reasons, List<FieldChange> changes,
    List<IgnoredField> ignored, List<String> dependsOn, Observed observed, String source,
    Map<String, String> ownedElsewhere, List<Step> steps) {

  public ResourcePlan {
    reasons = List.copyOf(reasons);
    changes = List.copyOf(changes);
    ignored = List.copyOf(ignored);
    dependsOn = List.copyOf(dependsOn);
    ownedElsewhere = Map.copyOf(ownedElsewhere);
    steps = List.copyOf(steps);
  }

  public String address() {
    return id.address();
  }

  /**
   * What a plan read from the target for one resource.
   *
   * @param version what people recognise (a revision ARN, a deployment's updatedAt), or null
   * @param fingerprint a digest of the live state the plan was computed from
   */
  public record Observed(String version, String fingerprint) {}
}
