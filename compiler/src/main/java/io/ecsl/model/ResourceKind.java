package io.ecsl.model;

/** What a compiled resource is, in dependency order: a kind may depend only on kinds listed before it. */
public enum ResourceKind {
  ACCOUNT_SETTING("account setting"),
  NAMESPACE("namespace"),
  // A Cloud Map service lives in its namespace; an ECS service registers its tasks in it.
  DISCOVERY_SERVICE("discovery service"),
  CAPACITY_PROVIDER("capacity provider"),
  CLUSTER("cluster"),
  TASK_DEFINITION("task definition"),
  // A Managed Daemon's task starts on an instance before any other task is placed there, so the
  // daemon comes before the services that share its capacity providers.
  DAEMON_TASK_DEFINITION("daemon task definition"),
  DAEMON("daemon"),
  // Elastic Load Balancing: ECS requires a service's target group to be attached to a load
  // balancer (a listener or a rule forwards to it) before the service is created.
  TARGET_GROUP("target group"),
  LOAD_BALANCER("load balancer"),
  LISTENER("listener"),
  LISTENER_RULE("listener rule"),
  SERVICE("service"),
  SCALING("service scaling"),
  SCHEDULE("schedule"),
  // An Express service creates its own task definition, load balancer and scaling (AWS-managed),
  // so it depends only on its cluster.
  EXPRESS_SERVICE("Express service");

  private final String word;

  ResourceKind(String word) {
    this.word = word;
  }

  public String word() {
    return word;
  }

  /** {@code target-group}: how manifests, build directories and ARN placeholders name the kind. */
  public String id() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
