package io.ecsl.runtime.api.ecs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.facts.limits.EcsLimit;
import io.ecsl.runtime.api.ApiException;
import io.ecsl.runtime.api.Pages;
import io.ecsl.runtime.api.Pages.Paging;
import io.ecsl.runtime.api.RequestContext;
import io.ecsl.runtime.api.Requests;
import io.ecsl.runtime.engine.ClusterProviders;
import io.ecsl.runtime.engine.ControlPlane;
import io.ecsl.runtime.engine.RuntimeState;
import io.ecsl.runtime.capacity.LaunchCompatibility;
import io.ecsl.runtime.engine.PlacementPass;
import io.ecsl.runtime.engine.TaskLauncher;
import io.ecsl.runtime.engine.TaskPlacements;
import io.ecsl.runtime.json.Json;
import io.ecsl.runtime.lifecycle.TaskLifecycle;
import io.ecsl.runtime.model.Arns;
import io.ecsl.runtime.model.ContainerInstanceEntity;
import io.ecsl.runtime.model.TaskEntity;
import io.ecsl.runtime.model.TaskSpec;
import io.ecsl.runtime.placement.PlacementConstraint;
import io.ecsl.runtime.placement.PlacementRequests;
import io.ecsl.runtime.placement.PlacementStrategy;
import io.ecsl.runtime.model.TaskStatus;
import io.ecsl.runtime.store.Tag;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** RunTask, StartTask, StopTask, DescribeTasks, ListTasks (§5). */
final class TaskOps {
  private static final int MAX_RUN_COUNT = EcsLimit.TASKS_PER_RUN_TASK.maxInt();
  private static final int MAX_REFERENCE_ID = 1024;
  private static final int MAX_START_INSTANCES = io.ecsl.facts.limits.EcsLimit.CONTAINER_INSTANCES_PER_START_TASK.maxInt();

  private final ControlPlane plane;
  private final RuntimeState state;
  private final EcsResolver resolver;
  private final EcsRenderer renderer;

  TaskOps(ControlPlane plane, EcsResolver resolver, EcsRenderer renderer) {
    this.plane = plane;
    this.state = plane.state();
    this.resolver = resolver;
    this.renderer = renderer;
  }

  /** What RunTask and StartTask check before taking the state lock. */
  private record Asked(String startedBy, String group, String referenceId, String propagateTags,
      List<Tag> requestTags) {}

  private static Asked asked(JsonNode request) {
    String startedBy = Json.text(request, "startedBy");
    if (startedBy != null && (startedBy.length() > 128 || !startedBy.matches("[A-Za-z0-9_/-]*"))) {
      throw ApiException.invalidParameter("startedBy must be up to 128 letters, digits, hyphens, slashes and"
          + " underscores.");
    }
    String group = Json.text(request, "group");
    if (group != null && (group.isEmpty() || group.length() > 255)) {
      throw ApiException.invalidParameter("group must be 1 to 255 characters; got " + group.length() + ".");
    }
    String referenceId = Json.text(request, "referenceId");
    if (referenceId != null && referenceId.length() > MAX_REFERENCE_ID) {
      throw ApiException.invalidParameter("referenceId must be at most " + MAX_REFERENCE_ID + " characters.");
    }
    String propagateTags = Json.text(request, "propagateTags");
    if (propagateTags != null && !List.of("TASK_DEFINITION", "NONE").contains(propagateTags)) {
      throw ApiException.invalidParameter("propagateTags " + propagateTags + " is not valid for a task RunTask starts:"
          + " use TASK_DEFINITION or NONE (SERVICE applies to tasks a service starts).");
    }
    return new Asked(startedBy, group, referenceId, propagateTags, Requests.ecsTags(request.get("tags")));
  }

  /** A RunTask or StartTask request resolved under the state lock: what its tasks are made of. */
  private record Launch(ObjectNode cluster, ObjectNode definition, ObjectNode overrides, JsonNode network,
      List<Tag> tags, TaskSpec spec, String group) {}

  private Launch launch(JsonNode request, RequestContext context, Asked asked) {
    ObjectNode cluster = resolver.activeCluster(context, Json.text(request, "cluster"));
    ObjectNode definition = resolver.activeTaskDefinition(context, Requests.required(request, "taskDefinition"));
    ObjectNode overrides = TaskOverrides.check(definition, request.get("overrides"));
    JsonNode network = request.get("networkConfiguration");
    boolean awsvpc = "awsvpc".equals(Json.text(definition, "networkMode"));
    if (awsvpc && (network == null || network.isNull())) {
      throw ApiException.invalidParameter("Network Configuration must be provided when networkMode 'awsvpc' is"
          + " specified (task definition " + Json.text(definition, "family") + ").");
    }
    List<Tag> tags = new ArrayList<>(asked.requestTags());
    if ("TASK_DEFINITION".equals(asked.propagateTags())) {
      tags.addAll(state.tags(Json.text(definition, "taskDefinitionArn")));
    }
    if (Json.bool(request, "enableECSManagedTags", false)) {
      tags.add(new Tag("aws:ecs:clusterName", Json.text(cluster, "clusterName")));
    }
    TaskSpec spec = TaskSpec.of(definition, overrides);
    String group = asked.group() != null ? asked.group() : "family:" + spec.family();
    return new Launch(cluster, definition, overrides, network, tags, spec, group);
  }

