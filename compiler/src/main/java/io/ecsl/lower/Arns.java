package io.ecsl.lower;

/** ARNs the compiler must write itself (EventBridge targets take the cluster and task definition ARNs). */
final class Arns {
  private Arns() {}

  /** {@code aws}, or {@code aws-cn} / {@code aws-us-gov} for those regions. */
  static String partition(String region) {
    if (region.startsWith("cn-")) {
      return "aws-cn";
    }
    if (region.startsWith("us-gov-")) {
      return "aws-us-gov";
    }
    return "aws";
  }

  static String ecs(String region, String account, String resource) {
    return "arn:" + partition(region) + ":ecs:" + region + ":" + account + ":" + resource;
  }

  static String cluster(String region, String account, String name) {
    return name.startsWith("arn:") ? name : ecs(region, account, "cluster/" + name);
  }

  static String capacityProvider(String region, String account, String name) {
    return name.startsWith("arn:") ? name : ecs(region, account, "capacity-provider/" + name);
  }

  /** A family ARN without a revision: EventBridge then runs the latest ACTIVE revision. */
  static String taskDefinition(String region, String account, String family) {
    return family.startsWith("arn:") ? family : ecs(region, account, "task-definition/" + family);
  }
}
