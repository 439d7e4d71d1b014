package io.ecsl.runtime.api.ecs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.facts.limits.EcsName;
import io.ecsl.runtime.api.ApiException;
import io.ecsl.runtime.api.Pages;
import io.ecsl.runtime.api.Pages.Paging;
import io.ecsl.runtime.api.RequestContext;
import io.ecsl.runtime.api.Requests;
import io.ecsl.runtime.capacity.LaunchCompatibility;
import io.ecsl.runtime.deployments.ServiceDeployments;
import io.ecsl.runtime.deployments.StagedSpec;
import io.ecsl.runtime.deployments.TargetGroupRoles;
import io.ecsl.runtime.engine.ClusterProviders;
import io.ecsl.runtime.engine.ControlPlane;
import io.ecsl.runtime.engine.RuntimeState;
import io.ecsl.runtime.json.Json;
import io.ecsl.runtime.model.Arns;
import io.ecsl.runtime.model.DeploymentEntity;
import io.ecsl.runtime.model.Ids;
import io.ecsl.runtime.model.ServiceEntity;
import io.ecsl.runtime.placement.PlacementRequests;
import io.ecsl.runtime.store.Tag;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** CreateService, UpdateService, DeleteService, DescribeServices, ListServices (§3). */
final class ServiceOps {
  /** UpdateService members that start a new deployment when they change (§3.3). */
  private static final List<String> DEPLOYMENT_TRIGGERS = List.of("networkConfiguration", "platformVersion",
      "loadBalancers", "serviceRegistries", "serviceConnectConfiguration", "volumeConfigurations",
      "vpcLatticeConfigurations");

  private final ControlPlane plane;
  private final RuntimeState state;
  private final EcsResolver resolver;
  private final EcsRenderer renderer;

  ServiceOps(ControlPlane plane, EcsResolver resolver, EcsRenderer renderer) {
    this.plane = plane;
    this.state = plane.state();
    this.resolver = resolver;
    this.renderer = renderer;
  }

  JsonNode create(JsonNode request, RequestContext context) {
    String name = Requests.required(request, "serviceName");
    if (!EcsName.SERVICE.isValid(name)) {
      throw ApiException.invalidParameter("Invalid serviceName '" + name
          + "': use 1 to 255 letters, digits, hyphens and underscores.");
    }
    List<Tag> tags = Requests.ecsTags(request.get("tags"));
    JsonNode response = state.atomically(() -> {
      ObjectNode cluster = resolver.activeCluster(context, Json.text(request, "cluster"));
      String clusterArn = Json.text(cluster, "clusterArn");
      String clusterName = Json.text(cluster, "clusterName");
      String arn = Arns.service(context.region(), clusterName, name);
      ServiceEntity existing = state.services.get(arn);
      if (existing != null && !ServiceEntity.INACTIVE.equals(existing.status)) {
        String token = Json.text(request, "clientToken");
        if (token != null && token.equals(existing.clientToken)) {
          return wrap(renderer.service(existing, true));
        }
        throw ApiException.invalidParameter("Creation of service was not idempotent: service " + name
            + " already exists in cluster " + clusterName + " (" + existing.status + "). Use UpdateService to change"
            + " it, or delete it first.");
      }
      ServiceEntity service = newService(request, context, cluster, name, arn, clusterArn, clusterName);
      state.services.put(arn, service);
      state.deleteTags(arn);
      if (!tags.isEmpty()) {
        state.putTags(arn, tags);
      }
      return wrap(renderer.service(service, true));
    });
    plane.requestTick();
    return response;
  }

