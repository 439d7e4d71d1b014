package io.ecsl.model;

/** What a compiled resource is, in dependency order: a kind may depend only on kinds listed before it. */
public enum ResourceKind {
  ACCOUNT_SETTING("account setting"),
  NAMESPACE("namespace"),
  CAPACITY_PROVIDER("capacity provider"),
  CLUSTER("cluster"),
  TASK_DEFINITION("task definition"),
  SERVICE("service"),
  SCALING("service scaling"),
  SCHEDULE("schedule");

  private final String word;

  ResourceKind(String word) {
    this.word = word;
  }

  public String word() {
    return word;
  }
}
