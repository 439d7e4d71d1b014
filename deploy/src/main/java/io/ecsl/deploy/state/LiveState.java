package io.ecsl.deploy.state;

import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What a target holds, as far as the plan needs it: the declared resources that exist, every
 * resource tagged as owned by the project, and a few lookups (each task definition family's latest
 * ACTIVE revision, Cloud Map namespace names by ARN). Filled by a refresh from the target, or from a
 * previous build's output ({@code plan --against}).
 *
 * <p>A resource may be <em>deferred</em>: known by id, read only when asked for and not kept. A
 * previous build is read that way, so planning 10,000 services never holds the whole build in
 * memory next to the model; each file is parsed by the thread that plans its resource and is
 * garbage as soon as that resource is planned. A plan asks for each resource once.
 */
public final class LiveState {
  private final Map<ResourceId, LiveResource> resources = new ConcurrentHashMap<>();
  private final Map<ResourceId, Supplier<LiveResource>> deferred = new ConcurrentHashMap<>();
  private final Map<String, String> latestRevision = new ConcurrentHashMap<>();
  private final Map<String, String> namespaceNames = new ConcurrentHashMap<>();
  private final Map<String, java.util.List<com.fasterxml.jackson.databind.node.ObjectNode>> revisionsInUse =
      new ConcurrentHashMap<>();
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

  /** Registers a resource read by {@code reader} each time it is asked for (it may throw UncheckedIOException). */
  public void defer(ResourceId id, Supplier<LiveResource> reader) {
    deferred.put(id, reader);
  }

  public LiveResource get(ResourceId id) {
    LiveResource r = resources.get(id);
    if (r == null) {
      Supplier<LiveResource> reader = deferred.get(id);
      return reader == null ? null : reader.get();
    }
    return r;
  }

  /** The ids of every live resource, in no particular order, without reading deferred ones. */
  public Set<ResourceId> ids() {
    Set<ResourceId> out = new HashSet<>(resources.keySet());
    out.addAll(deferred.keySet());
    return out;
  }

  /** Every live resource, in dependency order (deferred ones are read). */
  public Collection<LiveResource> all() {
    TreeMap<ResourceId, LiveResource> out = new TreeMap<>(resources);
    deferred.forEach((id, reader) -> out.putIfAbsent(id, reader.get()));
    return out.values();
  }

  /** The ARN of a family's latest ACTIVE revision ({@code …:task-definition/web:7}), or null. */
  public String latestRevision(String family) {
    return latestRevision.get(family);
  }

  public void latestRevision(String family, String arn) {
    latestRevision.put(family, arn);
  }

  /**
   * Revisions of a family that services run though they are not its latest (a circuit breaker
   * rolled back to them): their documents, so a declaration equal to one is not registered again.
   */
  public java.util.List<com.fasterxml.jackson.databind.node.ObjectNode> revisionsInUse(String family) {
    return revisionsInUse.getOrDefault(family, java.util.List.of());
  }

  public void revisionInUse(String family, com.fasterxml.jackson.databind.node.ObjectNode taskDefinition) {
    revisionsInUse.merge(family, java.util.List.of(taskDefinition), (a, b) -> {
      var both = new java.util.ArrayList<>(a);
      both.addAll(b);
      return java.util.List.copyOf(both);
    });
  }

  /** A Cloud Map namespace's name from its ARN or id, or the input when unknown. */
  public String namespaceName(String arnOrName) {
    return arnOrName == null ? null : namespaceNames.getOrDefault(arnOrName, arnOrName);
  }

  public void namespaceName(String arnOrId, String name) {
    namespaceNames.put(arnOrId, name);
  }
}