  private ServiceEntity newService(JsonNode request, RequestContext context, ObjectNode cluster, String name,
      String arn, String clusterArn, String clusterName) {
    String scheduling = Json.text(request, "schedulingStrategy", "REPLICA");
    if (!scheduling.equals("REPLICA") && !scheduling.equals("DAEMON")) {
      throw ApiException.invalidParameter("Invalid schedulingStrategy '" + scheduling + "': use REPLICA or DAEMON.");
    }
    boolean daemon = scheduling.equals("DAEMON");
    Integer desired = Json.integer(request, "desiredCount");
    if (!daemon && desired == null) {
      throw ApiException.invalidParameter("desiredCount is required for service " + name
          + " (schedulingStrategy REPLICA).");
    }
    if (desired != null && desired < 0) {
      throw ApiException.invalidParameter("desiredCount must be 0 or more; got " + desired + ".");
    }
    ObjectNode taskDefinition = resolver.activeTaskDefinition(context,
        Requests.required(request, "taskDefinition"));
    String launchType = Json.text(request, "launchType");
    JsonNode strategy = request.get("capacityProviderStrategy");
    checkPlacementChoice(launchType, strategy);
    CapacityProviderRules.validateStrategy(strategy, ClusterProviders.associated(state, cluster),
        ClusterProviders.kinds(state, context.region()), "capacityProviderStrategy");
    if (daemon) {
      checkDaemon(name, launchType, strategy, request.get("placementStrategy"));
    }
    if (launchType == null && (strategy == null || strategy.isEmpty())) {
      JsonNode defaults = cluster.get("defaultCapacityProviderStrategy");
      if (defaults != null && !defaults.isEmpty() && !daemon) {
        strategy = defaults;
      } else {
        launchType = "EC2";
      }
    }
    checkPlacement(request.get("placementConstraints"), request.get("placementStrategy"));
    LaunchCompatibility.problem(taskDefinition, launchType, launchType == null ? strategy : null,
        provider -> ClusterProviders.isManagedInstances(state.capacityProviders.get(Arns.capacityProvider(context.region(),
            provider))))
        .ifPresent(problem -> {
          throw ApiException.invalidParameter(problem);
        });
    JsonNode network = request.get("networkConfiguration");
    checkNetwork(taskDefinition, network);
    Instant now = plane.clock().instant();

    ServiceEntity service = new ServiceEntity();
    service.serviceArn = arn;
    service.serviceName = name;
    service.clusterArn = clusterArn;
    service.clusterName = clusterName;
    service.region = context.region();
    service.status = ServiceEntity.ACTIVE;
    service.desiredCount = daemon ? 0 : desired;
    service.taskDefinition = Json.text(taskDefinition, "taskDefinitionArn");
    service.launchType = launchType;
    service.capacityProviderStrategy = launchType == null ? strategy : null;
    service.platformVersion = platformVersion(launchType, request);
    service.platformFamily = "FARGATE".equals(launchType) ? "Linux" : null;
    service.deploymentConfiguration = deploymentConfiguration(request.get("deploymentConfiguration"), daemon, null);
    service.schedulingStrategy = scheduling;
    service.deploymentController = request.has("deploymentController") ? request.get("deploymentController")
        : Json.object().put("type", "ECS");
    service.healthCheckGracePeriodSeconds = Json.integer(request, "healthCheckGracePeriodSeconds");
    service.networkConfiguration = network;
    service.loadBalancers = request.get("loadBalancers");
    service.serviceRegistries = request.get("serviceRegistries");
    service.placementConstraints = request.get("placementConstraints");
    service.placementStrategy = request.get("placementStrategy");
    service.serviceConnectConfiguration = request.get("serviceConnectConfiguration");
    service.volumeConfigurations = request.get("volumeConfigurations");
    service.vpcLatticeConfigurations = request.get("vpcLatticeConfigurations");
    service.propagateTags = Json.text(request, "propagateTags", "NONE");
    service.enableECSManagedTags = Json.bool(request, "enableECSManagedTags", false);
    service.enableExecuteCommand = Json.bool(request, "enableExecuteCommand", false);
    service.availabilityZoneRebalancing = Json.text(request, "availabilityZoneRebalancing",
        daemon ? "DISABLED" : "ENABLED");
    service.roleArn = Json.text(request, "role");
    service.clientToken = Json.text(request, "clientToken");
    service.createdAt = now;
    service.createdBy = Arns.ROOT_PRINCIPAL;
    service.deployments.add(newDeployment(service, null, now));
    return service;
  }

  private static void checkPlacementChoice(String launchType, JsonNode strategy) {
    if (launchType != null && strategy != null && !strategy.isNull() && !strategy.isEmpty()) {
      throw ApiException.invalidParameter("Specifying both a launch type and capacity provider strategy is not"
          + " supported. Remove one and try again.");
    }
    if (launchType != null && !List.of("EC2", "FARGATE", "EXTERNAL", "MANAGED_INSTANCES").contains(launchType)) {
      throw ApiException.invalidParameter("Invalid launchType '" + launchType
          + "': use EC2, FARGATE, EXTERNAL or MANAGED_INSTANCES.");
    }
  }

