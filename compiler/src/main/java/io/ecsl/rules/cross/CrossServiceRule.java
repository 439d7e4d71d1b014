package io.ecsl.rules.cross;

import io.ecsl.rules.BaseRule;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.ServiceView;
import io.ecsl.rules.TaskDefinitionView;

/**
 * A rule between a service and the task definition it runs. It applies only when the project
 * declares that task definition: a reference to one registered elsewhere is skipped.
 */
abstract class CrossServiceRule extends BaseRule implements io.ecsl.rules.PerService {
  CrossServiceRule(String code, String summary, String source) {
    super(code, summary, source);
  }

  @Override
  public final void check(RuleContext ctx) {
    for (ServiceView s : ctx.index().services()) {
      checkService(ctx, s);
    }
  }

  @Override
  public final void checkService(RuleContext ctx, ServiceView s) {
    if (s.task() != null) {
      check(ctx, s, s.task());
    }
  }

  abstract void check(RuleContext ctx, ServiceView s, TaskDefinitionView task);

  /** Reports at the service, pointing also at the task definition's declaration. */
  static void report(RuleContext ctx, ServiceView s, TaskDefinitionView task, String pointer, String message, String hint) {
    ctx.report(s.resource(), s.request(), pointer, message, hint, task.resource().span(), task.label() + " is declared here");
  }
}
