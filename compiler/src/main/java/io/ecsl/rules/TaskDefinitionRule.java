package io.ecsl.rules;

/** A rule that looks at one task definition at a time. */
public abstract class TaskDefinitionRule extends BaseRule implements PerTaskDefinition {
  protected TaskDefinitionRule(String code, String summary, String source) {
    super(code, summary, source);
  }

  @Override
  public final void check(RuleContext ctx) {
    for (TaskDefinitionView task : ctx.index().taskDefinitions()) {
      check(ctx, task);
    }
  }

  @Override
  public final void checkTaskDefinition(RuleContext ctx, TaskDefinitionView task) {
    check(ctx, task);
  }

  protected abstract void check(RuleContext ctx, TaskDefinitionView task);
}
