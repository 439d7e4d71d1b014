package io.ecsl.rules;

/** A rule that checks one service at a time; see {@link PerTaskDefinition} for why. */
public interface PerService extends Rule {
  void checkService(RuleContext ctx, ServiceView service);
}
