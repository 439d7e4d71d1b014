package io.ecsl.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;

/**
 * What Describe output of Elastic Load Balancing says twice, said once, as a build would send it:
 * a forward action to one target group is {@code {Type: forward, TargetGroupArn}} (DescribeListeners
 * adds a ForwardConfig of that group with weight 1 and stickiness off), a weighted one only its
 * ForwardConfig; a lone action has no {@code Order}; a condition with a {@code …Config} has no
 * top-level {@code Values} beside it. Listeners and rules are named as the build names them.
 */
final class ElbNormalForms {
  private ElbNormalForms() {}

  static void apply(ObjectNode request) {
    for (String member : new String[] {"DefaultActions", "Actions"}) {
      if (request.get(member) instanceof ArrayNode actions) {
        for (JsonNode a : actions) {
          if (a instanceof ObjectNode action) {
            forward(action);
            if (actions.size() == 1) {
              action.remove("Order");
            }
          }
        }
      }
    }
    if (request.get("Conditions") instanceof ArrayNode conditions) {
      for (JsonNode c : conditions) {
        if (c instanceof ObjectNode condition && hasConfig(condition)) {
          condition.remove("Values");
        }
      }
    }
  }

  private static void forward(ObjectNode action) {
    if (!"forward".equals(action.path("Type").asText()) || !(action.get("ForwardConfig") instanceof ObjectNode config)) {
      return;
    }
    JsonNode stickiness = config.path("TargetGroupStickinessConfig");
    boolean sticky = stickiness.path("Enabled").asBoolean(false);
    if (!sticky) {
      config.remove("TargetGroupStickinessConfig");
    }
    JsonNode groups = config.path("TargetGroups");
    if (!sticky && groups.size() == 1 && groups.get(0).path("TargetGroupArn").isTextual()
        && (!action.has("TargetGroupArn") || action.get("TargetGroupArn").equals(groups.get(0).get("TargetGroupArn")))) {
      action.set("TargetGroupArn", groups.get(0).get("TargetGroupArn"));
      action.remove("ForwardConfig");
    } else if (groups.size() > 0) {
      action.remove("TargetGroupArn");
    }
  }

  private static boolean hasConfig(ObjectNode condition) {
    for (Iterator<String> it = condition.fieldNames(); it.hasNext(); ) {
      if (it.next().endsWith("Config")) {
        return true;
      }
    }
    return false;
  }

  /**
   * A listener is {@code LOAD_BALANCER:PORT}; a rule, until its listener is known,
   * {@code LISTENER-ARN:PRIORITY} (the import names it {@code LOAD_BALANCER:PORT:PRIORITY} once
   * it has read the listeners); the others keep their {@code Name}.
   */
  static String name(ImportKind kind, ObjectNode request, String name, String arn) {
    return switch (kind) {
      case LISTENER -> loadBalancerName(request.path("LoadBalancerArn").asText("?")) + ":" + request.path("Port").asText("?");
      case LISTENER_RULE -> request.path("ListenerArn").asText("?") + ":" + request.path("Priority").asText("?");
      default -> name;
    };
  }

  /** {@code arn:…:loadbalancer/app/public/50dc…} → {@code public}; anything else as it is. */
  static String loadBalancerName(String arn) {
    int at = arn.indexOf(":loadbalancer/");
    if (at < 0) {
      return arn;
    }
    String[] parts = arn.substring(at + ":loadbalancer/".length()).split("/");
    return parts.length >= 2 ? parts[1] : arn;
  }
}
