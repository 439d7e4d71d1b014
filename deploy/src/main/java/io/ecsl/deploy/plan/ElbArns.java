package io.ecsl.deploy.plan;

import io.ecsl.deploy.state.LiveResource;
import io.ecsl.deploy.state.LiveState;
import io.ecsl.deploy.state.ResourceId;
import io.ecsl.model.ApiRequest;
import io.ecsl.model.ArnPlaceholder;
import io.ecsl.model.Resource;
import io.ecsl.model.ResourceKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The ARNs of the load balancers, listeners, rules and target groups that exist, by the placeholder
 * the build writes for them ({@code ${target-group:web}}): a declared request is compared, and
 * sent, with the ARN of what exists; a placeholder of something the plan creates stays for apply to
 * fill in from the answer of its Create call. Cloud Map's too: a namespace's placeholder (in a
 * discovery service's CreateService) stands for its id, a discovery service's (in an ECS service's
 * registry) for its ARN; a discovery service the plan replaces keeps its placeholder, as its new ARN
 * is known only once apply has created it.
 */
final class ElbArns {
  private final Map<ArnPlaceholder, String> arns;

  private ElbArns(Map<ArnPlaceholder, String> arns) {
    this.arns = arns;
  }

  static ElbArns of(LiveState live) {
    return of(live, java.util.Set.of());
  }

  /** @param replaced resources whose placeholders stay (the plan replaces them) */
  static ElbArns of(LiveState live, java.util.Set<ResourceId> replaced) {
    Map<ArnPlaceholder, String> arns = new HashMap<>();
    for (ResourceId id : live.ids()) {
      if (replaced.contains(id)) {
        continue;
      }
      if (ElbPlans.isElb(id.kind()) || id.kind() == ResourceKind.DISCOVERY_SERVICE) {
        LiveResource r = live.get(id);
        if (r != null && r.arn() != null) {
          arns.put(new ArnPlaceholder(id.kind(), id.name()), r.arn());
        }
      } else if (id.kind() == ResourceKind.NAMESPACE) {
        LiveResource r = live.get(id);
        if (r != null && r.ids().get("Id") != null && !r.ids().get("Id").isEmpty()) {
          arns.put(new ArnPlaceholder(id.kind(), id.name()), r.ids().get("Id"));
        }
      }
    }
    return new ElbArns(arns);
  }

  /** The resource with the placeholders of existing resources replaced by their ARNs (itself when none is known). */
  Resource resolve(Resource r) {
    if (r.kind() == ResourceKind.DISCOVERY_SERVICE) {
      r = namespaceById(r);
    }
    if (arns.isEmpty()) {
      return r;
    }
    List<ApiRequest> requests = new ArrayList<>(r.requests().size());
    boolean changed = false;
    for (ApiRequest q : r.requests()) {
      if (ArnPlaceholder.distinct(q.body()).isEmpty()) {
        requests.add(q);
        continue;
      }
      changed = true;
      requests.add(new ApiRequest(q.service(), q.operation(), ArnPlaceholder.resolve(q.body(), arns::get), q.spans(), q.file()));
    }
    return changed ? new Resource(r.kind(), r.name(), r.cluster(), r.span(), requests, r.ownedElsewhere()) : r;
  }

  /** A discovery service in a namespace managed elsewhere given by ARN is compared by the id GetService answers. */
  private static Resource namespaceById(Resource r) {
    ApiRequest q = r.primary();
    String ns = q.body().path("NamespaceId").asText("");
    if (!ns.startsWith("arn:")) {
      return r;
    }
    com.fasterxml.jackson.databind.node.ObjectNode body = q.body().deepCopy();
    body.put("NamespaceId", ns.substring(ns.lastIndexOf('/') + 1));
    List<ApiRequest> requests = new ArrayList<>(r.requests());
    requests.set(0, new ApiRequest(q.service(), q.operation(), body, q.spans(), q.file()));
    return new Resource(r.kind(), r.name(), r.cluster(), r.span(), requests, r.ownedElsewhere());
  }
}