  /**
   * A DAEMON runs one task on each container instance: not on Fargate, not by a capacity provider
   * strategy, and without placement strategies (§6.2).
   */
  private static void checkDaemon(String name, String launchType, JsonNode strategy, JsonNode placementStrategy) {
    if ("FARGATE".equals(launchType)) {
      throw ApiException.invalidParameter("The DAEMON scheduling strategy does not support the FARGATE launch type"
          + " (service " + name + "): daemons run one task on each EC2 container instance.");
    }
    if (strategy != null && !strategy.isNull() && !strategy.isEmpty()) {
      throw ApiException.invalidParameter("The DAEMON scheduling strategy does not support a capacity provider"
          + " strategy (service " + name + "): give launchType EC2; the daemon runs on every container instance.");
    }
    if (placementStrategy != null && !placementStrategy.isNull() && !placementStrategy.isEmpty()) {
      throw ApiException.invalidParameter("Placement strategies are not supported with the DAEMON scheduling"
          + " strategy (service " + name + "); placement constraints are.");
    }
  }

  /** Placement constraints and strategies ECS would refuse. */
  private static void checkPlacement(JsonNode constraints, JsonNode strategies) {
    try {
      PlacementRequests.constraints(constraints);
      PlacementRequests.strategies(strategies);
    } catch (IllegalArgumentException e) {
      throw ApiException.invalidParameter(e.getMessage());
    }
  }

  private static void checkNetwork(ObjectNode taskDefinition, JsonNode network) {
    boolean awsvpc = "awsvpc".equals(Json.text(taskDefinition, "networkMode"));
    boolean given = network != null && !network.isNull();
    if (awsvpc && !given) {
      throw ApiException.invalidParameter("Network Configuration must be provided when networkMode 'awsvpc' is"
          + " specified (task definition " + Json.text(taskDefinition, "family") + ").");
    }
    if (!awsvpc && given) {
      throw ApiException.invalidParameter("Network Configuration is not valid for the given networkMode of this"
          + " task definition (" + Json.text(taskDefinition, "networkMode", "bridge") + ").");
    }
  }

  private static String platformVersion(String launchType, JsonNode request) {
    String requested = Json.text(request, "platformVersion");
    return requested != null ? requested : "FARGATE".equals(launchType) ? "LATEST" : null;
  }

  /** The deployment configuration with ECS's defaults filled in, validated. */
  static ObjectNode deploymentConfiguration(JsonNode requested, boolean daemon, ObjectNode current) {
    ObjectNode config = current != null ? current.deepCopy() : Json.object();
    if (requested != null && requested.isObject()) {
      config.setAll((ObjectNode) requested);
    }
    if (!config.has("deploymentCircuitBreaker")) {
      config.putObject("deploymentCircuitBreaker").put("enable", false).put("rollback", false);
    }
    if (!config.has("maximumPercent")) {
      config.put("maximumPercent", daemon ? 100 : 200);
    }
    if (!config.has("minimumHealthyPercent")) {
      config.put("minimumHealthyPercent", daemon ? 0 : 100);
    }
    int minimum = config.get("minimumHealthyPercent").asInt();
    int maximum = config.get("maximumPercent").asInt();
    if (minimum < 0 || minimum > 100) {
      throw ApiException.invalidParameter("minimumHealthyPercent " + minimum + " is out of range; use 0 to 100.");
    }
    if (maximum < 0) {
      throw ApiException.invalidParameter("maximumPercent " + maximum + " must not be negative.");
    }
    if (daemon && maximum != 100) {
      throw ApiException.invalidParameter("maximumPercent must be 100 for a DAEMON service; got " + maximum + ".");
    }
    DeploymentStrategyRules.check(config, daemon);
    JsonNode threshold = config.path("deploymentCircuitBreaker").path("thresholdConfiguration");
    if (!threshold.isMissingNode()) {
      String type = Json.text(threshold, "type");
      if (!List.of("COUNT", "BOUNDED_PERCENT", "UNBOUNDED_PERCENT").contains(type)
          || Json.integer(threshold, "value") == null || Json.integer(threshold, "value") < 0) {
        throw ApiException.invalidParameter("deploymentCircuitBreaker.thresholdConfiguration needs type COUNT,"
            + " BOUNDED_PERCENT or UNBOUNDED_PERCENT and a non-negative value.");
      }
    }
    return config;
  }

