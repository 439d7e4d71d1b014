package io.ecsl.runtime.loadbalancing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.runtime.engine.RuntimeState;
import io.ecsl.runtime.json.Json;

/**
 * What ECS does to a listener rule during a staged deployment (integrations §1.3): its forward
 * action sends {@code percent} of the requests to the new revision's target group and the rest to
 * the old one's, as ModifyRule (ModifyListener for a default rule or an NLB listener) would.
 * The proxies pick the change up with their next routing table.
 */
public final class ListenerWeights {
  private ListenerWeights() {}

  /**
   * Sets the weights of the rule (a rule ARN, a listener's default rule ARN, or a listener ARN);
   * false when the runtime holds no such rule (made elsewhere: nothing to route).
   */
  public static boolean set(RuntimeState state, String ruleArn, String oldGroup, String newGroup, double percent) {
    if (ruleArn == null || oldGroup == null || newGroup == null) {
      return false;
    }
    ObjectNode rule = state.listenerRules.get(ruleArn);
    if (rule != null) {
      ObjectNode copy = rule.deepCopy();
      if (reweigh(copy, "Actions", oldGroup, newGroup, percent)) {
        state.listenerRules.put(ruleArn, copy);
      }
      return true;
    }
    for (ObjectNode listener : state.listeners.values()) {
      if (ruleArn.equals(Json.text(listener, "_defaultRuleArn")) || ruleArn.equals(Json.text(listener, "ListenerArn"))) {
        ObjectNode copy = listener.deepCopy();
        if (reweigh(copy, "DefaultActions", oldGroup, newGroup, percent)) {
          state.listeners.put(Json.text(listener, "ListenerArn"), copy);
        }
        return true;
      }
    }
    return false;
  }

  /**
   * The weights of a split: the new group's share in tenths of a percent when it is fractional
   * (ELB weights are integers up to 999), else in percent.
   */
  static int[] weights(double percent) {
    double clamped = Math.max(0, Math.min(100, percent));
    if (clamped == Math.rint(clamped)) {
      return new int[] {100 - (int) clamped, (int) clamped};
    }
    int tenths = (int) Math.round(clamped * 10);
    return new int[] {1000 - tenths, tenths};
  }

  private static boolean reweigh(ObjectNode holder, String member, String oldGroup, String newGroup, double percent) {
    JsonNode actions = holder.get(member);
    if (actions == null || actions.isEmpty()) {
      return false;
    }
    ObjectNode forward = (ObjectNode) actions.get(actions.size() - 1);
    if (!"forward".equals(Json.text(forward, "Type"))) {
      return false;
    }
    int[] weights = weights(percent);
    ArrayNode groups = Json.array();
    groups.addObject().put("TargetGroupArn", oldGroup).put("Weight", weights[0]);
    groups.addObject().put("TargetGroupArn", newGroup).put("Weight", weights[1]);
    ObjectNode config = forward.has("ForwardConfig") ? (ObjectNode) forward.get("ForwardConfig")
        : forward.putObject("ForwardConfig");
    if (groups.equals(config.get("TargetGroups"))) {
      return false;
    }
    config.set("TargetGroups", groups);
    forward.remove("TargetGroupArn"); // two groups: only the ForwardConfig spelling, as ELB answers
    return true;
  }
}