  /** Creates one placed task of the launch, stores it and adds it to the response's {@code tasks}. */
  private void create(JsonNode request, RequestContext context, Asked asked, Launch launch,
      TaskPlacements.TaskPlacement placement, Instant now, ArrayNode tasks) {
    TaskEntity task = TaskLauncher.create(new TaskLauncher.Launch(context.region(),
        Json.text(launch.cluster(), "clusterArn"), Json.text(launch.cluster(), "clusterName"), null, null,
        asked.group(), asked.startedBy(), placement.launchType(), placement.capacityProviderName(),
        launch.overrides(), launch.network(), Json.bool(request, "enableExecuteCommand", false), launch.tags()),
        launch.definition(), now);
    placement.applyTo(task);
    task.placementConstraints = request.get("placementConstraints");
    task.placementStrategy = request.get("placementStrategy");
    task.referenceId = asked.referenceId();
    state.tasks.put(task.taskArn, task);
    if (!launch.tags().isEmpty()) {
      state.putTags(task.taskArn, launch.tags());
    }
    tasks.add(renderer.task(task, true));
  }

  /**
   * RunTask: the one way standalone tasks start, whoever asks (a client, a scheduled rule, {@code
   * ecsl run}). Checks the request as ECS does, then creates the tasks.
   */
  JsonNode run(JsonNode request, RequestContext context) {
    int count = Json.integer(request, "count", 1);
    if (count < 1 || count > MAX_RUN_COUNT) {
      throw ApiException.invalidParameter("count must be between 1 and " + MAX_RUN_COUNT + "; got " + count + ".");
    }
    Asked asked = asked(request);
    List<PlacementConstraint> constraints;
    List<PlacementStrategy> strategies;
    try {
      constraints = PlacementRequests.constraints(request.get("placementConstraints"));
      strategies = PlacementRequests.strategies(request.get("placementStrategy"));
    } catch (IllegalArgumentException e) {
      throw ApiException.invalidParameter(e.getMessage());
    }
    JsonNode response = state.atomically(() -> {
      Launch launch = launch(request, context, asked);
      String launchType = Json.text(request, "launchType");
      JsonNode strategy = request.get("capacityProviderStrategy");
      if (launchType != null && strategy != null && !strategy.isEmpty()) {
        throw ApiException.invalidParameter("Specifying both a launch type and capacity provider strategy is not"
            + " supported. Remove one and try again.");
      }
      CapacityProviderRules.validateStrategy(strategy, ClusterProviders.associated(state, launch.cluster()),
          ClusterProviders.kinds(state, context.region()), "capacityProviderStrategy");
      JsonNode effective = TaskPlacements.effectiveStrategy(launch.cluster(), launchType, strategy);
      LaunchCompatibility.problem(launch.definition(), effective == null && launchType == null ? "EC2" : launchType,
          effective, provider -> ClusterProviders.isManagedInstances(state.capacityProviders.get(
              Arns.capacityProvider(context.region(), provider)))).ifPresent(problem -> {
            throw ApiException.invalidParameter(problem);
          });
      Instant now = plane.clock().instant();
      TaskPlacements.Decision decision = TaskPlacements.place(new PlacementPass(state, plane.random(), now),
          new TaskPlacements.Request(launch.cluster(), launch.definition(), launch.spec(), launchType, strategy,
              constraints, strategies, launch.group(), count, Map.of()));
      TaskPlacements.Unplaced unplaced = decision.unplaced();
      if (decision.placed().isEmpty() && unplaced != null && unplaced.noInstances() && unplaced.capacityProvider() == null) {
        throw ApiException.invalidParameter("No Container Instances were found in your cluster.");
      }
      ObjectNode out = Json.object();
      ArrayNode tasks = out.putArray("tasks");
      ArrayNode failures = out.putArray("failures");
      for (TaskPlacements.TaskPlacement placement : decision.placed()) {
        create(request, context, asked, launch, placement, now, tasks);
      }
      if (unplaced != null) {
        for (TaskPlacements.Failure failure : unplaced.failures()) {
          failures.addObject().put("arn", failure.arn()).put("reason", failure.reason());
        }
        if (unplaced.failures().isEmpty()) {
          failures.addObject().put("reason", "No Container Instances were found in your capacity provider.")
              .put("arn", Arns.capacityProvider(context.region(), unplaced.capacityProvider()));
        }
      }
      return out;
    });
    plane.requestTick();
    return response;
  }