  /**
   * A new deployment: also a new service revision, and a service deployment from {@code source}
   * (the PRIMARY it replaces; null for the first), staged when the strategy shifts traffic.
   */
  private DeploymentEntity newDeployment(ServiceEntity service, DeploymentEntity source, Instant now) {
    DeploymentEntity deployment = plainDeployment(service, now);
    deployment.revisionArn = ServiceDeployments.revisionArn(service, deployment.id);
    deployment.deploymentConfiguration = service.deploymentConfiguration == null ? null
        : service.deploymentConfiguration.deepCopy();
    if (source != null) {
      deployment.sourceDeploymentId = source.id;
      for (DeploymentEntity running : service.deployments) {
        if (running.revisionArn != null && !deployment.sourceRevisionArns.contains(running.revisionArn)) {
          deployment.sourceRevisionArns.add(running.revisionArn);
        }
      }
    }
    boolean staged = source != null && StagedSpec.of(service.deploymentConfiguration) != null;
    deployment.stagedDeployment = staged;
    deployment.targetGroupArns = TargetGroupRoles.of(service.loadBalancers, source, staged);
    service.revisions.add(ServiceDeployments.revision(service, deployment,
        state.taskDefinitions.get(deployment.taskDefinition)));
    while (service.revisions.size() > ServiceDeployments.KEPT) {
      service.revisions.remove(0);
    }
    return deployment;
  }

  /**
   * What a new deployment replaces: the PRIMARY, unless that is a staged deployment still under
   * way, whose revision never took all production traffic: then the last completed one, which still
   * serves it (the superseded one's tasks go at the new one's clean-up).
   */
  private static DeploymentEntity source(ServiceEntity service) {
    DeploymentEntity primary = service.primaryDeployment();
    boolean underWay = primary != null && primary.stagedDeployment
        && (primary.staged == null || !primary.staged.ended());
    if (underWay && service.lastCompletedDeployment != null) {
      DeploymentEntity production = service.deployment(service.lastCompletedDeployment.id);
      if (production != null) {
        return production;
      }
    }
    return primary;
  }

  private static DeploymentEntity plainDeployment(ServiceEntity service, Instant now) {
    DeploymentEntity deployment = new DeploymentEntity();
    deployment.id = Ids.deploymentId();
    deployment.status = DeploymentEntity.PRIMARY;
    deployment.taskDefinition = service.taskDefinition;
    deployment.createdAt = now;
    deployment.updatedAt = now;
    deployment.launchType = service.launchType;
    deployment.capacityProviderStrategy = service.capacityProviderStrategy;
    deployment.platformVersion = service.platformVersion;
    deployment.platformFamily = service.platformFamily;
    deployment.networkConfiguration = service.networkConfiguration;
    deployment.serviceConnectConfiguration = service.serviceConnectConfiguration;
    deployment.volumeConfigurations = service.volumeConfigurations;
    deployment.vpcLatticeConfigurations = service.vpcLatticeConfigurations;
    deployment.serviceRegistries = service.serviceRegistries == null ? Json.array()
        : service.serviceRegistries.deepCopy();
    deployment.rolloutState = DeploymentEntity.IN_PROGRESS;
    deployment.rolloutStateReason = "ECS deployment " + deployment.id + " in progress.";
    return deployment;
  }

