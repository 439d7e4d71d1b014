package io.ecsl.deploy.plan;

import java.util.List;

/**
 * Declared resources that already exist in the target and belong to another ecsl project (their
 * {@code ecsl:project} tag names it). Planning them would retag them to this project, after which
 * this project's destroy would delete them: the plan is refused instead.
 */
public final class OwnershipConflict extends PlanRefused {
  public OwnershipConflict(List<String> conflicts) {
    super(conflicts);
  }

  /** One sentence per resource: which project owns it and how to proceed. */
  public List<String> conflicts() {
    return problems();
  }
}
