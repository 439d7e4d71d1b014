package io.ecsl.deploy.state;

import io.ecsl.model.Resource;
import io.ecsl.model.ResourceKind;

/**
 * What identifies a resource in a target: its kind, its AWS name and, for services and their
 * scaling, its cluster. Two declarations or live resources with the same id are the same resource.
 */
public record ResourceId(ResourceKind kind, String cluster, String name) implements Comparable<ResourceId> {

  public static ResourceId of(Resource r) {
    return new ResourceId(r.kind(), r.cluster(), r.name());
  }

  /** {@code service prod/web}, as {@link Resource#address()} says it. */
  public String address() {
    return kind.word() + " " + (cluster != null ? cluster + "/" + name : name);
  }

  @Override
  public int compareTo(ResourceId o) {
    int c = kind.compareTo(o.kind);
    if (c != 0) {
      return c;
    }
    c = String.valueOf(cluster).compareTo(String.valueOf(o.cluster));
    return c != 0 ? c : name.compareTo(o.name);
  }
}