  JsonNode update(JsonNode request, RequestContext context) {
    String serviceName = Requests.required(request, "service");
    JsonNode response = state.atomically(() -> {
      ObjectNode cluster = resolver.activeCluster(context, Json.text(request, "cluster"));
      ServiceEntity service = resolver.service(context, Json.text(cluster, "clusterArn"), serviceName).copy();
      if (!ServiceEntity.ACTIVE.equals(service.status)) {
        throw new ApiException("ServiceNotActiveException", "Service was not ACTIVE: " + service.serviceName
            + " is " + service.status + "; create it again to use it.");
      }
      boolean redeploy = Json.bool(request, "forceNewDeployment", false);
      if (request.hasNonNull("taskDefinition")) {
        ObjectNode definition = resolver.activeTaskDefinition(context, Json.text(request, "taskDefinition"));
        String definitionArn = Json.text(definition, "taskDefinitionArn");
        JsonNode network = request.has("networkConfiguration") ? request.get("networkConfiguration")
            : service.networkConfiguration;
        checkNetwork(definition, network);
        redeploy |= !definitionArn.equals(service.taskDefinition);
        service.taskDefinition = definitionArn;
      }
      redeploy |= applyDeploymentTriggers(service, request);
      applySettings(service, request);
      if (request.has("capacityProviderStrategy")) {
        JsonNode strategy = request.get("capacityProviderStrategy");
        CapacityProviderRules.validateStrategy(strategy, ClusterProviders.associated(state, cluster),
            ClusterProviders.kinds(state, context.region()), "capacityProviderStrategy");
        if ("DAEMON".equals(service.schedulingStrategy)) {
          checkDaemon(service.serviceName, null, strategy, null);
        }
        JsonNode next = strategy.isEmpty() ? cluster.get("defaultCapacityProviderStrategy") : strategy;
        next = next == null || next.isNull() || next.isEmpty() ? null : next;
        if (!Objects.equals(next, service.capacityProviderStrategy)) {
          // A capacity provider strategy is part of a deployment: changing it starts a new one.
          redeploy = true;
          service.capacityProviderStrategy = next;
          service.launchType = next == null ? "EC2" : null;
        }
      }
      checkPlacement(request.get("placementConstraints"), request.get("placementStrategy"));
      if ("DAEMON".equals(service.schedulingStrategy)) {
        checkDaemon(service.serviceName, null, null, request.get("placementStrategy"));
      }
      if (redeploy) {
        Instant now = plane.clock().instant();
        DeploymentEntity source = source(service);
        DeploymentEntity next = newDeployment(service, source, now);
        for (DeploymentEntity deployment : service.deployments) {
          deployment.status = DeploymentEntity.ACTIVE;
          deployment.updatedAt = now;
        }
        service.deployments.add(0, next);
        service.consecutiveStartFailures = 0;
        service.launchNotBefore = null;
        service.lastStartFailureAt = null;
        service.steady = false;
      }
      state.services.put(service.serviceArn, service);
      return wrap(renderer.service(service, false));
    });
    plane.requestTick();
    return response;
  }

  private static boolean applyDeploymentTriggers(ServiceEntity service, JsonNode request) {
    boolean changed = false;
    for (String member : DEPLOYMENT_TRIGGERS) {
      if (!request.has(member)) {
        continue;
      }
      JsonNode value = request.get(member);
      JsonNode current = switch (member) {
        case "networkConfiguration" -> service.networkConfiguration;
        case "platformVersion" -> service.platformVersion == null ? null : Json.tree(service.platformVersion);
        case "loadBalancers" -> service.loadBalancers;
        case "serviceRegistries" -> service.serviceRegistries;
        case "serviceConnectConfiguration" -> service.serviceConnectConfiguration;
        case "volumeConfigurations" -> service.volumeConfigurations;
        default -> service.vpcLatticeConfigurations;
      };
      if (Objects.equals(value, current)) {
        continue;
      }
      changed = true;
      switch (member) {
        case "networkConfiguration" -> service.networkConfiguration = value;
        case "platformVersion" -> service.platformVersion = value.asText();
        case "loadBalancers" -> service.loadBalancers = value;
        case "serviceRegistries" -> service.serviceRegistries = value;
        case "serviceConnectConfiguration" -> service.serviceConnectConfiguration = value;
        case "volumeConfigurations" -> service.volumeConfigurations = value;
        default -> service.vpcLatticeConfigurations = value;
      }
    }
    return changed;
  }

