package io.ecsl.deploy.plan;

import java.util.List;

/**
 * A plan that cannot be carried out as declared, known before anything changes: one sentence per
 * problem, each naming the resource, what is wrong and what to do.
 */
public class PlanRefused extends RuntimeException {
  private final List<String> problems;

  public PlanRefused(List<String> problems) {
    super(String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  /** One sentence per resource: what is wrong and how to proceed. */
  public List<String> problems() {
    return problems;
  }
}
