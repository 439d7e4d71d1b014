package io.ecsl.runtime.api.ecs;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.runtime.api.ApiException;
import io.ecsl.runtime.api.AwsService;
import io.ecsl.runtime.api.RequestContext;
import io.ecsl.runtime.engine.ControlPlane;

/** The Amazon ECS API ({@code AmazonEC2ContainerServiceV20141113}): dispatches each operation to its handler. */
public final class EcsApi implements AwsService {
  private final TaskDefinitionOps taskDefinitions;
  private final ClusterOps clusters;
  private final CapacityProviderOps capacityProviders;
  private final ServiceOps services;
  private final ServiceDeploymentOps serviceDeployments;
  private final TaskOps tasks;
  private final ContainerInstanceOps containerInstances;
  private final AccountSettingOps accountSettings;
  private final EcsTagOps tags;
  private final DaemonTaskDefinitionOps daemonTaskDefinitions;
  private final DaemonOps daemons;
  private final DaemonDeploymentOps daemonDeployments;
  private final ControlPlane plane;
  /** Express Mode services: they create ELB and Application Auto Scaling resources, so those APIs are given later. */
  private volatile ExpressGatewayOps express;

  public EcsApi(ControlPlane plane) {
    EcsResolver resolver = new EcsResolver(plane.state(), plane.hostAccess());
    EcsRenderer renderer = new EcsRenderer(plane.state());
    this.accountSettings = new AccountSettingOps(plane.state());
    this.taskDefinitions = new TaskDefinitionOps(plane, resolver);
    this.clusters = new ClusterOps(plane, resolver, renderer, accountSettings);
    this.capacityProviders = new CapacityProviderOps(plane.state(), renderer);
    this.services = new ServiceOps(plane, resolver, renderer);
    this.serviceDeployments = new ServiceDeploymentOps(plane, resolver);
    this.tasks = new TaskOps(plane, resolver, renderer);
    this.containerInstances = new ContainerInstanceOps(plane, resolver, renderer);
    this.tags = new EcsTagOps(plane.state());
    this.daemonTaskDefinitions = new DaemonTaskDefinitionOps(plane);
    this.daemons = new DaemonOps(plane, resolver);
    this.daemonDeployments = new DaemonDeploymentOps(plane.state(), daemons);
    this.plane = plane;
  }

  /**
   * Serves the Express Mode operations by creating what AWS creates for them through these APIs
   * (the ELB API as a query service, Application Auto Scaling) and the local listeners' addresses.
   */
  public void enableExpress(io.ecsl.runtime.api.query.QueryService elb, AwsService autoscaling,
      io.ecsl.runtime.api.elb.ListenerAddresses addresses) {
    this.express = new ExpressGatewayOps(plane, this, elb::call, autoscaling, addresses);
  }

  private ExpressGatewayOps express() {
    if (express == null) {
      throw new ApiException("UnsupportedFeatureException", "Express Mode services need the runtime's load balancers,"
          + " which this runtime was started without.");
    }
    return express;
  }

  @Override
  public String targetPrefix() {
    return "AmazonEC2ContainerServiceV20141113";
  }

  @Override
  public String signingName() {
    return "ecs";
  }

  @Override
  public String errorNamespace() {
    return "com.amazonaws.ecs";
  }

