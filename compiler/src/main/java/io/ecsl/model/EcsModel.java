package io.ecsl.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The compiled project: every resource with its API requests. The rules check it, the emitters
 * write it out, the planner diffs it against a target.
 *
 * @param project the project name (tags ownership of what ecsl creates)
 * @param region the AWS region ARNs were built for
 * @param accountId the account ARNs were built for, or null if none was given
 */
public record EcsModel(String project, String region, String accountId, List<Resource> resources) {

  public EcsModel {
    resources = List.copyOf(resources);
  }

  public List<Resource> ofKind(ResourceKind kind) {
    List<Resource> out = new ArrayList<>();
    for (Resource r : resources) {
      if (r.kind() == kind) {
        out.add(r);
      }
    }
    return out;
  }

  /** The resource of a kind with a name (and cluster, for services), or null. */
  public Resource find(ResourceKind kind, String cluster, String name) {
    for (Resource r : resources) {
      if (r.kind() == kind && r.name().equals(name) && (cluster == null || cluster.equals(r.cluster()))) {
        return r;
      }
    }
    return null;
  }
}
