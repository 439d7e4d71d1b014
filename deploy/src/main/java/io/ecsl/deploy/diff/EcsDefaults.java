package io.ecsl.deploy.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.ecsl.facts.size.TaskSize;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * What the AWS APIs fill in when a field is omitted, so "omitted" and "the default" compare equal
 * in both directions (the user omits {@code essential}, DescribeTaskDefinition says
 * {@code "essential": true}). Keys are {@code Shape.member} of the request shapes. Context-dependent
 * defaults (hostPort in awsvpc, DAEMON deployment percentages) live in {@link EcsSemantics}.
 * Sources: docs/ecs-semantics.md §1–§3 and §7, and what DescribeTaskDefinition/DescribeServices return.
 */
public final class EcsDefaults {
  private static final Map<String, JsonNode> DEFAULTS = Map.ofEntries(
      // Task definitions (§1)
      Map.entry("RegisterTaskDefinitionRequest.networkMode", TextNode.valueOf("bridge")),
      Map.entry("RegisterTaskDefinitionRequest.enableFaultInjection", BooleanNode.FALSE),
      Map.entry("RuntimePlatform.operatingSystemFamily", TextNode.valueOf("LINUX")),
      Map.entry("RuntimePlatform.cpuArchitecture", TextNode.valueOf("X86_64")),
      Map.entry("ContainerDefinition.essential", BooleanNode.TRUE),
      Map.entry("ContainerDefinition.cpu", IntNode.valueOf(0)),
      Map.entry("ContainerDefinition.versionConsistency", TextNode.valueOf("enabled")),
      Map.entry("PortMapping.protocol", TextNode.valueOf("tcp")),
      Map.entry("MountPoint.readOnly", BooleanNode.FALSE),
      Map.entry("VolumeFrom.readOnly", BooleanNode.FALSE),
      Map.entry("HealthCheck.interval", IntNode.valueOf(30)),
      Map.entry("HealthCheck.timeout", IntNode.valueOf(5)),
      Map.entry("HealthCheck.retries", IntNode.valueOf(3)),
      Map.entry("HealthCheck.startPeriod", IntNode.valueOf(0)),
      Map.entry("DockerVolumeConfiguration.scope", TextNode.valueOf("task")),
      Map.entry("EFSVolumeConfiguration.rootDirectory", TextNode.valueOf("/")),
      Map.entry("EFSVolumeConfiguration.transitEncryption", TextNode.valueOf("DISABLED")),
      Map.entry("EFSAuthorizationConfig.iam", TextNode.valueOf("DISABLED")),
      // Managed Daemons (ecs-runtime-integrations §7.4): what RegisterDaemonTaskDefinition and
      // CreateDaemon fill in, as for task definitions and services
      Map.entry("DaemonContainerDefinition.essential", BooleanNode.TRUE),
      Map.entry("DaemonContainerDefinition.cpu", IntNode.valueOf(0)),
      Map.entry("RegisterDaemonTaskDefinitionRequest.pidMode", TextNode.valueOf("none")),
      Map.entry("RegisterDaemonTaskDefinitionRequest.ipcMode", TextNode.valueOf("none")),
      Map.entry("CreateDaemonRequest.propagateTags", TextNode.valueOf("NONE")),
      Map.entry("CreateDaemonRequest.enableECSManagedTags", BooleanNode.FALSE),
      Map.entry("CreateDaemonRequest.enableExecuteCommand", BooleanNode.FALSE),
      Map.entry("DaemonDeploymentConfiguration.bakeTimeInMinutes", IntNode.valueOf(0)),
      Map.entry("DaemonAlarmConfiguration.enable", BooleanNode.FALSE),
      // Express Mode services: what CreateExpressGatewayService fills in (facts.express.ExpressDefaults)
      Map.entry("CreateExpressGatewayServiceRequest.cluster", TextNode.valueOf(io.ecsl.facts.express.ExpressDefaults.CLUSTER)),
      Map.entry("CreateExpressGatewayServiceRequest.cpu", TextNode.valueOf(io.ecsl.facts.express.ExpressDefaults.CPU)),
      Map.entry("CreateExpressGatewayServiceRequest.memory", TextNode.valueOf(io.ecsl.facts.express.ExpressDefaults.MEMORY)),
      Map.entry("CreateExpressGatewayServiceRequest.healthCheckPath",
          TextNode.valueOf(io.ecsl.facts.express.ExpressDefaults.HEALTH_CHECK_PATH)),
      Map.entry("ExpressGatewayContainer.containerPort", IntNode.valueOf(io.ecsl.facts.express.ExpressDefaults.CONTAINER_PORT)),
      Map.entry("ExpressGatewayScalingTarget.minTaskCount", IntNode.valueOf(io.ecsl.facts.express.ExpressDefaults.MIN_TASKS)),
      Map.entry("ExpressGatewayScalingTarget.autoScalingMetric", TextNode.valueOf(io.ecsl.facts.express.ExpressDefaults.METRIC)),
      Map.entry("ExpressGatewayScalingTarget.autoScalingTargetValue",
          IntNode.valueOf(io.ecsl.facts.express.ExpressDefaults.TARGET_VALUE)),
      // Services (§3)
      Map.entry("CreateServiceRequest.schedulingStrategy", TextNode.valueOf("REPLICA")),
      Map.entry("CreateServiceRequest.healthCheckGracePeriodSeconds", IntNode.valueOf(0)),
      Map.entry("CreateServiceRequest.enableECSManagedTags", BooleanNode.FALSE),
      Map.entry("CreateServiceRequest.enableExecuteCommand", BooleanNode.FALSE),
      Map.entry("CreateServiceRequest.propagateTags", TextNode.valueOf("NONE")),
      Map.entry("CreateServiceRequest.platformVersion", TextNode.valueOf("LATEST")),
      Map.entry("DeploymentController.type", TextNode.valueOf("ECS")),
      Map.entry("DeploymentConfiguration.strategy", TextNode.valueOf("ROLLING")),
      Map.entry("DeploymentCircuitBreaker.enable", BooleanNode.FALSE),
      Map.entry("DeploymentCircuitBreaker.rollback", BooleanNode.FALSE),
      Map.entry("DeploymentAlarms.enable", BooleanNode.FALSE),
      Map.entry("DeploymentAlarms.rollback", BooleanNode.FALSE),
      Map.entry("AwsVpcConfiguration.assignPublicIp", TextNode.valueOf("DISABLED")),
      Map.entry("CapacityProviderStrategyItem.base", IntNode.valueOf(0)),
      Map.entry("CapacityProviderStrategyItem.weight", IntNode.valueOf(0)),
      // Capacity providers (§4): what CreateCapacityProvider fills in. Managed draining is on for
      // new Auto Scaling group capacity providers unless turned off; termination protection and
      // managed scaling are off unless turned on.
      Map.entry("AutoScalingGroupProvider.managedDraining", TextNode.valueOf("ENABLED")),
      Map.entry("AutoScalingGroupProvider.managedTerminationProtection", TextNode.valueOf("DISABLED")),
      Map.entry("ManagedScaling.status", TextNode.valueOf("DISABLED")),
      Map.entry("ManagedScaling.targetCapacity", IntNode.valueOf(100)),
      Map.entry("ManagedScaling.minimumScalingStepSize", IntNode.valueOf(1)),
      Map.entry("ManagedScaling.maximumScalingStepSize", IntNode.valueOf(10000)),
      Map.entry("ManagedScaling.instanceWarmupPeriod", IntNode.valueOf(300)),
      // Clusters (§7.1)
      Map.entry("ExecuteCommandConfiguration.logging", TextNode.valueOf("DEFAULT")),
      Map.entry("ExecuteCommandLogConfiguration.cloudWatchEncryptionEnabled", BooleanNode.FALSE),
      Map.entry("ExecuteCommandLogConfiguration.s3EncryptionEnabled", BooleanNode.FALSE),
      // EventBridge rules and ECS targets (§8)
      Map.entry("PutRuleRequest.State", TextNode.valueOf("ENABLED")),
      Map.entry("PutRuleRequest.EventBusName", TextNode.valueOf("default")),
      Map.entry("EcsParameters.TaskCount", IntNode.valueOf(1)),
      Map.entry("EcsParameters.EnableECSManagedTags", BooleanNode.FALSE),
      Map.entry("EcsParameters.EnableExecuteCommand", BooleanNode.FALSE),
      // Target retry policies, EventBridge's and Scheduler's alike (ecs-runtime-integrations §6.1, §6.2)
      Map.entry("RetryPolicy.MaximumRetryAttempts", IntNode.valueOf(185)),
      Map.entry("RetryPolicy.MaximumEventAgeInSeconds", IntNode.valueOf(86400)),
      // EventBridge Scheduler schedules (§6.2)
      Map.entry("CreateScheduleInput.GroupName", TextNode.valueOf("default")),
      Map.entry("CreateScheduleInput.State", TextNode.valueOf("ENABLED")),
      Map.entry("CreateScheduleInput.ActionAfterCompletion", TextNode.valueOf("NONE")),
      Map.entry("CreateScheduleInput.ScheduleExpressionTimezone", TextNode.valueOf("UTC")),
      // Application Auto Scaling (§9)
      Map.entry("SuspendedState.DynamicScalingInSuspended", BooleanNode.FALSE),
      Map.entry("SuspendedState.DynamicScalingOutSuspended", BooleanNode.FALSE),
      Map.entry("SuspendedState.ScheduledScalingSuspended", BooleanNode.FALSE),
      Map.entry("TargetTrackingScalingPolicyConfiguration.DisableScaleIn", BooleanNode.FALSE),
      // Elastic Load Balancing v2: what DescribeTargetGroups/LoadBalancers/Listeners answer when omitted
      Map.entry("CreateTargetGroupInput.HealthCheckEnabled", BooleanNode.TRUE),
      Map.entry("CreateTargetGroupInput.HealthCheckPort", TextNode.valueOf("traffic-port")),
      Map.entry("CreateTargetGroupInput.TargetType", TextNode.valueOf("instance")),
      Map.entry("CreateTargetGroupInput.IpAddressType", TextNode.valueOf("ipv4")),
      Map.entry("CreateLoadBalancerInput.Scheme", TextNode.valueOf("internet-facing")),
      Map.entry("CreateLoadBalancerInput.Type", TextNode.valueOf("application")),
      Map.entry("CreateLoadBalancerInput.IpAddressType", TextNode.valueOf("ipv4")),
      Map.entry("TargetGroupTuple.Weight", IntNode.valueOf(1)),
      Map.entry("TargetGroupStickinessConfig.Enabled", BooleanNode.FALSE),
      Map.entry("FixedResponseActionConfig.ContentType", TextNode.valueOf("text/plain")),
      Map.entry("RedirectActionConfig.Protocol", TextNode.valueOf("#{protocol}")),
      Map.entry("RedirectActionConfig.Port", TextNode.valueOf("#{port}")),
      Map.entry("RedirectActionConfig.Host", TextNode.valueOf("#{host}")),
      Map.entry("RedirectActionConfig.Path", TextNode.valueOf("/#{path}")),
      Map.entry("RedirectActionConfig.Query", TextNode.valueOf("#{query}")),
      // Cloud Map services (servicediscovery CreateService; facts.cloudmap.DiscoveryServiceFacts): the
      // routing policy's default, a Route 53 health check's threshold and path; a DNS namespace's SOA TTL. (A custom health
      // check's threshold, always 1 whatever was sent, is compared by SimplePlans: as a default it
      // would leave `HealthCheckCustomConfig: {}` empty, and an empty object is no object.)
      Map.entry("SOA.TTL", IntNode.valueOf(io.ecsl.facts.cloudmap.NamespaceFacts.SOA_TTL_DEFAULT)),
      Map.entry("DnsConfig.RoutingPolicy", TextNode.valueOf(io.ecsl.facts.cloudmap.DiscoveryServiceFacts.DEFAULT_ROUTING)),
      Map.entry("HealthCheckConfig.FailureThreshold",
          IntNode.valueOf(io.ecsl.facts.cloudmap.DiscoveryServiceFacts.ROUTE53_FAILURE_THRESHOLD_DEFAULT)),
      Map.entry("HealthCheckConfig.ResourcePath", TextNode.valueOf(io.ecsl.facts.cloudmap.DiscoveryServiceFacts.ROUTE53_RESOURCE_PATH_DEFAULT)));

