package io.ecsl.rules;

/** A rule that looks at one container definition at a time (with its task definition for context). */
public abstract class ContainerRule extends BaseRule implements PerTaskDefinition {
  protected ContainerRule(String code, String summary, String source) {
    super(code, summary, source);
  }

  @Override
  public final void check(RuleContext ctx) {
    for (TaskDefinitionView task : ctx.index().taskDefinitions()) {
      checkTaskDefinition(ctx, task);
    }
  }

  @Override
  public final void checkTaskDefinition(RuleContext ctx, TaskDefinitionView task) {
    for (ContainerView container : task.containers()) {
      check(ctx, task, container);
    }
  }

  protected abstract void check(RuleContext ctx, TaskDefinitionView task, ContainerView container);
}
