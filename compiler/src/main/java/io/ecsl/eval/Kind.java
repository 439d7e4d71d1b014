package io.ecsl.eval;

import java.util.LinkedHashMap;
import java.util.Map;

/** The kinds of top-level declaration, by the keyword that introduces them. */
public enum Kind {
  CLUSTER("cluster", "cluster"),
  TASK("task", "task definition"),
  SERVICE("service", "service"),
  CAPACITY_PROVIDER("capacity_provider", "capacity provider"),
  NAMESPACE("namespace", "namespace"),
  DISCOVERY_SERVICE("discovery_service", "discovery service"),
  TARGET_GROUP("target_group", "target group"),
  LOAD_BALANCER("load_balancer", "load balancer"),
  LISTENER("listener", "listener"),
  SCHEDULE("schedule", "schedule"),
  EXPRESS_SERVICE("express_service", "Express service"),
  DAEMON("daemon", "daemon"),
  ACCOUNT_SETTINGS("account_settings", "account settings"),
  PROJECT("project", "project settings");

  private static final Map<String, Kind> BY_KEYWORD = new LinkedHashMap<>();

  static {
    for (Kind k : values()) {
      BY_KEYWORD.put(k.keyword, k);
    }
  }

  private final String keyword;
  private final String word;

  Kind(String keyword, String word) {
    this.keyword = keyword;
    this.word = word;
  }

  /** The keyword that declares it, e.g. {@code capacity_provider}. */
  public String keyword() {
    return keyword;
  }

  /** How messages name it, e.g. "task definition". */
  public String word() {
    return word;
  }

  public static Kind byKeyword(String keyword) {
    return BY_KEYWORD.get(keyword);
  }

  public static java.util.Set<String> keywords() {
    return BY_KEYWORD.keySet();
  }

  /** Kinds declared without a label: there is one of each per project. */
  public boolean isSingleton() {
    return this == ACCOUNT_SETTINGS || this == PROJECT;
  }

  /**
   * Kinds written {@code KEYWORD NAME in PARENT}: a service in its cluster, a listener on its load
   * balancer, a discovery service in its namespace.
   */
  public boolean takesIn() {
    return this == SERVICE || this == LISTENER || this == EXPRESS_SERVICE || this == DAEMON || this == DISCOVERY_SERVICE;
  }
}
