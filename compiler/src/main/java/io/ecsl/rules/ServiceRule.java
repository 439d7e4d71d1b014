package io.ecsl.rules;

/** A rule that looks at one service at a time (with its resolved cluster and task definition). */
public abstract class ServiceRule extends BaseRule implements PerService {
  protected ServiceRule(String code, String summary, String source) {
    super(code, summary, source);
  }

  @Override
  public final void check(RuleContext ctx) {
    for (ServiceView service : ctx.index().services()) {
      check(ctx, service);
    }
  }

  @Override
  public final void checkService(RuleContext ctx, ServiceView service) {
    check(ctx, service);
  }

  protected abstract void check(RuleContext ctx, ServiceView service);
}
