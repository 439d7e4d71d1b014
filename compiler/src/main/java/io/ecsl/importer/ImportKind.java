package io.ecsl.importer;

import io.ecsl.model.ResourceKind;
import io.ecsl.schema.ServiceModel;
import java.util.Set;

/**
 * The kinds of ECS, Elastic Load Balancing and Cloud Map document {@code ecsl import} reads: for each, the request it becomes, the shape
 * Describe returns it in, the member that names it, and the response-only members that mark a
 * document as Describe output (whose other response-only members are then dropped knowingly).
 */
public enum ImportKind {
  TASK_DEFINITION(ResourceKind.TASK_DEFINITION, "RegisterTaskDefinition", "TaskDefinition", "family", "task",
      "task-definitions/", Set.of("taskDefinitionArn", "revision", "status", "registeredAt", "registeredBy",
          "requiresAttributes", "compatibilities", "deregisteredAt")),
  SERVICE(ResourceKind.SERVICE, "CreateService", "Service", "serviceName", "service", "services/",
      Set.of("serviceArn", "clusterArn", "status", "runningCount", "pendingCount", "deployments", "events",
          "createdAt", "createdBy", "taskSets", "roleArn", "platformFamily")),
  CLUSTER(ResourceKind.CLUSTER, "CreateCluster", "Cluster", "clusterName", "cluster", "clusters/",
      Set.of("clusterArn", "status", "registeredContainerInstancesCount", "runningTasksCount", "pendingTasksCount",
          "activeServicesCount", "statistics", "attachments", "attachmentsStatus")),
  CAPACITY_PROVIDER(ResourceKind.CAPACITY_PROVIDER, "CreateCapacityProvider", "CapacityProvider", "name",
      "capacity_provider", "capacity-providers/", Set.of("capacityProviderArn", "status", "updateStatus",
          "updateStatusReason")),
  /** Written inside the {@code daemon} declaration of the daemon that runs it. */
  DAEMON_TASK_DEFINITION(ResourceKind.DAEMON_TASK_DEFINITION, "RegisterDaemonTaskDefinition", "DaemonTaskDefinition",
      "family", "daemon", "daemon-task-definitions/", Set.of("daemonTaskDefinitionArn", "revision", "status",
          "registeredAt", "registeredBy", "deleteRequestedAt")),
  /** A CreateDaemon request, or DescribeDaemon output completed by DescribeDaemonRevisions and DescribeDaemonDeployments. */
  DAEMON(ResourceKind.DAEMON, "CreateDaemon", "DaemonDetail", "daemonName", "daemon", "daemons/",
      Set.of("daemonArn", "status", "currentRevisions", "deploymentArn", "createdAt", "updatedAt")),
  TARGET_GROUP(ResourceKind.TARGET_GROUP, ServiceModel.ELBV2, "CreateTargetGroup", "TargetGroup", "Name", "target_group",
      "target-groups/", Set.of("TargetGroupArn", "TargetGroupName", "LoadBalancerArns")),
  LOAD_BALANCER(ResourceKind.LOAD_BALANCER, ServiceModel.ELBV2, "CreateLoadBalancer", "LoadBalancer", "Name", "load_balancer",
      "load-balancers/", Set.of("LoadBalancerArn", "LoadBalancerName", "DNSName", "State", "CreatedTime", "AvailabilityZones")),
  /** Named {@code LOAD_BALANCER:PORT}, as the build names a listener. */
  LISTENER(ResourceKind.LISTENER, ServiceModel.ELBV2, "CreateListener", "Listener", null, "listener", "listeners/",
      Set.of("ListenerArn")),
  /** Named {@code LOAD_BALANCER:PORT:PRIORITY}; written inside its listener's declaration. */
  LISTENER_RULE(ResourceKind.LISTENER_RULE, ServiceModel.ELBV2, "CreateRule", "Rule", null, "rule", "listener-rules/",
      Set.of("RuleArn", "IsDefault")),
  /** A Cloud Map service: {@code aws servicediscovery get-service} output ({@code {"Service": …}}) or a CreateService request. */
  DISCOVERY_SERVICE(ResourceKind.DISCOVERY_SERVICE, ServiceModel.CLOUD_MAP, "CreateService", "Service", "Name",
      "discovery_service", "discovery-services/", Set.of("Id", "Arn", "CreateDate", "InstanceCount", "ResourceOwner",
          "CreatedByAccount"));

  final ResourceKind resourceKind;
  /** The API the request belongs to ({@code ecs}, {@code elbv2}), whose model checks it. */
  final String service;
  final String operation;
  final String outputShape;
  final String nameMember;
  final String keyword;
  final String directory;
  /** Members only Describe returns that are typical enough to mark a whole document as Describe output. */
  final Set<String> responseMarkers;

  ImportKind(ResourceKind resourceKind, String operation, String outputShape, String nameMember, String keyword,
      String directory, Set<String> responseMarkers) {
    this(resourceKind, ServiceModel.ECS, operation, outputShape, nameMember, keyword, directory, responseMarkers);
  }

  ImportKind(ResourceKind resourceKind, String service, String operation, String outputShape, String nameMember, String keyword,
      String directory, Set<String> responseMarkers) {
    this.resourceKind = resourceKind;
    this.service = service;
    this.operation = operation;
    this.outputShape = outputShape;
    this.nameMember = nameMember;
    this.keyword = keyword;
    this.directory = directory;
    this.responseMarkers = responseMarkers;
  }

  public String word() {
    return resourceKind.word();
  }

  /** The model of the API the request belongs to. */
  ServiceModel model() {
    return ServiceModel.get(service);
  }

  boolean elb() {
    return service.equals(ServiceModel.ELBV2);
  }
}
