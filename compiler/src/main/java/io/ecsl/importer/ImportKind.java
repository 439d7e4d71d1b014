package io.ecsl.importer;

import io.ecsl.model.ResourceKind;
import java.util.Set;

/**
 * The kinds of ECS document {@code ecsl import} reads: for each, the request it becomes, the shape
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
          "updateStatusReason"));

  final ResourceKind resourceKind;
  final String operation;
  final String outputShape;
  final String nameMember;
  final String keyword;
  final String directory;
  /** Members only Describe returns that are typical enough to mark a whole document as Describe output. */
  final Set<String> responseMarkers;

  ImportKind(ResourceKind resourceKind, String operation, String outputShape, String nameMember, String keyword,
      String directory, Set<String> responseMarkers) {
    this.resourceKind = resourceKind;
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
}
