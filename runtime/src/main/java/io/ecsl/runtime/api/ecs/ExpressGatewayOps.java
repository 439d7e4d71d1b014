package io.ecsl.runtime.api.ecs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.facts.express.ExpressDefaults;
import io.ecsl.runtime.api.ApiException;
import io.ecsl.runtime.api.AwsService;
import io.ecsl.runtime.api.RequestContext;
import io.ecsl.runtime.api.Requests;
import io.ecsl.runtime.api.elb.ListenerAddresses;
import io.ecsl.runtime.engine.ControlPlane;
import io.ecsl.runtime.engine.RuntimeState;
import io.ecsl.runtime.json.Json;
import io.ecsl.runtime.model.ServiceEntity;
import io.ecsl.runtime.store.Tag;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Express Mode services (CreateExpressGatewayService and its Describe, Update and Delete). AWS
 * expands an Express service into resources it manages for the user; the runtime does the same
 * through its own APIs, so each part behaves exactly as if the user had declared it: a task
 * definition with the container {@code Main}, an internet-facing Application Load Balancer with an
 * HTTP listener forwarding to a target group that health-checks the health check path, the ECS
 * service registered with that target group, and target-tracking auto scaling on the chosen
 * metric. EMU: the listener is plain HTTP (AWS serves HTTPS on a generated domain) and the
 * endpoint is the listener's address on 127.0.0.1.
 */
final class ExpressGatewayOps {
  /** Members a brought task definition already decides (CreateExpressGatewayService taskDefinitionArn). */
  private static final List<String> FROM_TASK_DEFINITION = List.of("primaryContainer", "executionRoleArn", "taskRoleArn",
      "cpu", "memory");
  /** The subnets an Express service's load balancer and tasks use when the request names none (the "default VPC"). */
  private static final List<String> DEFAULT_SUBNETS = List.of("subnet-0e0c5e1d0000000a1", "subnet-0e0c5e1d0000000b2");
  private static final int LISTENER_PORT = 80;

  private final ControlPlane plane;
  private final RuntimeState state;
  private final AwsService ecs;
  private final Call elb;
  private final AwsService autoscaling;
  private final ListenerAddresses addresses;

  /** An operation of the query-protocol ELB API, as {@code ElbApi.call}. */
  interface Call {
    JsonNode call(String operation, JsonNode request, RequestContext context);
  }

  ExpressGatewayOps(ControlPlane plane, AwsService ecs, Call elb, AwsService autoscaling, ListenerAddresses addresses) {
    this.plane = plane;
    this.state = plane.state();
    this.ecs = ecs;
    this.elb = elb;
    this.autoscaling = autoscaling;
    this.addresses = addresses;
  }

  // ------------------------------------------------------------------------------------- create