  /**
   * Fields the service chooses when they are omitted, from settings outside the declaration
   * (the cluster's default capacity provider strategy, the account's Container Insights setting,
   * the service-linked role): when the user declares nothing, the live value is not a change.
   */
  private static final Set<String> SERVER_CHOSEN = Set.of(
      "CreateServiceRequest.launchType",
      "CreateServiceRequest.capacityProviderStrategy",
      "CreateServiceRequest.availabilityZoneRebalancing",
      "CreateServiceRequest.role",
      "CreateClusterRequest.settings",
      "CreateClusterRequest.configuration",
      "RegisterScalableTargetRequest.RoleARN",
      "PutRuleRequest.RoleArn",
      // A target group's health check follows its protocol (HTTP: `/`, 5 s timeout, code 200; TCP:
      // 10 s, no path), and so does an HTTP listener's (no) security policy.
      "CreateTargetGroupInput.ProtocolVersion",
      "CreateTargetGroupInput.HealthCheckProtocol",
      "CreateTargetGroupInput.HealthCheckPath",
      "CreateTargetGroupInput.HealthCheckIntervalSeconds",
      "CreateTargetGroupInput.HealthCheckTimeoutSeconds",
      "CreateTargetGroupInput.HealthyThresholdCount",
      "CreateTargetGroupInput.UnhealthyThresholdCount",
      "CreateTargetGroupInput.Matcher",
      "CreateLoadBalancerInput.SecurityGroups",
      "CreateListenerInput.SslPolicy",
      "CreateListenerInput.AlpnPolicy",
      // A Cloud Map service's type follows its namespace and DNS records (HTTP, DNS_HTTP, DNS).
      "CreateServiceRequest.Type");

