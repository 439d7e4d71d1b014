package io.ecsl.runtime.deployments;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.runtime.model.DeploymentEntity;
import java.util.ArrayList;
import java.util.List;

/**
 * Which target group a deployment's tasks register in, per entry of the service's
 * {@code loadBalancers} (integrations §1.3): a staged deployment's new revision takes the one of
 * the entry's two groups ({@code targetGroupArn} and {@code advancedConfiguration.alternateTargetGroupArn})
 * that the revision it replaces does not use, and once it completes that group is the production
 * one, so the next deployment goes back to the other ("ECS swaps roles"). A rolling deployment
 * keeps the groups of the deployment it replaces.
 */
public final class TargetGroupRoles {
  private TargetGroupRoles() {}

  /** The groups of a new deployment, one per entry; null when every entry's own group is meant. */
  public static List<String> of(JsonNode loadBalancers, DeploymentEntity source, boolean staged) {
    if (loadBalancers == null || loadBalancers.isEmpty() || source == null) {
      return null;
    }
    List<String> out = new ArrayList<>();
    boolean changed = false;
    for (int i = 0; i < loadBalancers.size(); i++) {
      JsonNode entry = loadBalancers.get(i);
      String own = entry.path("targetGroupArn").asText(null);
      String alternate = entry.path("advancedConfiguration").path("alternateTargetGroupArn").asText(null);
      String current = of(loadBalancers, source.targetGroupArns, i);
      if (current == null || (!current.equals(own) && !current.equals(alternate))) {
        current = own; // the entry changed since: its own group serves
      }
      String next = current;
      if (staged && alternate != null) {
        next = current.equals(alternate) ? own : alternate;
      }
      changed |= next != null && !next.equals(own);
      out.add(next);
    }
    return changed ? out : null;
  }

  /** The group of entry {@code i} for a deployment with these groups. */
  public static String of(JsonNode loadBalancers, List<String> groups, int i) {
    if (groups != null && i < groups.size() && groups.get(i) != null) {
      return groups.get(i);
    }
    return loadBalancers == null || i >= loadBalancers.size() ? null
        : loadBalancers.get(i).path("targetGroupArn").asText(null);
  }
}
