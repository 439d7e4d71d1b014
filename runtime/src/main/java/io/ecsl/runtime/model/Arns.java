package io.ecsl.runtime.model;

/**
 * ARNs in the real AWS format for the runtime's one account, {@value #ACCOUNT}.
 *
 * <p>Long ARN formats everywhere (mandatory on AWS since 2021): services and tasks carry the
 * cluster name.
 */
public final class Arns {
  /** The account every local resource belongs to. */
  public static final String ACCOUNT = "000000000000";
  /** The principal the runtime reports as the caller (any credentials are accepted). */
  public static final String ROOT_PRINCIPAL = "arn:aws:iam::" + ACCOUNT + ":root";

  private Arns() {}

  public static String ecs(String region, String resource) {
    return "arn:aws:ecs:" + region + ":" + ACCOUNT + ":" + resource;
  }

  public static String cluster(String region, String name) {
    return ecs(region, "cluster/" + name);
  }

  public static String service(String region, String cluster, String name) {
    return ecs(region, "service/" + cluster + "/" + name);
  }

  public static String task(String region, String cluster, String taskId) {
    return ecs(region, "task/" + cluster + "/" + taskId);
  }

  public static String container(String region, String cluster, String taskId, String containerId) {
    return ecs(region, "container/" + cluster + "/" + taskId + "/" + containerId);
  }

  public static String taskDefinition(String region, String family, int revision) {
    return ecs(region, "task-definition/" + family + ":" + revision);
  }

  public static String containerInstance(String region, String cluster, String id) {
    return ecs(region, "container-instance/" + cluster + "/" + id);
  }

  public static String capacityProvider(String region, String name) {
    return ecs(region, "capacity-provider/" + name);
  }

  public static String daemonTaskDefinition(String region, String family, int revision) {
    return ecs(region, "daemon-task-definition/" + family + ":" + revision);
  }

  /** A daemon: like a service, named within its cluster. */
  public static String daemon(String region, String cluster, String name) {
    return ecs(region, "daemon/" + cluster + "/" + name);
  }

  /** A daemon deployment: like a service deployment, the daemon's path and the deployment's id. */
  public static String daemonDeployment(String region, String cluster, String daemon, String id) {
    return ecs(region, "daemon-deployment/" + cluster + "/" + daemon + "/" + id);
  }

  /** A daemon revision: like a service revision, the daemon's path and the revision's id. */
  public static String daemonRevision(String region, String cluster, String daemon, String id) {
    return ecs(region, "daemon-revision/" + cluster + "/" + daemon + "/" + id);
  }

  /**
   * The ARN with the runtime's account in place of another (**EMU**: the runtime is one account, so
   * an ARN a build wrote with the project's account names the local resource of that name).
   */
  public static String inLocalAccount(String arn) {
    String[] parts = arn == null ? new String[0] : arn.split(":", 6);
    if (parts.length != 6 || !parts[0].equals("arn") || parts[4].equals(ACCOUNT) || parts[4].isEmpty()) {
      return arn;
    }
    return parts[0] + ":" + parts[1] + ":" + parts[2] + ":" + parts[3] + ":" + ACCOUNT + ":" + parts[5];
  }

  /** The region field of any ARN ({@code arn:aws:svc:REGION:acct:...}), or null if not an ARN. */
  public static String regionOf(String arn) {
    String[] parts = arn.split(":", 6);
    return parts.length == 6 && parts[0].equals("arn") ? parts[3] : null;
  }

  /** The last path segment of an ARN's resource part ({@code .../name}). */
  public static String lastSegment(String arnOrName) {
    int slash = arnOrName.lastIndexOf('/');
    return slash < 0 ? arnOrName : arnOrName.substring(slash + 1);
  }

  public static boolean isArn(String value) {
    return value != null && value.startsWith("arn:");
  }
}