  JsonNode create(JsonNode request, RequestContext context) {
    String infrastructureRole = Requests.required(request, "infrastructureRoleArn");
    String cluster = Json.text(request, "cluster", ExpressDefaults.CLUSTER);
    String name = Json.text(request, "serviceName", "express-" + UUID.randomUUID().toString().substring(0, 8));
    boolean ownTaskDefinition = request.hasNonNull("taskDefinitionArn");
    if (ownTaskDefinition) {
      for (String member : FROM_TASK_DEFINITION) {
        if (request.hasNonNull(member)) {
          throw ApiException.invalidParameter("taskDefinitionArn cannot be combined with " + member
              + ": the task definition decides it.");
        }
      }
    } else if (!request.path("primaryContainer").hasNonNull("image")) {
      throw ApiException.invalidParameter("An Express service needs primaryContainer.image or a taskDefinitionArn.");
    }
    ObjectNode config = configuration(request, null);
    String clusterArn = clusterArn(context, cluster);
    if (existing(context, clusterArn, name) != null) {
      throw ApiException.invalidParameter("Creation of service was not idempotent: service " + name
          + " already exists in cluster " + cluster + ".");
    }
    String key = shortHash(context.region() + "/" + cluster + "/" + name);
    String taskDefinition = ownTaskDefinition ? Json.text(request, "taskDefinitionArn") : register(config, cluster, name, context);
    int port = containerPort(taskDefinition, config, context);

    ObjectNode tgRequest = Json.object();
    tgRequest.put("Name", elbName("ecs-exp-tg", name, key));
    tgRequest.put("Protocol", "HTTP");
    tgRequest.put("Port", port);
    tgRequest.put("TargetType", "ip");
    tgRequest.put("HealthCheckProtocol", "HTTP");
    tgRequest.put("HealthCheckPath", Json.text(config, "healthCheckPath"));
    tgRequest.put("HealthCheckIntervalSeconds", 10);
    tgRequest.put("HealthyThresholdCount", 2);
    tgRequest.put("UnhealthyThresholdCount", 2);
    String targetGroup = Json.text(elb.call("CreateTargetGroup", tgRequest, context).path("TargetGroups").path(0), "TargetGroupArn");

    List<String> subnets = subnets(config);
    ObjectNode lbRequest = Json.object();
    lbRequest.put("Name", elbName("ecs-exp-alb", name, key));
    lbRequest.put("Type", "application");
    lbRequest.put("Scheme", "internet-facing");
    lbRequest.set("Subnets", Json.arrayOf(subnets));
    String loadBalancer = Json.text(elb.call("CreateLoadBalancer", lbRequest, context).path("LoadBalancers").path(0),
        "LoadBalancerArn");

    ObjectNode listenerRequest = Json.object();
    listenerRequest.put("LoadBalancerArn", loadBalancer);
    listenerRequest.put("Port", LISTENER_PORT);
    listenerRequest.put("Protocol", "HTTP");
    listenerRequest.putArray("DefaultActions").addObject().put("Type", "forward").put("TargetGroupArn", targetGroup);
    String listener = Json.text(elb.call("CreateListener", listenerRequest, context).path("Listeners").path(0), "ListenerArn");

    ObjectNode serviceRequest = Json.object();
    serviceRequest.put("cluster", cluster);
    serviceRequest.put("serviceName", name);
    serviceRequest.put("taskDefinition", taskDefinition);
    serviceRequest.put("desiredCount", Json.integer(config.path("scalingTarget"), "minTaskCount", ExpressDefaults.MIN_TASKS));
    serviceRequest.put("launchType", "FARGATE");
    serviceRequest.put("healthCheckGracePeriodSeconds", 30);
    serviceRequest.set("networkConfiguration", network(config, subnets));
    ObjectNode lb = serviceRequest.putArray("loadBalancers").addObject();
    lb.put("targetGroupArn", targetGroup);
    lb.put("containerName", ExpressDefaults.CONTAINER_NAME);
    lb.put("containerPort", port);
    ObjectNode deployment = serviceRequest.putObject("deploymentConfiguration");
    deployment.put("minimumHealthyPercent", 100);
    deployment.put("maximumPercent", 200);
    deployment.putObject("deploymentCircuitBreaker").put("enable", true).put("rollback", true);
    if (request.has("tags")) {
      serviceRequest.set("tags", request.get("tags"));
    }
    serviceRequest.put("propagateTags", "SERVICE");
    String serviceArn = Json.text(ecs.call("CreateService", serviceRequest, context).path("service"), "serviceArn");

    ObjectNode express = Json.object();
    express.put("infrastructureRoleArn", infrastructureRole);
    express.put("loadBalancerArn", loadBalancer);
    express.put("listenerArn", listener);
    express.put("targetGroupArn", targetGroup);
    express.put("ownTaskDefinition", ownTaskDefinition);
    express.set("updatedAt", Json.timestamp(plane.clock().instant()));
    config.put("taskDefinitionArn", taskDefinition);
    config.set("createdAt", Json.timestamp(plane.clock().instant()));
    express.putArray("configurations").add(config);
    scale(serviceArn, cluster, name, config, loadBalancer, targetGroup, context, express);
    ServiceEntity stored = record(serviceArn, express);
    ObjectNode response = Json.object();
    response.set("service", render(stored, false));
    return response;
  }