  /** Request members the APIs take but never return: they cannot be compared, only sent. */
  private static final Set<String> WRITE_ONLY = Set.of(
      "CreateServiceRequest.clientToken",
      "CreateDaemonRequest.clientToken",
      "CreateScheduleInput.ClientToken",
      "CreateHttpNamespaceRequest.CreatorRequestId",
      "CreatePrivateDnsNamespaceRequest.CreatorRequestId",
      "CreatePublicDnsNamespaceRequest.CreatorRequestId",
      "CreatePrivateDnsNamespaceRequest.Vpc",
      "CreateServiceRequest.CreatorRequestId");

  private EcsDefaults() {}

  /** The value the API assumes when {@code owner.member} is omitted, or null. */
  public static JsonNode defaultOf(String owner, String member) {
    return DEFAULTS.get(owner + "." + member);
  }

  /** True when the service picks this field's value if the declaration leaves it out. */
  public static boolean serverChosen(String owner, String member) {
    return SERVER_CHOSEN.contains(owner + "." + member);
  }

  /** True when the API accepts this member but Describe never returns it. */
  public static boolean writeOnly(String owner, String member) {
    return WRITE_ONLY.contains(owner + "." + member);
  }

  /** The members of request shape {@code owner} that {@link #writeOnly} is true of. */
  public static List<String> writeOnlyMembers(String owner) {
    return WRITE_ONLY_BY_OWNER.getOrDefault(owner, List.of());
  }