  /** Members that change the service without a new deployment. */
  private static void applySettings(ServiceEntity service, JsonNode request) {
    if (request.hasNonNull("desiredCount")) {
      int desired = request.get("desiredCount").asInt();
      if (desired < 0) {
        throw ApiException.invalidParameter("desiredCount must be 0 or more; got " + desired + ".");
      }
      service.desiredCount = desired;
    }
    if (request.has("deploymentConfiguration")) {
      service.deploymentConfiguration = deploymentConfiguration(request.get("deploymentConfiguration"),
          "DAEMON".equals(service.schedulingStrategy), service.deploymentConfiguration);
    }
    if (request.has("healthCheckGracePeriodSeconds")) {
      service.healthCheckGracePeriodSeconds = Json.integer(request, "healthCheckGracePeriodSeconds");
    }
    if (request.has("placementConstraints")) {
      service.placementConstraints = request.get("placementConstraints");
    }
    if (request.has("placementStrategy")) {
      service.placementStrategy = request.get("placementStrategy");
    }
    if (request.has("deploymentController")) {
      service.deploymentController = request.get("deploymentController");
    }
    if (request.has("enableExecuteCommand")) {
      service.enableExecuteCommand = Json.bool(request, "enableExecuteCommand", false);
    }
    if (request.has("enableECSManagedTags")) {
      service.enableECSManagedTags = Json.bool(request, "enableECSManagedTags", false);
    }
    if (request.has("propagateTags")) {
      service.propagateTags = Json.text(request, "propagateTags");
    }
    if (request.has("availabilityZoneRebalancing")) {
      service.availabilityZoneRebalancing = Json.text(request, "availabilityZoneRebalancing");
    }
  }

  JsonNode delete(JsonNode request, RequestContext context) {
    String serviceName = Requests.required(request, "service");
    boolean force = Json.bool(request, "force", false);
    JsonNode response = state.atomically(() -> {
      ObjectNode cluster = resolver.activeCluster(context, Json.text(request, "cluster"));
      ServiceEntity service = resolver.service(context, Json.text(cluster, "clusterArn"), serviceName).copy();
      if (!ServiceEntity.ACTIVE.equals(service.status)) {
        throw new ApiException("ServiceNotActiveException", "Service was not ACTIVE: " + service.serviceName
            + " is already " + service.status + ".");
      }
      if (service.desiredCount > 0 && !force && "REPLICA".equals(service.schedulingStrategy)) {
        throw ApiException.invalidParameter("The service cannot be stopped while it is scaled above 0. Set"
            + " desiredCount to 0 with UpdateService, or pass force=true.");
      }
      service.status = ServiceEntity.DRAINING;
      service.desiredCount = 0;
      service.steady = false;
      state.services.put(service.serviceArn, service);
      return wrap(renderer.service(service, false));
    });
    plane.requestTick();
    return response;
  }

  JsonNode describe(JsonNode request, RequestContext context) {
    List<String> names = Json.strings(request, "services");
    if (names.isEmpty() || names.size() > 10) {
      throw ApiException.invalidParameter("DescribeServices takes 1 to 10 services; got " + names.size() + ".");
    }
    boolean includeTags = Json.strings(request, "include").contains("TAGS");
    return state.atomically(() -> {
      String clusterArn = resolver.existingClusterArn(context, Json.text(request, "cluster"));
      ObjectNode response = Json.object();
      ArrayNode services = response.putArray("services");
      ArrayNode failures = response.putArray("failures");
      for (String name : names) {
        String arn = resolver.serviceArn(context, clusterArn, name);
        ServiceEntity service = state.services.get(arn);
        if (service == null || !service.clusterArn.equals(clusterArn)) {
          failures.addObject().put("arn", arn).put("reason", "MISSING");
        } else {
          services.add(renderer.service(service, includeTags));
        }
      }
      return response;
    });
  }

  JsonNode list(JsonNode request, RequestContext context) {
    String launchType = Json.text(request, "launchType");
    String scheduling = Json.text(request, "schedulingStrategy");
    return state.atomically(() -> {
      ObjectNode cluster = resolver.activeCluster(context, Json.text(request, "cluster"));
      String clusterArn = Json.text(cluster, "clusterArn");
      List<String> arns = new ArrayList<>();
      for (ServiceEntity service : state.services.values()) {
        boolean matches = service.clusterArn.equals(clusterArn) && ServiceEntity.ACTIVE.equals(service.status)
            && (launchType == null || launchType.equals(service.launchType))
            && (scheduling == null || scheduling.equals(service.schedulingStrategy));
        if (matches) {
          arns.add(service.serviceArn);
        }
      }
      return Pages.response(Paging.ECS, request, arns, "serviceArns", 10, 100);
    });
  }

  private static ObjectNode wrap(ObjectNode service) {
    ObjectNode response = Json.object();
    response.set("service", service);
    return response;
  }
}