  /** The task definition ECS builds from the primary container: Fargate, awsvpc, one container named Main. */
  private String register(ObjectNode config, String cluster, String name, RequestContext context) {
    JsonNode container = config.path("primaryContainer");
    ObjectNode td = Json.object();
    td.put("family", familyOf(cluster, name));
    td.put("networkMode", "awsvpc");
    td.putArray("requiresCompatibilities").add("FARGATE");
    td.put("cpu", Json.text(config, "cpu"));
    td.put("memory", Json.text(config, "memory"));
    Json.putIfPresent(td, "executionRoleArn", Json.text(config, "executionRoleArn"));
    Json.putIfPresent(td, "taskRoleArn", Json.text(config, "taskRoleArn"));
    ObjectNode main = td.putArray("containerDefinitions").addObject();
    main.put("name", ExpressDefaults.CONTAINER_NAME);
    main.put("image", Json.text(container, "image"));
    main.put("essential", true);
    main.putArray("portMappings").addObject().put("containerPort", Json.integer(container, "containerPort",
        ExpressDefaults.CONTAINER_PORT)).put("protocol", "tcp").put("name", "http");
    for (String member : List.of("command", "environment", "secrets", "repositoryCredentials")) {
      if (container.has(member)) {
        main.set(member, container.get(member));
      }
    }
    if (container.has("awsLogsConfiguration")) {
      ObjectNode log = main.putObject("logConfiguration");
      log.put("logDriver", "awslogs");
      ObjectNode options = log.putObject("options");
      options.put("awslogs-group", Json.text(container.path("awsLogsConfiguration"), "logGroup"));
      options.put("awslogs-region", context.region());
      options.put("awslogs-stream-prefix", Json.text(container.path("awsLogsConfiguration"), "logStreamPrefix"));
    }
    return Json.text(ecs.call("RegisterTaskDefinition", td, context).path("taskDefinition"), "taskDefinitionArn");
  }

  static String familyOf(String cluster, String name) {
    String family = ("express-" + cluster + "-" + name).replaceAll("[^A-Za-z0-9_-]", "-");
    return family.length() > 255 ? family.substring(0, 255) : family;
  }

  /** The port the load balancer forwards to: the primary container's, or the brought task definition's Main port. */
  private int containerPort(String taskDefinition, ObjectNode config, RequestContext context) {
    if (config.has("primaryContainer")) {
      return Json.integer(config.path("primaryContainer"), "containerPort", ExpressDefaults.CONTAINER_PORT);
    }
    ObjectNode describe = Json.object();
    describe.put("taskDefinition", taskDefinition);
    JsonNode td = ecs.call("DescribeTaskDefinition", describe, context).path("taskDefinition");
    for (JsonNode c : td.path("containerDefinitions")) {
      if (ExpressDefaults.CONTAINER_NAME.equals(Json.text(c, "name"))) {
        List<JsonNode> ports = Json.list(c, "portMappings");
        if (ports.size() == 1 && ports.get(0).hasNonNull("name")) {
          return Json.integer(ports.get(0), "containerPort", ExpressDefaults.CONTAINER_PORT);
        }
      }
    }
    throw ApiException.invalidParameter("The task definition " + taskDefinition + " must have a container named "
        + ExpressDefaults.CONTAINER_NAME + " with a single TCP port mapping that has a name.");
  }

