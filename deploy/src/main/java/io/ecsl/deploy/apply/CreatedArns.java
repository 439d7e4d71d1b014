package io.ecsl.deploy.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.deploy.state.ResourceId;
import io.ecsl.model.ArnPlaceholder;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The ARNs Elastic Load Balancing (and RegisterDaemonTaskDefinition) gave to what apply created, by placeholder: a listener's request
 * holds {@code ${load-balancer:public}} until CreateLoadBalancer has answered, and a service's
 * {@code ${target-group:web}} until CreateTargetGroup has. Apply runs a resource after those it
 * depends on, so each placeholder is known by the time a request needs it.
 */
final class CreatedArns {
  /** Create operation → where its answer holds the new resource's ARN. */
  private static final Map<String, String> ARN_AT = Map.of(
      "CreateTargetGroup", "/TargetGroups/0/TargetGroupArn",
      "CreateLoadBalancer", "/LoadBalancers/0/LoadBalancerArn",
      "CreateListener", "/Listeners/0/ListenerArn",
      "CreateRule", "/Rules/0/RuleArn",
      // A daemon runs the revision this apply registers, known once registered, and takes its
      // cluster and capacity providers by the ARNs the target gave them.
      "RegisterDaemonTaskDefinition", "/daemonTaskDefinitionArn",
      "CreateCluster", "/cluster/clusterArn",
      "CreateCapacityProvider", "/capacityProvider/capacityProviderArn");

  private final Map<ArnPlaceholder, String> arns = new ConcurrentHashMap<>();

  /** Notes the ARN in the answer of a Create call of an ELB resource. */
  void record(ResourceId id, String operation, JsonNode answer) {
    String at = ARN_AT.get(operation);
    if (at != null && answer != null && answer.at(at).isTextual()) {
      arns.put(new ArnPlaceholder(id.kind(), id.name()), answer.at(at).asText());
    }
  }

  /**
   * The request with its placeholders replaced; a placeholder still unknown is a resource that was
   * neither found nor created, which the request cannot be sent without.
   */
  ObjectNode resolve(String address, ObjectNode body) {
    List<ArnPlaceholder> wanted = ArnPlaceholder.distinct(body);
    if (wanted.isEmpty()) {
      return body;
    }
    for (ArnPlaceholder p : wanted) {
      if (!arns.containsKey(p)) {
        throw new StepFailure(address + " needs the ARN of " + p.kind().word() + " " + p.name() + ", which this apply"
            + " did not create and the target does not have");
      }
    }
    return ArnPlaceholder.resolve(body, arns::get);
  }
}