  /**
   * StartTask: one task on each named container instance (the caller is the scheduler), launch
   * type EC2. An instance that cannot take it is a {@code failures} entry: MISSING (not in the
   * cluster), INACTIVE (deregistered), DRAINING (EMU: ECS places nothing new there), or the check
   * it fails (AGENT, RESOURCE:CPU, RESOURCE:MEMORY, RESOURCE:PORTS, ATTRIBUTE).
   */
  JsonNode start(JsonNode request, RequestContext context) {
    List<String> references = Json.strings(request, "containerInstances");
    if (references.isEmpty() || references.size() > MAX_START_INSTANCES) {
      throw ApiException.invalidParameter("containerInstances must name 1 to " + MAX_START_INSTANCES
          + " container instances; got " + references.size() + ".");
    }
    Asked asked = asked(request);
    JsonNode response = state.atomically(() -> {
      Launch launch = launch(request, context, asked);
      String clusterArn = Json.text(launch.cluster(), "clusterArn");
      Instant now = plane.clock().instant();
      PlacementPass pass = new PlacementPass(state, plane.random(), now);
      TaskPlacements.Request placing = new TaskPlacements.Request(launch.cluster(), launch.definition(), launch.spec(),
          "EC2", null, List.of(), List.of(), launch.group(), 1, Map.of());
      ObjectNode out = Json.object();
      ArrayNode tasks = out.putArray("tasks");
      ArrayNode failures = out.putArray("failures");
      for (String reference : references) {
        String arn = Arns.isArn(reference) ? reference
            : Arns.containerInstance(context.region(), Json.text(launch.cluster(), "clusterName"), reference);
        ContainerInstanceEntity instance = state.containerInstances.get(arn);
        String refusal = instance == null || !instance.clusterArn.equals(clusterArn) ? "MISSING"
            : !instance.isRegistered() ? "INACTIVE"
            : !instance.isActive() ? "DRAINING" : null;
        if (refusal != null) {
          failures.addObject().put("arn", arn).put("reason", refusal);
          continue;
        }
        TaskPlacements.Pinned pinned = TaskPlacements.onInstance(pass, placing, instance);
        if (pinned.failure() != null) {
          failures.addObject().put("arn", pinned.failure().arn()).put("reason", pinned.failure().reason());
        } else {
          create(request, context, asked, launch, pinned.placement(), now, tasks);
        }
      }
      return out;
    });
    plane.requestTick();
    return response;
  }

  JsonNode stop(JsonNode request, RequestContext context) {
    String reference = Requests.required(request, "task");
    String reason = Json.text(request, "reason", "Task stopped by user");
    JsonNode response = state.atomically(() -> {
      ObjectNode cluster = resolver.activeCluster(context, Json.text(request, "cluster"));
      TaskEntity task = resolver.task(context, Json.text(cluster, "clusterArn"), reference);
      if (task == null) {
        throw ApiException.invalidParameter("The referenced task was not found: " + reference + " in cluster "
            + Json.text(cluster, "clusterName") + ".");
      }
      TaskEntity updated = task.copy();
      if (updated.isActive()) {
        TaskLifecycle.requestStop(updated, TaskStatus.USER_INITIATED, reason, plane.clock().instant());
        updated.version++;
        state.tasks.put(updated.taskArn, updated);
      }
      ObjectNode out = Json.object();
      out.set("task", renderer.task(updated, false));
      return out;
    });
    plane.requestTick();
    return response;
  }