  /** Target tracking on the declared metric (CPU by default), between the declared task counts. */
  private void scale(String serviceArn, String cluster, String name, ObjectNode config, String loadBalancer,
      String targetGroup, RequestContext context, ObjectNode express) {
    JsonNode target = config.path("scalingTarget");
    String resourceId = "service/" + cluster + "/" + name;
    ObjectNode register = Json.object();
    register.put("ServiceNamespace", "ecs");
    register.put("ResourceId", resourceId);
    register.put("ScalableDimension", "ecs:service:DesiredCount");
    register.put("MinCapacity", Json.integer(target, "minTaskCount", ExpressDefaults.MIN_TASKS));
    register.put("MaxCapacity", Json.integer(target, "maxTaskCount", ExpressDefaults.MAX_TASKS));
    autoscaling.call("RegisterScalableTarget", register, context);
    ObjectNode policy = Json.object();
    policy.put("ServiceNamespace", "ecs");
    policy.put("ResourceId", resourceId);
    policy.put("ScalableDimension", "ecs:service:DesiredCount");
    policy.put("PolicyName", name + "-express-target-tracking");
    policy.put("PolicyType", "TargetTrackingScaling");
    ObjectNode tracking = policy.putObject("TargetTrackingScalingPolicyConfiguration");
    tracking.put("TargetValue", Json.integer(target, "autoScalingTargetValue", ExpressDefaults.TARGET_VALUE));
    ObjectNode metric = tracking.putObject("PredefinedMetricSpecification");
    String chosen = Json.text(target, "autoScalingMetric", ExpressDefaults.METRIC);
    metric.put("PredefinedMetricType", switch (chosen) {
      case "AVERAGE_MEMORY" -> "ECSServiceAverageMemoryUtilization";
      case "REQUEST_COUNT_PER_TARGET" -> "ALBRequestCountPerTarget";
      default -> "ECSServiceAverageCPUUtilization";
    });
    if (chosen.equals("REQUEST_COUNT_PER_TARGET")) {
      metric.put("ResourceLabel", resourceLabel(loadBalancer, targetGroup));
    }
    JsonNode answer = autoscaling.call("PutScalingPolicy", policy, context);
    express.put("scalableTarget", resourceId);
    express.put("scalingPolicyArn", Json.text(answer, "PolicyARN"));
  }

  /** {@code app/NAME/ID/targetgroup/NAME/ID}: the load balancer's and target group's ARN tails. */
  private static String resourceLabel(String loadBalancer, String targetGroup) {
    return io.ecsl.facts.elb.ResourceLabel.of(loadBalancer, targetGroup);
  }

  // ------------------------------------------------------------------------------------- update

