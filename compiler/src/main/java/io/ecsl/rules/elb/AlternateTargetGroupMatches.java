package io.ecsl.rules.elb;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.model.Resource;
import io.ecsl.model.ResourceKind;
import io.ecsl.rules.BaseRule;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;
import java.util.Objects;

/**
 * E2002: a service's alternate target group can take the same tasks as its target group: the same
 * target type, protocol, port and VPC (developer guide, alb-resources-for-blue-green). The new
 * revision's tasks register in the alternate one and then receive the production traffic, so a
 * group that differs in any of these either refuses the registrations or serves them differently.
 * Only declared target groups are compared; the API defaults (target type {@code instance}) apply.
 */
public final class AlternateTargetGroupMatches extends BaseRule {
  private static final String[][] FIELDS = {
      {"TargetType", "target_type"}, {"Protocol", "protocol"}, {"Port", "port"}, {"VpcId", "vpc_id"}};

  public AlternateTargetGroupMatches() {
    super("E2002", "A service's alternate target group has its target group's target type, protocol, port and VPC",
        "ECS Developer Guide (alb-resources-for-blue-green)");
  }

  @Override
  public void check(RuleContext ctx) {
    for (DeclaredElb.Staged lb : DeclaredElb.staged(ctx)) {
      Resource primary = DeclaredElb.find(ctx, Nodes.text(lb.loadBalancer(), "targetGroupArn"));
      Resource alternate = DeclaredElb.find(ctx, Nodes.text(lb.advanced(), "alternateTargetGroupArn"));
      if (primary == null || alternate == null || primary == alternate
          || primary.kind() != ResourceKind.TARGET_GROUP || alternate.kind() != ResourceKind.TARGET_GROUP) {
        continue;
      }
      for (String[] field : FIELDS) {
        String a = value(primary, field[0]);
        String b = value(alternate, field[0]);
        if (!Objects.equals(a, b)) {
          lb.service().report(ctx, lb.at() + "/alternateTargetGroupArn", "the alternate target group `"
              + DeclaredElb.label(alternate) + "` of " + lb.service().label() + " has " + field[1] + " " + show(b)
              + ", its target group `" + DeclaredElb.label(primary) + "` has " + show(a)
              + "; the new revision's tasks register in the alternate one",
              "write `" + field[1] + " = " + written(field[0], a) + "` in target group `" + DeclaredElb.label(alternate) + "`");
        }
      }
    }
  }

  private static String value(Resource tg, String field) {
    JsonNode v = tg.primary().body().get(field);
    if (v == null || v.isNull()) {
      return field.equals("TargetType") ? "instance" : null;
    }
    return v.asText();
  }

  private static String written(String field, String v) {
    return v == null ? "…" : field.equals("VpcId") ? "\"" + v + "\"" : v;
  }

  private static String show(String v) {
    return v == null ? "none" : "`" + v + "`";
  }
}