  /** The members of request shape {@code owner} that {@link #serverChosen} is true of. */
  public static List<String> serverChosenMembers(String owner) {
    return SERVER_CHOSEN_BY_OWNER.getOrDefault(owner, List.of());
  }

  private static final Map<String, List<String>> WRITE_ONLY_BY_OWNER = byOwner(WRITE_ONLY);
  private static final Map<String, List<String>> SERVER_CHOSEN_BY_OWNER = byOwner(SERVER_CHOSEN);

  private static Map<String, List<String>> byOwner(Set<String> qualified) {
    Map<String, List<String>> out = new HashMap<>();
    for (String q : qualified) {
      int dot = q.indexOf('.');
      out.computeIfAbsent(q.substring(0, dot), k -> new ArrayList<>()).add(q.substring(dot + 1));
    }
    out.replaceAll((k, v) -> List.copyOf(v));
    return Map.copyOf(out);
  }

  private static boolean plainNumber(String s) {
    if (s.isEmpty() || s.charAt(0) == '0') {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  /** True when {@code owner.member} is the task-level cpu or memory, which take unit forms. */
  public static boolean takesUnitForm(String owner, String member) {
    return isTaskSize(owner) && (member.equals("cpu") || member.equals("memory"));
  }

  /** Shapes whose cpu and memory are a whole task's (a daemon task's too), in unit forms or plain numbers. */
  private static boolean isTaskSize(String owner) {
    return owner.equals("RegisterTaskDefinitionRequest") || owner.equals("TaskDefinition")
        || owner.equals("RegisterDaemonTaskDefinitionRequest") || owner.equals("DaemonTaskDefinition");
  }

  /**
   * Task-level {@code cpu}/{@code memory} in the form Describe returns them: {@code "1 vCPU"} →
   * {@code "1024"}, {@code "2 GB"} → {@code "2048"}, read by {@link TaskSize} as ECS reads them.
   * Anything else (not a size ECS understands) is returned unchanged.
   */
  public static String unitForm(String owner, String member, String value) {
    boolean task = isTaskSize(owner);
    if (!task || value == null || plainNumber(value)) {
      return value; // "256": already the form Describe returns, no need to parse
    }
    OptionalLong amount = switch (member) {
      case "cpu" -> TaskSize.cpuUnits(value);
      case "memory" -> TaskSize.memoryMiB(value);
      default -> OptionalLong.empty();
    };
    return amount.isPresent() ? String.valueOf(amount.getAsLong()) : value;
  }
}