  JsonNode update(JsonNode request, RequestContext context) {
    String serviceArn = Requests.required(request, "serviceArn");
    ServiceEntity service = express(serviceArn, true);
    ObjectNode express = service.express.deepCopy();
    ObjectNode current = (ObjectNode) last(express);
    boolean own = request.hasNonNull("taskDefinitionArn");
    if (own) {
      for (String member : FROM_TASK_DEFINITION) {
        if (request.hasNonNull(member)) {
          throw ApiException.invalidParameter("taskDefinitionArn cannot be combined with " + member + ".");
        }
      }
    }
    ObjectNode next = configuration(request, current);
    boolean taskChanged = own || Set.of("primaryContainer", "executionRoleArn", "taskRoleArn", "cpu", "memory").stream()
        .anyMatch(m -> request.has(m) && !request.get(m).equals(current.get(m)));
    String taskDefinition = Json.text(current, "taskDefinitionArn");
    if (own) {
      taskDefinition = Json.text(request, "taskDefinitionArn");
      for (String member : FROM_TASK_DEFINITION) {
        next.remove(member);
      }
    } else if (taskChanged) {
      taskDefinition = register(next, service.clusterName, service.serviceName, context);
    }
    next.put("taskDefinitionArn", taskDefinition);
    ObjectNode serviceUpdate = Json.object();
    serviceUpdate.put("cluster", service.clusterName);
    serviceUpdate.put("service", service.serviceName);
    boolean redeploy = false;
    if (!taskDefinition.equals(service.taskDefinition)) {
      serviceUpdate.put("taskDefinition", taskDefinition);
      redeploy = true;
    }
    if (request.has("networkConfiguration")) {
      serviceUpdate.set("networkConfiguration", network(next, subnets(next)));
      redeploy = true;
    }
    if (redeploy) {
      ecs.call("UpdateService", serviceUpdate, context);
    }
    if (request.has("healthCheckPath")) {
      ObjectNode modify = Json.object();
      modify.put("TargetGroupArn", Json.text(express, "targetGroupArn"));
      modify.put("HealthCheckPath", Json.text(next, "healthCheckPath"));
      elb.call("ModifyTargetGroup", modify, context);
    }
    if (request.has("scalingTarget")) {
      scale(serviceArn, service.clusterName, service.serviceName, next, Json.text(express, "loadBalancerArn"),
          Json.text(express, "targetGroupArn"), context, express);
    }
    next.set("createdAt", Json.timestamp(plane.clock().instant()));
    ((ArrayNode) express.get("configurations")).add(next);
    express.set("updatedAt", Json.timestamp(plane.clock().instant()));
    ServiceEntity stored = record(serviceArn, express);
    ObjectNode updated = Json.object();
    updated.put("serviceArn", stored.serviceArn);
    updated.put("cluster", stored.clusterArn);
    updated.put("serviceName", stored.serviceName);
    updated.set("status", status(stored));
    updated.set("targetConfiguration", renderConfiguration(next, express));
    updated.set("createdAt", Json.timestamp(stored.createdAt));
    updated.set("updatedAt", express.get("updatedAt"));
    ObjectNode response = Json.object();
    response.set("service", updated);
    return response;
  }

  // ------------------------------------------------------------------------------------- delete, describe

  JsonNode delete(JsonNode request, RequestContext context) {
    String serviceArn = Requests.required(request, "serviceArn");
    ServiceEntity service = express(serviceArn, true);
    ObjectNode express = service.express;
    ObjectNode deleteService = Json.object();
    deleteService.put("cluster", service.clusterArn);
    deleteService.put("service", service.serviceArn);
    deleteService.put("force", true);
    ecs.call("DeleteService", deleteService, context);
    if (express.hasNonNull("scalableTarget")) {
      ObjectNode deregister = Json.object();
      deregister.put("ServiceNamespace", "ecs");
      deregister.put("ResourceId", Json.text(express, "scalableTarget"));
      deregister.put("ScalableDimension", "ecs:service:DesiredCount");
      try {
        autoscaling.call("DeregisterScalableTarget", deregister, context);
      } catch (ApiException e) {
        // already gone (deregistered by hand): nothing left to remove
      }
    }
    // The listener first: ELB refuses to delete a target group a listener still forwards to.
    ObjectNode listener = Json.object();
    listener.put("ListenerArn", Json.text(express, "listenerArn"));
    elb.call("DeleteListener", listener, context);
    ObjectNode lb = Json.object();
    lb.put("LoadBalancerArn", Json.text(express, "loadBalancerArn"));
    elb.call("DeleteLoadBalancer", lb, context);
    ObjectNode tg = Json.object();
    tg.put("TargetGroupArn", Json.text(express, "targetGroupArn"));
    elb.call("DeleteTargetGroup", tg, context);
    ServiceEntity stored = state.atomically(() -> state.services.get(serviceArn));
    ObjectNode response = Json.object();
    response.set("service", render(stored, false));
    return response;
  }

  JsonNode describe(JsonNode request, RequestContext context) {
    String serviceArn = Requests.required(request, "serviceArn");
    ServiceEntity service = express(serviceArn, false);
    ObjectNode response = Json.object();
    response.set("service", render(service, Json.strings(request, "include").contains("TAGS")));
    return response;
  }