  @Override
  public JsonNode call(String operation, JsonNode request, RequestContext context) {
    RequestListLimits.check(operation, request);
    return switch (operation) {
      case "RegisterTaskDefinition" -> taskDefinitions.register(request, context);
      case "DeregisterTaskDefinition" -> taskDefinitions.deregister(request, context);
      case "DeleteTaskDefinitions" -> taskDefinitions.delete(request, context);
      case "DescribeTaskDefinition" -> taskDefinitions.describe(request, context);
      case "ListTaskDefinitions" -> taskDefinitions.list(request, context);
      case "ListTaskDefinitionFamilies" -> taskDefinitions.listFamilies(request, context);
      case "CreateCluster" -> clusters.create(request, context);
      case "UpdateCluster" -> clusters.update(request, context);
      case "UpdateClusterSettings" -> clusters.updateSettings(request, context);
      case "DeleteCluster" -> clusters.delete(request, context);
      case "DescribeClusters" -> clusters.describe(request, context);
      case "ListClusters" -> clusters.list(request, context);
      case "PutClusterCapacityProviders" -> clusters.putCapacityProviders(request, context);
      case "CreateCapacityProvider" -> capacityProviders.create(request, context);
      case "UpdateCapacityProvider" -> capacityProviders.update(request, context);
      case "DeleteCapacityProvider" -> capacityProviders.delete(request, context);
      case "DescribeCapacityProviders" -> capacityProviders.describe(request, context);
      case "CreateService" -> services.create(request, context);
      case "UpdateService" -> services.update(request, context);
      case "DeleteService" -> services.delete(request, context);
      case "DescribeServices" -> services.describe(request, context);
      case "ListServices" -> services.list(request, context);
      case "ListServiceDeployments" -> serviceDeployments.list(request, context);
      case "DescribeServiceDeployments" -> serviceDeployments.describe(request, context);
      case "DescribeServiceRevisions" -> serviceDeployments.describeRevisions(request, context);
      case "StopServiceDeployment" -> serviceDeployments.stop(request, context);
      case "ContinueServiceDeployment" -> serviceDeployments.continueDeployment(request, context);
      case "RunTask" -> tasks.run(request, context);
      case "StartTask" -> tasks.start(request, context);
      case "StopTask" -> tasks.stop(request, context);
      case "DescribeTasks" -> tasks.describe(request, context);
      case "ListTasks" -> tasks.list(request, context);
      case "RegisterContainerInstance" -> containerInstances.register(request, context);
      case "DeregisterContainerInstance" -> containerInstances.deregister(request, context);
      case "DescribeContainerInstances" -> containerInstances.describe(request, context);
      case "ListContainerInstances" -> containerInstances.list(request, context);
      case "UpdateContainerInstancesState" -> containerInstances.updateState(request, context);
      case "PutAttributes" -> containerInstances.putAttributes(request, context);
      case "DeleteAttributes" -> containerInstances.deleteAttributes(request, context);
      case "ListAttributes" -> containerInstances.listAttributes(request, context);
      case "ExecuteCommand" -> tasks.executeCommand(request, context);
      case "PutAccountSetting" -> accountSettings.put(request, context);
      case "PutAccountSettingDefault" -> accountSettings.putDefault(request, context);
      case "ListAccountSettings" -> accountSettings.list(request, context);
      case "DeleteAccountSetting" -> accountSettings.delete(request, context);
      case "CreateExpressGatewayService" -> express().create(request, context);
      case "UpdateExpressGatewayService" -> express().update(request, context);
      case "DeleteExpressGatewayService" -> express().delete(request, context);
      case "DescribeExpressGatewayService" -> express().describe(request, context);
      case "RegisterDaemonTaskDefinition" -> daemonTaskDefinitions.register(request, context);
      case "DescribeDaemonTaskDefinition" -> daemonTaskDefinitions.describe(request, context);
      case "ListDaemonTaskDefinitions" -> daemonTaskDefinitions.list(request, context);
      case "DeleteDaemonTaskDefinition" -> daemonTaskDefinitions.delete(request, context);
      case "CreateDaemon" -> daemons.create(request, context);
      case "UpdateDaemon" -> daemons.update(request, context);
      case "DeleteDaemon" -> daemons.delete(request, context);
      case "DescribeDaemon" -> daemons.describe(request, context);
      case "ListDaemons" -> daemons.list(request, context);
      case "ListDaemonDeployments" -> daemonDeployments.list(request, context);
      case "DescribeDaemonDeployments" -> daemonDeployments.describe(request, context);
      case "DescribeDaemonRevisions" -> daemonDeployments.describeRevisions(request, context);
      case "TagResource" -> tags.tag(request, context);
      case "UntagResource" -> tags.untag(request, context);
      case "ListTagsForResource" -> tags.list(request, context);
      default -> throw new ApiException("UnknownOperationException", "The ecsl runtime does not implement ECS "
          + operation + " (yet). Supported: task definitions, clusters, capacity providers, container instances and"
          + " attributes, services and their service deployments and revisions, Managed Daemons, Express services, tasks, account settings and tags.");
    };
  }
}
