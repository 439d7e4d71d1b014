package io.ecsl.lower;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.model.ApiRequest;
import io.ecsl.model.RequestCountTarget;
import io.ecsl.model.Resource;
import io.ecsl.model.ResourceKind;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code alb_requests = 1000} without a {@code resource_label}: the label of the service's target
 * group behind its declared Application Load Balancer ({@link RequestCountTarget}), as a placeholder
 * that apply, deploy.sh and CloudFormation fill in once both exist. It needs every load balancer,
 * listener and service lowered, so it runs over the whole model; when the label cannot be derived
 * the policy keeps none and rule E1910 says why.
 */
final class RequestCountLabels {
  private RequestCountLabels() {}

  static List<Resource> apply(List<Resource> resources) {
    List<Resource> out = new ArrayList<>(resources.size());
    for (Resource r : resources) {
      out.add(r.kind() == ResourceKind.SCALING ? withLabels(resources, r) : r);
    }
    return out;
  }

  private static Resource withLabels(List<Resource> resources, Resource scaling) {
    List<ApiRequest> requests = new ArrayList<>(scaling.requests().size());
    boolean changed = false;
    for (ApiRequest q : scaling.requests()) {
      JsonNode predefined = q.body().path("TargetTrackingScalingPolicyConfiguration").path("PredefinedMetricSpecification");
      if (!"ALBRequestCountPerTarget".equals(predefined.path("PredefinedMetricType").asText())
          || predefined.has("ResourceLabel")) {
        requests.add(q);
        continue;
      }
      Resource service = service(resources, scaling);
      RequestCountTarget target = service == null ? null : RequestCountTarget.of(resources, service);
      if (target == null || target.label() == null) {
        requests.add(q);
        continue;
      }
      ObjectNode body = q.body().deepCopy();
      ((ObjectNode) body.at("/TargetTrackingScalingPolicyConfiguration/PredefinedMetricSpecification"))
          .put("ResourceLabel", target.label().text());
      requests.add(new ApiRequest(q.service(), q.operation(), body, q.spans(), q.file()));
      changed = true;
    }
    return changed ? new Resource(scaling.kind(), scaling.name(), scaling.cluster(), scaling.span(), requests,
        scaling.ownedElsewhere(), scaling.localGroup()) : scaling;
  }

  private static Resource service(List<Resource> resources, Resource scaling) {
    for (Resource r : resources) {
      if (r.kind() == ResourceKind.SERVICE && r.name().equals(scaling.name())
          && java.util.Objects.equals(r.cluster(), scaling.cluster())) {
        return r;
      }
    }
    return null;
  }
}
