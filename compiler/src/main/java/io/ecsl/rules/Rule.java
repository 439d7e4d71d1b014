package io.ecsl.rules;

import io.ecsl.diag.Severity;

/**
 * One check of the compiled model: something ECS would reject (an error, code {@code E1xxx}), or
 * something legal but usually a mistake (a warning, code {@code W1xxx}). Each rule has a stable
 * code, documented in docs/rules.md, which {@link RulesReference} generates from the rules themselves.
 *
 * <p>Rules read only the {@link io.ecsl.model.EcsModel}: the API requests and their span index. They
 * must work for any model (compiled from .ecs or imported from JSON), never assume where spans
 * point, and stay linear in the size of the project ({@link ModelIndex} is built once per run).
 */
public interface Rule {
  /** Stable code, e.g. {@code E1001} (errors) or {@code W1101} (warnings). */
  String code();

  /** One line for the rules reference: what the rule checks. */
  String summary();

  /**
   * Where the rule comes from: the ECS API (what the service rejects), a quota, a cfn-lint rule id,
   * a CDK synth-time check, the ECS runtime (what fails after deployment), or ecsl's own judgement.
   */
  default String source() {
    return "ECS API";
  }

  /** Errors fail {@code check}; warnings only with {@code --strict}. Follows from the code. */
  default Severity severity() {
    return code().startsWith("W") ? Severity.WARNING : Severity.ERROR;
  }

  void check(RuleContext context);
}
