package io.ecsl.deploy.apply;

import java.util.List;

/**
 * What an apply did: the resources it changed, those that failed (with why), and those it did not
 * attempt, so a failure midway says exactly what was applied and what was not. Running apply again
 * converges: it plans from what is live.
 *
 * @param applied addresses whose every step succeeded
 * @param failed "address: reason" for each resource that failed
 * @param notApplied addresses not attempted (a dependency failed)
 */
public record ApplyResult(List<String> applied, List<String> failed, List<String> notApplied) {
  public ApplyResult {
    applied = List.copyOf(applied);
    failed = List.copyOf(failed);
    notApplied = List.copyOf(notApplied);
  }

  public boolean ok() {
    return failed.isEmpty() && notApplied.isEmpty();
  }
}
