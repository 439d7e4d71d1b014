package io.ecsl.rules;

/**
 * One check of the compiled model: something ECS would reject, or something legal but usually a
 * mistake (a warning). Each rule has a stable code, documented in docs/rules.md, which is
 * generated from the rules themselves.
 */
public interface Rule {
  /** Stable code, e.g. {@code E1001} (errors) or {@code W1001} (warnings). */
  String code();

  /** One line for the rules reference: what the rule checks. */
  String summary();

  /** Where the rule comes from: the ECS API, a quota, cfn-lint, CDK, or ecsl's own judgement. */
  default String source() {
    return "ECS API";
  }

  void check(RuleContext context);
}
