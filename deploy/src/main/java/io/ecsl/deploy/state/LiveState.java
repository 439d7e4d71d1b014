package io.ecsl.deploy.state;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a target holds, as far as the plan needs it: the declared resources that exist, every
 * resource tagged as owned by the project, and a few lookups (each task definition family's latest
 * ACTIVE revision, Cloud Map namespace names by ARN). Filled by a refresh from the target, or from a
 * previous build's output ({@code plan --against}).
 */
public final class LiveState {
  private final Map<ResourceId, LiveResource> resources = new ConcurrentHashMap<>();
  private final Map<String, String> latestRevision = new ConcurrentHashMap<>();
  private final Map<String, String> namespaceNames = new ConcurrentHashMap<>();
  private final boolean offline;

  public LiveState(boolean offline) {
    this.offline = offline;
  }

  /** True when this state is a previous build rather than a target's answer. */
  public boolean offline() {
    return offline;
  }

  public void put(LiveResource r) {
    resources.put(r.id(), r);
  }

  public LiveResource get(ResourceId id) {
    return resources.get(id);
  }

  /** Every live resource, in dependency order. */
  public Collection<LiveResource> all() {
    return new TreeMap<>(resources).values();
  }

  /** The ARN of a family's latest ACTIVE revision ({@code …:task-definition/web:7}), or null. */
  public String latestRevision(String family) {
    return latestRevision.get(family);
  }

  public void latestRevision(String family, String arn) {
    latestRevision.put(family, arn);
  }

  /** A Cloud Map namespace's name from its ARN or id, or the input when unknown. */
  public String namespaceName(String arnOrName) {
    return arnOrName == null ? null : namespaceNames.getOrDefault(arnOrName, arnOrName);
  }

  public void namespaceName(String arnOrId, String name) {
    namespaceNames.put(arnOrId, name);
  }
}