  private ServiceEntity express(String serviceArn, boolean mustBeActive) {
    ServiceEntity service = state.atomically(() -> state.services.get(serviceArn));
    if (service == null || service.express == null) {
      throw new ApiException(mustBeActive ? "ServiceNotFoundException" : "ResourceNotFoundException",
          "Express service not found: " + serviceArn + ".");
    }
    if (mustBeActive && !ServiceEntity.ACTIVE.equals(service.status)) {
      throw new ApiException("ServiceNotActiveException", "Service was not ACTIVE: " + service.serviceName
          + " is " + service.status + ".");
    }
    return service;
  }

  // ------------------------------------------------------------------------------------- rendering

  private ObjectNode render(ServiceEntity service, boolean withTags) {
    ObjectNode express = service.express;
    ObjectNode out = Json.object();
    out.put("cluster", service.clusterArn);
    out.put("serviceName", service.serviceName);
    out.put("serviceArn", service.serviceArn);
    out.put("infrastructureRoleArn", Json.text(express, "infrastructureRoleArn"));
    out.set("status", status(service));
    if (!service.deployments.isEmpty()) {
      out.put("currentDeployment", service.deployments.get(0).id);
    }
    ArrayNode active = out.putArray("activeConfigurations");
    if (ServiceEntity.ACTIVE.equals(service.status)) {
      active.add(renderConfiguration(last(express), express));
    }
    if (withTags) {
      ArrayNode tags = out.putArray("tags");
      for (Tag t : state.atomically(() -> state.tags(service.serviceArn))) {
        tags.addObject().put("key", t.key()).put("value", t.value());
      }
    }
    out.set("createdAt", Json.timestamp(service.createdAt));
    out.set("updatedAt", express.get("updatedAt"));
    return out;
  }

  private ObjectNode renderConfiguration(JsonNode config, ObjectNode express) {
    ObjectNode out = config.deepCopy();
    ArrayNode paths = out.putArray("ingressPaths");
    String endpoint = endpoint(express);
    if (endpoint != null) {
      paths.addObject().put("accessType", "PUBLIC").put("endpoint", endpoint);
    }
    return out;
  }

  /** EMU: where the listener's local proxy serves, as a URL (AWS: https://NAME.ecs.REGION.on.aws). */
  String endpoint(ObjectNode express) {
    Integer port = addresses.localPort(Json.text(express, "listenerArn"));
    return port == null ? null : "http://127.0.0.1:" + port;
  }

  private static ObjectNode status(ServiceEntity service) {
    ObjectNode status = Json.object();
    status.put("statusCode", service.status);
    return status;
  }

  private static JsonNode last(ObjectNode express) {
    JsonNode configs = express.path("configurations");
    return configs.get(configs.size() - 1);
  }

  // ------------------------------------------------------------------------------------- helpers

  /** Keeps what was made for the service with the ECS service itself, read and written in one step. */
  private ServiceEntity record(String serviceArn, ObjectNode express) {
    return state.atomically(() -> {
      ServiceEntity service = state.services.get(serviceArn).copy();
      service.express = express;
      state.services.put(serviceArn, service);
      return service;
    });
  }

