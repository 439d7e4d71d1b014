package io.ecsl.deploy.plan;

import java.util.Locale;

/** What apply will do to one resource. */
public enum Action {
  /** It does not exist: create it. */
  CREATE,
  /** Change it in place; running tasks are not replaced. */
  UPDATE,
  /** A task definition's content changed: register a new revision (revisions are immutable). */
  NEW_REVISION,
  /** A service starts a rolling deployment (new task definition revision, network, load balancers, …). */
  REDEPLOY,
  /** A field that cannot change in place changed: delete it and create it again. */
  REPLACE,
  /** Owned by the project but no longer declared: remove it. */
  DELETE,
  /** Live matches the declaration. */
  NO_CHANGE;

  /** The name in the plan JSON and in text: {@code new-revision}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static Action fromId(String id) {
    return valueOf(id.toUpperCase(Locale.ROOT).replace('-', '_'));
  }

  public boolean isChange() {
    return this != NO_CHANGE;
  }
}
