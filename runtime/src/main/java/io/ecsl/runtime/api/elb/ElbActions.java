package io.ecsl.runtime.api.elb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.facts.elb.ElbLimit;
import io.ecsl.runtime.api.ApiException;
import io.ecsl.runtime.engine.RuntimeState;
import io.ecsl.runtime.json.Json;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Listener and rule actions and conditions as ELBv2 takes and returns them: a forward action's
 * single {@code TargetGroupArn} and its {@code ForwardConfig} are two spellings of one thing, and
 * the API answers with both; a condition's {@code Values} and its {@code PathPatternConfig} (etc.)
 * likewise. Validated against the target groups in the state (caller holds the lock).
 */
final class ElbActions {
  private static final Pattern FIXED_STATUS = Pattern.compile("^(2|4|5)\\d\\d$");
  private static final Set<String> LOCAL_TYPES = Set.of("forward", "fixed-response", "redirect");

  private ElbActions() {}

  /** The actions normalized to the API's answer shape; {@code tgs} collects the target groups they forward to. */
  static ArrayNode normalize(RuntimeState state, JsonNode actions, String region, String lbType, Set<String> tgs) {
    if (actions == null || !actions.isArray() || actions.isEmpty()) {
      throw new ApiException("ValidationError", "At least one action must be specified (DefaultActions or Actions).");
    }
    ArrayNode out = Json.array();
    int terminal = 0;
    for (JsonNode action : actions) {
      String type = Json.text(action, "Type");
      if (type == null) {
        throw new ApiException("ValidationError", "An action must have a Type (forward, fixed-response, redirect).");
      }
      if (!LOCAL_TYPES.contains(type)) {
        throw new ApiException("InvalidLoadBalancerAction", "Action type '" + type + "' is not served by the ecsl"
            + " runtime (it serves forward, fixed-response and redirect); authentication actions need Amazon Cognito"
            + " or an identity provider, which are not local.");
      }
      terminal++;
      ObjectNode normalized = Json.object();
      normalized.put("Type", type);
      if (action.has("Order")) {
        normalized.put("Order", action.get("Order").asInt());
      }
      switch (type) {
        case "forward" -> forward(state, action, region, lbType, normalized, tgs);
        case "fixed-response" -> normalized.set("FixedResponseConfig", fixedResponse(action));
        default -> normalized.set("RedirectConfig", redirect(action));
      }
      out.add(normalized);
    }
    if (terminal != 1) {
      throw new ApiException("ValidationError", "Exactly one forward, fixed-response or redirect action is allowed"
          + " per rule; got " + terminal + ".");
    }
    return out;
  }

  private static void forward(RuntimeState state, JsonNode action, String region, String lbType, ObjectNode out,
      Set<String> tgs) {
    String single = Json.text(action, "TargetGroupArn");
    JsonNode config = action.get("ForwardConfig");
    ArrayNode groups = Json.array();
    if (config != null && config.has("TargetGroups")) {
      for (JsonNode group : config.get("TargetGroups")) {
        String arn = Json.text(group, "TargetGroupArn");
        int weight = group.has("Weight") ? group.get("Weight").asInt() : 1;
        if (!ElbLimit.FORWARD_WEIGHT.allows(weight)) {
          throw new ApiException("ValidationError", "Target group weight " + weight + " is out of range: "
              + ElbLimit.FORWARD_WEIGHT.describe() + ".");
        }
        groups.addObject().put("TargetGroupArn", arn).put("Weight", weight);
      }
    }
    if (single != null) {
      if (!groups.isEmpty() && (groups.size() != 1 || !single.equals(Json.text(groups.get(0), "TargetGroupArn")))) {
        throw new ApiException("ValidationError", "You cannot specify both a TargetGroupArn and a ForwardConfig"
            + " with different target groups.");
      }
      if (groups.isEmpty()) {
        groups.addObject().put("TargetGroupArn", single).put("Weight", 1);
      }
    }
    if (groups.isEmpty()) {
      throw new ApiException("ValidationError", "A forward action needs a TargetGroupArn or a ForwardConfig with"
          + " target groups.");
    }
    if (groups.size() > ElbLimit.TARGET_GROUPS_PER_FORWARD_ACTION.max()) {
      throw new ApiException("TooManyTargetGroups", "A forward action takes "
          + ElbLimit.TARGET_GROUPS_PER_FORWARD_ACTION.describe() + "; got " + groups.size() + ".");
    }
    Set<String> seen = new LinkedHashSet<>();
    for (JsonNode group : groups) {
      String arn = Json.text(group, "TargetGroupArn");
      ObjectNode tg = state.targetGroups.get(arn);
      if (tg == null || !region.equals(Json.text(tg, "_region"))) {
        throw new ApiException("TargetGroupNotFound", "Target group '" + arn + "' not found");
      }
      if (!seen.add(arn)) {
        throw new ApiException("ValidationError", "Target group '" + arn + "' is listed twice in a forward action.");
      }
      String protocol = Json.text(tg, "Protocol");
      boolean albGroup = "HTTP".equals(protocol) || "HTTPS".equals(protocol);
      if (albGroup != "application".equals(lbType)) {
        throw new ApiException("IncompatibleProtocols", "The target group '" + Json.text(tg, "TargetGroupName")
            + "' uses protocol " + protocol + ", which a " + lbType + " load balancer cannot forward to.");
      }
    }
    tgs.addAll(seen);
    if (groups.size() == 1) {
      out.put("TargetGroupArn", Json.text(groups.get(0), "TargetGroupArn"));
    }
    ObjectNode forward = out.putObject("ForwardConfig");
    forward.set("TargetGroups", groups);
    ObjectNode stickiness = forward.putObject("TargetGroupStickinessConfig");
    JsonNode given = config == null ? null : config.get("TargetGroupStickinessConfig");
    stickiness.put("Enabled", given != null && given.path("Enabled").asBoolean(false));
    if (given != null && given.has("DurationSeconds")) {
      stickiness.put("DurationSeconds", given.get("DurationSeconds").asInt());
    }
  }