  /** The configuration a request asks for, over the one before it (or Express Mode's defaults). */
  private static ObjectNode configuration(JsonNode request, JsonNode previous) {
    ObjectNode config = previous == null ? Json.object() : previous.deepCopy();
    config.remove(List.of("createdAt", "ingressPaths"));
    for (String member : List.of("executionRoleArn", "taskRoleArn", "cpu", "memory", "healthCheckPath",
        "primaryContainer", "networkConfiguration", "scalingTarget")) {
      if (request.has(member)) {
        config.set(member, request.get(member));
      }
    }
    if (!request.hasNonNull("taskDefinitionArn") && previous == null) {
      if (!config.has("cpu")) {
        config.put("cpu", ExpressDefaults.CPU);
      }
      if (!config.has("memory")) {
        config.put("memory", ExpressDefaults.MEMORY);
      }
    }
    if (!config.has("healthCheckPath")) {
      config.put("healthCheckPath", ExpressDefaults.HEALTH_CHECK_PATH);
    }
    if (config.get("primaryContainer") instanceof ObjectNode container && !container.has("containerPort")) {
      container.put("containerPort", ExpressDefaults.CONTAINER_PORT);
    }
    ObjectNode scaling = config.get("scalingTarget") instanceof ObjectNode s ? s : config.putObject("scalingTarget");
    if (!scaling.has("minTaskCount")) {
      scaling.put("minTaskCount", ExpressDefaults.MIN_TASKS);
    }
    if (!scaling.has("maxTaskCount")) {
      scaling.put("maxTaskCount", Math.max(ExpressDefaults.MAX_TASKS, scaling.path("minTaskCount").asInt()));
    }
    if (!scaling.has("autoScalingMetric")) {
      scaling.put("autoScalingMetric", ExpressDefaults.METRIC);
    }
    if (!scaling.has("autoScalingTargetValue")) {
      scaling.put("autoScalingTargetValue", ExpressDefaults.TARGET_VALUE);
    }
    int min = scaling.path("minTaskCount").asInt();
    int max = scaling.path("maxTaskCount").asInt();
    if (min < 1 || max < min) {
      throw ApiException.invalidParameter("scalingTarget: minTaskCount must be at least 1 and maxTaskCount at least"
          + " minTaskCount (got " + min + " and " + max + ").");
    }
    String path = Json.text(config, "healthCheckPath");
    if (!path.startsWith("/")) {
      throw ApiException.invalidParameter("healthCheckPath must start with a forward slash: " + path + ".");
    }
    return config;
  }

  private static List<String> subnets(JsonNode config) {
    List<String> subnets = Json.strings(config.path("networkConfiguration"), "subnets");
    return subnets.size() >= 2 ? subnets : DEFAULT_SUBNETS;
  }

  private static ObjectNode network(JsonNode config, List<String> subnets) {
    ObjectNode network = Json.object();
    ObjectNode awsvpc = network.putObject("awsvpcConfiguration");
    awsvpc.set("subnets", Json.arrayOf(subnets));
    List<String> groups = Json.strings(config.path("networkConfiguration"), "securityGroups");
    if (!groups.isEmpty()) {
      awsvpc.set("securityGroups", Json.arrayOf(groups));
    }
    return network;
  }

  private String clusterArn(RequestContext context, String cluster) {
    ObjectNode describe = Json.object();
    describe.putArray("clusters").add(cluster);
    JsonNode found = ecs.call("DescribeClusters", describe, context).path("clusters");
    for (JsonNode c : found) {
      if ("ACTIVE".equals(Json.text(c, "status"))) {
        return Json.text(c, "clusterArn");
      }
    }
    throw new ApiException("ClusterNotFoundException", "Cluster not found: " + cluster + ".");
  }

  private ServiceEntity existing(RequestContext context, String clusterArn, String name) {
    return state.atomically(() -> state.services.values().stream()
        .filter(s -> s.clusterArn.equals(clusterArn) && s.serviceName.equals(name) && ServiceEntity.ACTIVE.equals(s.status))
        .findFirst().orElse(null));
  }

  /** An ELB name (≤ 32 letters, digits, hyphens) that is the same for the same service. */
  private static String elbName(String prefix, String name, String key) {
    String middle = name.replaceAll("[^A-Za-z0-9]", "-").replaceAll("-+", "-");
    int room = 32 - prefix.length() - key.length() - 2;
    middle = middle.length() > room ? middle.substring(0, room) : middle;
    return (prefix + "-" + middle + "-" + key).replaceAll("-+", "-");
  }

  private static String shortHash(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 3);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
