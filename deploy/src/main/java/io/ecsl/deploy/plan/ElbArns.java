package io.ecsl.deploy.plan;

import io.ecsl.deploy.state.LiveResource;
import io.ecsl.deploy.state.LiveState;
import io.ecsl.deploy.state.ResourceId;
import io.ecsl.model.ApiRequest;
import io.ecsl.model.ArnPlaceholder;
import io.ecsl.model.Resource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The ARNs of the load balancers, listeners, rules and target groups that exist, by the placeholder
 * the build writes for them ({@code ${target-group:web}}): a declared request is compared, and
 * sent, with the ARN of what exists; a placeholder of something the plan creates stays for apply to
 * fill in from the answer of its Create call.
 */
final class ElbArns {
  private final Map<ArnPlaceholder, String> arns;

  private ElbArns(Map<ArnPlaceholder, String> arns) {
    this.arns = arns;
  }

  static ElbArns of(LiveState live) {
    Map<ArnPlaceholder, String> arns = new HashMap<>();
    for (ResourceId id : live.ids()) {
      if (ElbPlans.isElb(id.kind())) {
        LiveResource r = live.get(id);
        if (r != null && r.arn() != null) {
          arns.put(new ArnPlaceholder(id.kind(), id.name()), r.arn());
        }
      }
    }
    return new ElbArns(arns);
  }

  /** The resource with the placeholders of existing resources replaced by their ARNs (itself when none is known). */
  Resource resolve(Resource r) {
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
}
