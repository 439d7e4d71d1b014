package io.ecsl.rules.cluster;

import io.ecsl.model.Resource;
import io.ecsl.rules.BaseRule;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;
import java.util.List;
import java.util.Map;

/**
 * E1408: each account setting takes a value it accepts: {@code enabled}/{@code disabled} for most,
 * {@code enhanced} too for Container Insights, {@code on}/{@code off} for tag authorization, 0, 7
 * or 14 days for the Fargate retirement wait, {@code blocking}/{@code non-blocking} for the log
 * driver mode; the long ARN formats can no longer be disabled and {@code guardDutyActivate} is
 * read-only.
 */
public final class AccountSettingValue extends BaseRule {
  private static final List<String> ON_OFF = List.of("enabled", "disabled");
  private static final Map<String, List<String>> VALUES = Map.ofEntries(
      Map.entry("serviceLongArnFormat", List.of("enabled")),
      Map.entry("taskLongArnFormat", List.of("enabled")),
      Map.entry("containerInstanceLongArnFormat", List.of("enabled")),
      Map.entry("awsvpcTrunking", ON_OFF),
      Map.entry("containerInsights", List.of("enhanced", "enabled", "disabled")),
      Map.entry("dualStackIPv6", ON_OFF),
      Map.entry("fargateFIPSMode", ON_OFF),
      Map.entry("tagResourceAuthorization", List.of("on", "off")),
      Map.entry("fargateTaskRetirementWaitPeriod", List.of("0", "7", "14")),
      Map.entry("defaultLogDriverMode", List.of("blocking", "non-blocking")),
      Map.entry("fargateEventWindows", ON_OFF));

  public AccountSettingValue() {
    super("E1408", "Account settings take a value their name accepts; read-only settings are not set", "ECS API");
  }

  @Override
  public void check(RuleContext ctx) {
    for (Resource r : ctx.index().accountSettings()) {
      String name = Nodes.text(r.primary().body(), "name");
      String value = Nodes.text(r.primary().body(), "value");
      if (name == null || value == null) {
        continue;
      }
      if (name.equals("guardDutyActivate")) {
        ctx.report(r, "/name", "account setting `guardDutyActivate` is read-only: GuardDuty turns it on and off",
            "remove it; enable GuardDuty Runtime Monitoring for ECS instead");
        continue;
      }
      List<String> valid = VALUES.get(name);
      if (valid != null && !valid.contains(value)) {
        String why = valid.size() == 1 ? " (every account was moved to the long ARN format in 2021; it cannot be disabled)" : "";
        ctx.report(r, "/value", "account setting `" + name + "` takes " + io.ecsl.rules.Nodes.orList(valid.stream()
            .map(v -> "`" + v + "`").toList()) + ", not `" + value + "`" + why, valid.size() == 1 ? "remove the setting"
                : "write `" + io.ecsl.schema.Shape.snake(name) + " = " + valid.get(0) + "`");
      }
    }
  }
}