  private static ObjectNode fixedResponse(JsonNode action) {
    JsonNode config = action.get("FixedResponseConfig");
    String status = config == null ? null : Json.text(config, "StatusCode");
    if (status == null || !FIXED_STATUS.matcher(status).matches()) {
      throw new ApiException("ValidationError", "A fixed-response action needs FixedResponseConfig.StatusCode, a"
          + " 2XX, 4XX or 5XX code; got " + status + ".");
    }
    String body = Json.text(config, "MessageBody");
    if (body != null && body.length() > ElbLimit.FIXED_RESPONSE_BODY_LENGTH.max()) {
      throw new ApiException("ValidationError", "The fixed response body is " + body.length()
          + " characters long; " + ElbLimit.FIXED_RESPONSE_BODY_LENGTH.describe() + ".");
    }
    return ((ObjectNode) config).deepCopy();
  }

  private static ObjectNode redirect(JsonNode action) {
    JsonNode config = action.get("RedirectConfig");
    String status = config == null ? null : Json.text(config, "StatusCode");
    if (!"HTTP_301".equals(status) && !"HTTP_302".equals(status)) {
      throw new ApiException("ValidationError", "A redirect action needs RedirectConfig.StatusCode HTTP_301 or"
          + " HTTP_302; got " + status + ".");
    }
    ObjectNode out = ((ObjectNode) config).deepCopy();
    // What the API answers with for the parts left out: the request's own.
    for (String[] part : List.of(new String[] {"Protocol", "#{protocol}"}, new String[] {"Port", "#{port}"},
        new String[] {"Host", "#{host}"}, new String[] {"Path", "/#{path}"}, new String[] {"Query", "#{query}"})) {
      if (!out.has(part[0])) {
        out.put(part[0], part[1]);
      }
    }
    return out;
  }

  private static final List<String[]> CONDITION_CONFIGS = List.of(
      new String[] {"path-pattern", "PathPatternConfig"},
      new String[] {"host-header", "HostHeaderConfig"},
      new String[] {"http-request-method", "HttpRequestMethodConfig"},
      new String[] {"http-header", "HttpHeaderConfig"},
      new String[] {"query-string", "QueryStringConfig"},
      new String[] {"source-ip", "SourceIpConfig"});

  /** Rule conditions, each with both its {@code Values} (when it has plain values) and its typed config. */
  static ArrayNode conditions(JsonNode conditions) {
    ArrayNode out = Json.array();
    if (conditions == null) {
      return out;
    }
    int values = 0;
    for (JsonNode condition : conditions) {
      String field = Json.text(condition, "Field");
      String configName = null;
      for (String[] pair : CONDITION_CONFIGS) {
        if (pair[0].equals(field)) {
          configName = pair[1];
        }
      }
      if (configName == null) {
        throw new ApiException("ValidationError", "Condition field '" + field + "' is not one of path-pattern,"
            + " host-header, http-header, http-request-method, query-string, source-ip.");
      }
      ObjectNode normalized = Json.object();
      normalized.put("Field", field);
      JsonNode config = condition.get(configName);
      JsonNode plain = condition.get("Values");
      if (field.equals("http-header") || field.equals("query-string")) {
        if (config == null) {
          throw new ApiException("ValidationError", "A " + field + " condition needs " + configName + ".");
        }
        normalized.set(configName, config.deepCopy());
        values += field.equals("http-header") ? config.path("Values").size() : config.path("Values").size();
      } else {
        ArrayNode list = Json.array();
        if (config != null && config.has("Values")) {
          config.get("Values").forEach(list::add);
        } else if (plain != null) {
          plain.forEach(list::add);
        }
        if (list.isEmpty()) {
          throw new ApiException("ValidationError", "A " + field + " condition needs at least one value.");
        }
        if (!field.equals("http-request-method") && !field.equals("source-ip")) {
          normalized.set("Values", list.deepCopy());
        }
        normalized.putObject(configName).set("Values", list);
        values += list.size();
      }
      out.add(normalized);
    }
    if (values > ElbLimit.CONDITION_VALUES_PER_RULE.max()) {
      throw new ApiException("ValidationError", "A rule takes "
          + ElbLimit.CONDITION_VALUES_PER_RULE.describe() + "; got " + values + ".");
    }
    return out;
  }
}
