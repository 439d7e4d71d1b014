package io.ecsl.rules;

/**
 * A rule that checks one task definition at a time. {@link Rules#check} runs every such rule on a
 * task definition before moving to the next, while its JSON is still in the processor's cache:
 * running each rule over the whole model in turn read a 10,000-service model from memory 60 times.
 */
public interface PerTaskDefinition extends Rule {
  void checkTaskDefinition(RuleContext ctx, TaskDefinitionView task);
}
