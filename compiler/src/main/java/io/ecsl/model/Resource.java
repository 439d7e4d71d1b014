package io.ecsl.model;

import io.ecsl.source.Span;
import java.util.List;
import java.util.Map;

/**
 * A compiled resource: what one declaration asks AWS for. Most resources are one request; a
 * schedule is a rule and its target, service scaling a scalable target and its policies.
 *
 * @param kind what it is
 * @param name its AWS name (family, service name, cluster name, …)
 * @param cluster the cluster of a service or scaling resource, else null
 * @param span the declaration in the source
 * @param requests the API calls that create it, in order; the first is its primary request
 * @param ownedElsewhere fields another system manages (pointer → owner), never shown as changes
 * @param localGroup for an Auto Scaling group capacity provider, what the local runtime simulates
 *     behind it ({@code local_group}); null otherwise. Never emitted.
 */
public record Resource(
    ResourceKind kind,
    String name,
    String cluster,
    Span span,
    List<ApiRequest> requests,
    Map<String, String> ownedElsewhere,
    LocalGroup localGroup) {

  public Resource {
    requests = List.copyOf(requests);
    ownedElsewhere = Map.copyOf(ownedElsewhere);
  }

  public Resource(ResourceKind kind, String name, String cluster, Span span, List<ApiRequest> requests,
      Map<String, String> ownedElsewhere) {
    this(kind, name, cluster, span, requests, ownedElsewhere, null);
  }

  public ApiRequest primary() {
    return requests.get(0);
  }

  /** {@code service prod/web}, {@code task definition web}: how messages and plans name it. */
  public String address() {
    return kind.word() + " " + (cluster != null ? cluster + "/" + name : name);
  }
}
