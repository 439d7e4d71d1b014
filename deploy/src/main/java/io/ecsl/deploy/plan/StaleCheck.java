package io.ecsl.deploy.plan;

import io.ecsl.deploy.state.LiveResource;
import io.ecsl.deploy.state.LiveState;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Compares what a saved plan read with what the target holds now: a resource created, deleted or
 * changed since (a new task definition revision, a service updated by someone else) makes the plan
 * stale, and apply refuses it rather than undo someone else's change.
 */
public final class StaleCheck {
  private StaleCheck() {}

  public static List<String> check(Plan saved, LiveState now) {
    List<String> out = new ArrayList<>();
    for (ResourcePlan r : saved.resources()) {
      LiveResource live = now.get(r.id());
      if (r.observed() == null) {
        if (live != null && r.action() != Action.NO_CHANGE) {
          out.add(r.address() + " exists now, but did not when the plan was made");
        }
        continue;
      }
      if (live == null) {
        out.add(r.address() + " no longer exists (it did when the plan was made)");
        continue;
      }
      String now2 = PlanContext.fingerprint(live, r.ownedElsewhere());
      if (!Objects.equals(now2, r.observed().fingerprint())) {
        String versions = r.observed().version() != null && !Objects.equals(r.observed().version(), live.version())
            ? " (" + r.observed().version() + " then, " + live.version() + " now)" : "";
        out.add(r.address() + " changed since the plan was made" + versions);
      }
    }
    return out;
  }
}
