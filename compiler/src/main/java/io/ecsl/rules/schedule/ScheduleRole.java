package io.ecsl.rules.schedule;

import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.ScheduleTargetView;

/** E1507: an ECS target has a role EventBridge assumes to call RunTask. */
public final class ScheduleRole extends TargetRule {
  public ScheduleRole() {
    super("E1507", "ECS targets have a role for EventBridge to run the task", "EventBridge API");
  }

  @Override
  void check(RuleContext ctx, ScheduleTargetView t) {
    if (Nodes.text(t.target(), "RoleArn") == null) {
      t.report(ctx, t.pointer(), label(t) + " needs a role: EventBridge assumes it to call ecs:RunTask (and iam:PassRole)",
          "add `role = \"arn:aws:iam::123456789012:role/ecsEventsRole\"`");
    }
  }
}
