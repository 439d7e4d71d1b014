package io.ecsl.deploy.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.deploy.state.ResourceId;
import io.ecsl.model.ArnPlaceholder;
import io.ecsl.model.ResourceKind;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The ARNs Elastic Load Balancing (and RegisterDaemonTaskDefinition, Cloud Map) gave to what apply created, by placeholder
 * (a Cloud Map namespace's is its id): a listener's request
 * holds {@code ${load-balancer:public}} until CreateLoadBalancer has answered, and a service's
 * {@code ${target-group:web}} until CreateTargetGroup has. Apply runs a resource after those it
 * depends on, so each placeholder is known by the time a request needs it.
 */
final class CreatedArns {
  /**
   * Kind and create operation → where its answer holds the new resource's ARN. By kind, as Cloud
   * Map's CreateService (a discovery service) and ECS's (a service, named by no placeholder) share a name.
   */
  private static final Map<String, String> ARN_AT = Map.of(
      key(ResourceKind.TARGET_GROUP, "CreateTargetGroup"), "/TargetGroups/0/TargetGroupArn",
      key(ResourceKind.LOAD_BALANCER, "CreateLoadBalancer"), "/LoadBalancers/0/LoadBalancerArn",
      key(ResourceKind.LISTENER, "CreateListener"), "/Listeners/0/ListenerArn",
      key(ResourceKind.LISTENER_RULE, "CreateRule"), "/Rules/0/RuleArn",
      // A daemon runs the revision this apply registers, known once registered, and takes its
      // cluster and capacity providers by the ARNs the target gave them.
      key(ResourceKind.DAEMON_TASK_DEFINITION, "RegisterDaemonTaskDefinition"), "/daemonTaskDefinitionArn",
      key(ResourceKind.CLUSTER, "CreateCluster"), "/cluster/clusterArn",
      key(ResourceKind.CAPACITY_PROVIDER, "CreateCapacityProvider"), "/capacityProvider/capacityProviderArn",
      // An ECS service's registry takes the ARN of the discovery service (Cloud Map CreateService).
      key(ResourceKind.DISCOVERY_SERVICE, "CreateService"), "/Service/Arn");

  private static String key(ResourceKind kind, String operation) {
    return kind.id() + " " + operation;
  }

  private final Map<ArnPlaceholder, String> arns = new ConcurrentHashMap<>();

  /** Notes the ARN in the answer of a Create call of an ELB resource. */
  void record(ResourceId id, String operation, JsonNode answer) {
    String at = ARN_AT.get(key(id.kind(), operation));
    if (at != null && answer != null && answer.at(at).isTextual()) {
      arns.put(new ArnPlaceholder(id.kind(), id.name()), answer.at(at).asText());
    }
  }

  /**
   * Notes what a placeholder stands for when no answer holds it: a namespace's id, which Cloud Map
   * gives in the finished operation ({@code GetOperation}'s {@code Targets.NAMESPACE}).
   */
  void record(ResourceId id, String value) {
    if (value != null && !value.isEmpty()) {
      arns.put(new ArnPlaceholder(id.kind(), id.name()), value);
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