  /**
   * ExecuteCommand (§5): judged as ECS judges it; the session it returns cannot be opened here
   * (there is no Session Manager), so {@code ecsl exec} runs the command with the engine's exec.
   */
  JsonNode executeCommand(JsonNode request, RequestContext context) {
    String reference = Requests.required(request, "task");
    String command = Requests.required(request, "command");
    if (!Json.bool(request, "interactive", false)) {
      throw ApiException.invalidParameter("Interactive is only supported for 'true' value.");
    }
    return state.atomically(() -> {
      ObjectNode cluster = resolver.activeCluster(context, Json.text(request, "cluster"));
      TaskEntity task = resolver.task(context, Json.text(cluster, "clusterArn"), reference);
      if (task == null) {
        throw ApiException.invalidParameter("The referenced task was not found: " + reference + " in cluster "
            + Json.text(cluster, "clusterName") + ".");
      }
      if (!task.enableExecuteCommand) {
        throw ApiException.invalidParameter("The execute command failed because execute command was not enabled"
            + " when the task was run or the execute command agent isn't running. Wait and try again or run a new"
            + " task with execute command enabled and try again.");
      }
      String containerName = Json.text(request, "container");
      if (containerName == null && task.containers.size() > 1) {
        throw ApiException.invalidParameter("The task " + task.taskId + " has " + task.containers.size()
            + " containers; name one with container: " + task.containers.stream().map(c -> c.name).toList() + ".");
      }
      var container = containerName == null ? task.containers.get(0) : task.container(containerName);
      if (container == null) {
        throw ApiException.invalidParameter("The container " + containerName + " does not exist in task "
            + task.taskId + "; its containers: " + task.containers.stream().map(c -> c.name).toList() + ".");
      }
      if (!TaskStatus.RUNNING.equals(task.lastStatus) || !TaskStatus.RUNNING.equals(container.lastStatus)) {
        throw new ApiException("TargetNotConnectedException", "The execute command failed because the container "
            + container.name + " of task " + task.taskId + " is not running (task " + task.lastStatus + ", container "
            + container.lastStatus + ").");
      }
      String sessionId = "ecs-execute-command-" + java.util.UUID.randomUUID().toString().replace("-", "");
      ObjectNode out = Json.object();
      out.put("clusterArn", task.clusterArn);
      out.put("containerArn", container.containerArn);
      out.put("containerName", container.name);
      out.put("interactive", true);
      out.put("taskArn", task.taskArn);
      ObjectNode session = out.putObject("session");
      session.put("sessionId", sessionId);
      // EMU: no Session Manager runs here; the URL names the session but nothing serves it, so the
      // aws CLI's session-manager-plugin cannot connect (ecsl exec runs the command instead).
      session.put("streamUrl", "ws://127.0.0.1/_ecsl/exec/" + sessionId);
      session.put("tokenValue", java.util.UUID.randomUUID().toString());
      return out;
    });
  }

  JsonNode describe(JsonNode request, RequestContext context) {
    List<String> references = Json.strings(request, "tasks");
    if (references.isEmpty() || references.size() > 100) {
      throw ApiException.invalidParameter("DescribeTasks takes 1 to 100 tasks; got " + references.size() + ".");
    }
    boolean includeTags = Json.strings(request, "include").contains("TAGS");
    return state.atomically(() -> {
      String clusterArn = resolver.existingClusterArn(context, Json.text(request, "cluster"));
      ObjectNode out = Json.object();
      ArrayNode tasks = out.putArray("tasks");
      ArrayNode failures = out.putArray("failures");
      for (String reference : references) {
        TaskEntity task = resolver.task(context, clusterArn, reference);
        if (task == null) {
          String arn = Arns.isArn(reference) ? reference
              : Arns.task(context.region(), Arns.lastSegment(clusterArn), reference);
          failures.addObject().put("arn", arn).put("reason", "MISSING");
        } else {
          tasks.add(renderer.task(task, includeTags));
        }
      }
      return out;
    });
  }

  JsonNode list(JsonNode request, RequestContext context) {
    String family = Json.text(request, "family");
    String startedBy = Json.text(request, "startedBy");
    String serviceName = Json.text(request, "serviceName");
    String desiredStatus = Json.text(request, "desiredStatus", TaskStatus.RUNNING);
    String launchType = Json.text(request, "launchType");
    return state.atomically(() -> {
      ObjectNode cluster = resolver.activeCluster(context, Json.text(request, "cluster"));
      String clusterArn = Json.text(cluster, "clusterArn");
      if (serviceName != null) {
        resolver.service(context, clusterArn, serviceName); // ServiceNotFoundException if there is none
      }
      String service = serviceName == null ? null : Arns.lastSegment(serviceName);
      List<TaskEntity> matches = new ArrayList<>();
      for (TaskEntity task : state.tasks.values()) {
        String taskFamily = Arns.lastSegment(task.taskDefinitionArn).replaceFirst(":\\d+$", "");
        boolean match = task.clusterArn.equals(clusterArn) && desiredStatus.equals(task.desiredStatus)
            && (family == null || family.equals(taskFamily))
            && (startedBy == null || startedBy.equals(task.startedBy))
            && (service == null || service.equals(task.serviceName))
            && (launchType == null || launchType.equals(task.launchType));
        if (match) {
          matches.add(task);
        }
      }
      matches.sort(Comparator.comparing((TaskEntity t) -> t.createdAt));
      List<String> arns = matches.stream().map(t -> t.taskArn).toList();
      return Pages.response(Paging.ECS, request, arns, "taskArns", 100, 100);
    });
  }
}
