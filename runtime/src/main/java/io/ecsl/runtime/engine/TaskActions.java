package io.ecsl.runtime.engine;

import io.ecsl.facts.shell.Shell;
import io.ecsl.runtime.backend.BackendException;
import io.ecsl.runtime.backend.ContainerBackend;
import io.ecsl.runtime.backend.ContainerSpec;
import io.ecsl.runtime.backend.Labels;
import io.ecsl.runtime.backend.ObservedContainer;
import io.ecsl.runtime.hostaccess.HostAccess;
import io.ecsl.runtime.hostaccess.HostAccessCheck;
import io.ecsl.runtime.json.Json;
import io.ecsl.runtime.lifecycle.ContainerSpecFactory;
import io.ecsl.runtime.lifecycle.DockerNames;
import io.ecsl.runtime.lifecycle.TaskAction;
import io.ecsl.runtime.lifecycle.TaskVolumes;
import io.ecsl.runtime.metadata.TaskEndpoints;
import io.ecsl.runtime.model.TaskEntity;
import io.ecsl.runtime.model.TaskSpec;
import io.ecsl.runtime.model.TaskStatus;
import io.ecsl.runtime.store.Store;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Performs the lifecycle's actions on the container backend and reports what happened, mapping
 * failures onto the stop reasons ECS uses ({@code CannotPullContainerError},
 * {@code ResourceInitializationError}, {@code CannotCreateContainerError},
 * {@code CannotStartContainerError}).
 */
final class TaskActions {
  private final ContainerBackend backend;
  private final Store store;
  private final String instanceId;
  private final HostAccess hostAccess;
  private final TaskEndpoints endpoints;
  private final java.util.function.Function<TaskEntity, List<String>> discoveryNames;
  private final java.util.function.Function<String, List<String>> nameServers;
  /** One relay start at a time per container: a retried start action must not race the first. */
  private final Map<String, Object> relayLocks = new java.util.concurrent.ConcurrentHashMap<>();

  TaskActions(ContainerBackend backend, Store store, String instanceId, HostAccess hostAccess,
      TaskEndpoints endpoints, java.util.function.Function<TaskEntity, List<String>> discoveryNames,
      java.util.function.Function<String, List<String>> nameServers) {
    this.discoveryNames = discoveryNames;
    this.nameServers = nameServers;
    this.backend = backend;
    this.store = store;
    this.instanceId = instanceId;
    this.hostAccess = hostAccess;
    this.endpoints = endpoints;
  }

  ActionResult run(TaskAction action, TaskEntity task, TaskSpec spec) {
    try {
      return switch (action) {
        case TaskAction.Provision p -> provision(task, spec);
        case TaskAction.PullImages p -> pullImages(task);
        case TaskAction.CreateContainer c -> {
          ActionResult created = create(task, spec, c.containerName());
          if (c.start() && created instanceof ActionResult.Created done) {
            ActionResult started = start(done.containerId());
            if (started instanceof ActionResult.Failed) {
              yield started;
            }
            yield warned(created, startRelay(task, spec, c.containerName(), done.containerId()));
          }
          yield created;
        }
        case TaskAction.StartContainer s -> {
          ActionResult started = start(s.containerId());
          if (started instanceof ActionResult.Failed) {
            yield started;
          }
          String warning = task.containers.stream().filter(c -> s.containerId().equals(c.runtimeId)).findFirst()
              .map(c -> startRelay(task, spec, c.name, s.containerId())).orElse(null);
          yield warned(started, warning);
        }
        case TaskAction.Signal s -> {
          backend.signal(s.containerId(), s.signal());
          yield new ActionResult.Done();
        }
        case TaskAction.Deprovision d -> {
          backend.removeContainer(DockerNames.pause(task.taskId));
          yield new ActionResult.Deprovisioned();
        }
      };
    } catch (BackendException e) {
      if (e.kind() == BackendException.Kind.UNAVAILABLE) {
        return new ActionResult.Unavailable(e.getMessage());
      }
      throw e;
    }
  }

  /**
   * The last check before anything touches the host: a task definition accepted under wider
   * grants (before a restart) may not run under narrower ones.
   */
  private ActionResult refused(TaskSpec spec, String errorPrefix) {
    List<HostAccessCheck.Refusal> refusals = hostAccess.check(spec);
    return refusals.isEmpty() ? null
        : new ActionResult.Failed(TaskStatus.TASK_FAILED_TO_START, errorPrefix + HostAccess.describe(refusals));
  }

  private ActionResult provision(TaskEntity task, TaskSpec spec) {
    ActionResult refused = refused(spec, "ResourceInitializationError: ");
    if (refused != null) {
      return refused;
    }
    try {
      for (TaskVolumes.Provision volume : TaskVolumes.provisions(task, spec, instanceId)) {
        if (volume.mayCreate()) {
          backend.createVolume(volume.spec());
        } else if (!backend.volumeExists(volume.spec().name())) {
          return new ActionResult.Failed(TaskStatus.TASK_FAILED_TO_START, "ResourceInitializationError: the"
              + " shared Docker volume " + volume.spec().name() + " does not exist and autoprovision is false;"
              + " create it (" + Shell.command("docker", "volume", "create", volume.spec().name())
              + ") or set autoprovision to true");
        }
      }
      if (!spec.isAwsvpc()) {
        return new ActionResult.Provisioned(null, null);
      }
      String network = DockerNames.clusterNetwork(instanceId, task.clusterName);
      backend.ensureNetwork(network, Map.of(Labels.RUNTIME, instanceId, Labels.CLUSTER, task.clusterName));
      // Docker's embedded resolver in the task forwards what it does not know to these: Cloud Map names.
      List<String> dns = nameServers.apply(backend.networkGateway(network));
      String pauseId = backend.createContainer(pauseSpec(task, spec, network, dns));
      backend.startContainer(pauseId);
      String ip = null;
      for (ObservedContainer seen : backend.listContainers(Labels.TASK, task.taskId)) {
        if (seen.id().equals(pauseId)) {
          ip = seen.ipAddresses().get(network);
        }
      }
      return new ActionResult.Provisioned(pauseId, ip);
    } catch (BackendException e) {
      if (e.kind() == BackendException.Kind.UNAVAILABLE) {
        throw e;
      }
      return new ActionResult.Failed(TaskStatus.TASK_FAILED_TO_START, "ResourceInitializationError: " + e.getMessage());
    } catch (UnsupportedOperationException e) {
      return new ActionResult.Failed(TaskStatus.TASK_FAILED_TO_START, "ResourceInitializationError: " + e.getMessage());
    }
  }

  /** The pause container publishes every port of the task, since the others share its namespace. */
  private ContainerSpec pauseSpec(TaskEntity task, TaskSpec spec, String network, List<String> dns) {
    List<ContainerSpec.PortBinding> ports = new ArrayList<>();
    for (TaskSpec.ContainerDefinition container : spec.containers()) {
      for (TaskSpec.PortMapping mapping : container.portMappings()) {
        ports.add(new ContainerSpec.PortBinding(mapping.containerPort(), mapping.protocol(),
            ContainerSpecFactory.bindIp(task), 0));
      }
    }
    // The task's Service Connect names: other tasks on the cluster network resolve them to it.
    return pauseBinary(DockerNames.pause(task.taskId), task, spec, Labels.ROLE_PAUSE, TaskEndpoints.relayPort(spec),
        new ContainerSpec.Network(network, null, ports, List.of(), dns, List.of(), List.of(), false,
            discoveryNames.apply(task)));
  }

  /**
   * A container of the pause binary with what its relay needs (the socket directory, NET_ADMIN):
   * an awsvpc task's pause container, or a bridge-mode container's relay.
   */
  private ContainerSpec pauseBinary(String name, TaskEntity task, TaskSpec spec, String role, int relayPort,
      ContainerSpec.Network network) {
    Map<String, String> labels = new LinkedHashMap<>(ContainerSpecFactory.taskLabels(task, spec, instanceId));
    labels.put(Labels.ROLE, role);
    return new ContainerSpec(name, backend.ensurePauseImage(), labels,
        new ContainerSpec.Process(List.of("/pause"), List.of(String.valueOf(relayPort)), List.of(), null, null,
            false, false, null, 2),
        new ContainerSpec.Resources(2, null, null, null, null, null, List.of()),
        network,
        new ContainerSpec.Storage(List.of(endpoints.relayMount()), List.of(), Map.of(), false),
        new ContainerSpec.Security(false, endpoints.relayCapabilities(), List.of(), List.of(), List.of(), Map.of()),
        null);
  }

  /**
   * Bridge mode: each container has a namespace of its own, so each gets the relay an awsvpc task's
   * pause container runs (docs/runtime-model.md, "Task metadata and credentials"): a pause
   * container joined to the app container's namespace, with NET_ADMIN and the socket directory,
   * which the app container never gets. It can only join once the container runs, so it comes up
   * just after the app's process starts (<b>EMU</b>). A relay that cannot start costs the task its
   * endpoint, never its life.
   */
  private static ActionResult warned(ActionResult result, String warning) {
    return warning == null ? result : new ActionResult.Warned(result, warning);
  }

  /** Starts the container's relay; a warning for the user when it could not, else null. */
  private String startRelay(TaskEntity task, TaskSpec spec, String containerName, String containerId) {
    if (!TaskEndpoints.isBridge(spec) || spec.container(containerName) == null) {
      return null;
    }
    // Named after the container it serves: asked twice (a retried action), the backend finds the one
    // already made, and starting it again changes nothing; one attempt at a time per container.
    String name = DockerNames.relay(task.taskId, containerName, containerId);
    try {
      synchronized (relayLocks.computeIfAbsent(name, k -> new Object())) {
        backend.startContainer(backend.createContainer(pauseBinary(name, task, spec, Labels.ROLE_RELAY,
            TaskEndpoints.relayPort(spec, containerName), new ContainerSpec.Network("container:" + containerId, null,
                List.of(), List.of(), List.of(), List.of(), List.of(), false))));
      }
    } catch (BackendException | UnsupportedOperationException e) {
      if (e instanceof BackendException b && b.kind() == BackendException.Kind.UNAVAILABLE) {
        throw b;
      }
      String warning = "(task " + task.taskId + ") container " + containerName + " has no task metadata or"
          + " credentials endpoint: its relay did not start: " + e.getMessage();
      java.util.logging.Logger.getLogger(TaskActions.class.getName()).warning(warning);
      return warning;
    }
    return null;
  }

  private ActionResult pullImages(TaskEntity task) {
    Map<String, String> ids = new LinkedHashMap<>();
    for (var container : task.containers) {
      if (ids.containsKey(container.image)) {
        continue;
      }
      String id = recentlySeen(container.image);
      if (id == null) {
        id = backend.localImageId(container.image);
      }
      if (id == null) {
        try {
          id = backend.pullImage(container.image);
        } catch (BackendException e) {
          if (e.kind() == BackendException.Kind.UNAVAILABLE) {
            throw e;
          }
          return new ActionResult.Failed(TaskStatus.TASK_FAILED_TO_START,
              "CannotPullContainerError: " + e.getMessage());
        }
      }
      ids.put(container.image, id);
      seenImages.put(container.image, new SeenImage(id, System.nanoTime()));
    }
    return new ActionResult.ImagesReady(ids);
  }

  /** An image found locally a moment ago: many tasks of one service start together, one lookup serves them all. */
  private record SeenImage(String id, long atNanos) {}

  private static final long IMAGE_CACHE_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
  private final Map<String, SeenImage> seenImages = new java.util.concurrent.ConcurrentHashMap<>();

  private String recentlySeen(String image) {
    SeenImage seen = seenImages.get(image);
    return seen != null && System.nanoTime() - seen.atNanos() < IMAGE_CACHE_NANOS ? seen.id() : null;
  }

  private ActionResult create(TaskEntity task, TaskSpec spec, String containerName) {
    ActionResult refused = refused(spec, "CannotCreateContainerError: ");
    if (refused != null) {
      return refused;
    }
    TaskSpec.ContainerDefinition definition = spec.container(containerName);
    Map<String, String> secrets = new LinkedHashMap<>();
    for (var secret : Json.list(definition.json(), "secrets")) {
      String valueFrom = Json.text(secret, "valueFrom");
      Optional<String> value = SecretResolver.resolve(store, valueFrom);
      if (value.isEmpty()) {
        return new ActionResult.Failed(TaskStatus.TASK_FAILED_TO_START, "ResourceInitializationError: unable to"
            + " pull secrets or registry auth: secret " + valueFrom + " (environment variable "
            + Json.text(secret, "name") + " of container " + containerName + ") is not in the ecsl runtime's"
            + " secret store; add it with: " + Shell.command("ecsl", "runtime", "secret", "put", valueFrom, "VALUE"));
      }
      secrets.put(valueFrom, value.get());
    }
    Map<String, String> fileVariables = new LinkedHashMap<>();
    for (var file : Json.list(definition.json(), "environmentFiles")) {
      String location = Json.text(file, "value");
      Optional<String> content = location == null ? Optional.empty() : SecretResolver.resolve(store, location);
      if (content.isEmpty()) {
        return new ActionResult.Failed(TaskStatus.TASK_FAILED_TO_START, "ResourceInitializationError: failed to"
            + " download env files: " + location + " (container " + containerName + ") is not in the ecsl runtime's"
            + " secret store, which stands in for S3 here; add it with: ecsl runtime secret put '" + location
            + "' < FILE.env");
      }
      fileVariables.putAll(EnvironmentFiles.parse(content.get()));
    }
    try {
      Map<String, String> agentVariables = endpoints.environment(task, spec, containerName,
          ContainerSpecFactory.declaredVariables(definition, fileVariables));
      ContainerSpec containerSpec = ContainerSpecFactory.build(task, spec, definition,
          new ContainerSpecFactory.Context(instanceId, task.pauseContainerId, secrets, fileVariables, agentVariables));
      return new ActionResult.Created(containerName, backend.createContainer(containerSpec));
    } catch (BackendException e) {
      if (e.kind() == BackendException.Kind.UNAVAILABLE) {
        throw e;
      }
      return new ActionResult.Failed(TaskStatus.TASK_FAILED_TO_START, "CannotCreateContainerError: " + e.getMessage());
    } catch (IllegalArgumentException e) {
      return new ActionResult.Failed(TaskStatus.TASK_FAILED_TO_START, "CannotCreateContainerError: container "
          + containerName + ": " + e.getMessage());
    }
  }

  private ActionResult start(String containerId) {
    try {
      backend.startContainer(containerId);
      return new ActionResult.Done();
    } catch (BackendException e) {
      if (e.kind() == BackendException.Kind.UNAVAILABLE) {
        throw e;
      }
      return new ActionResult.Failed(TaskStatus.TASK_FAILED_TO_START, "CannotStartContainerError: " + e.getMessage());
    }
  }

  /** Removes a stopped task's containers and task-scoped volumes (retention expired). */
  void removeTask(TaskEntity task, List<String> containerIds) {
    for (ObservedContainer relay : backend.listContainers(Labels.TASK, task.taskId)) {
      if (Labels.ROLE_RELAY.equals(relay.label(Labels.ROLE))) {
        backend.removeContainer(relay.id());
      }
    }
    relayLocks.keySet().removeIf(name -> name.startsWith(DockerNames.relayPrefix(task.taskId)));
    for (String id : containerIds) {
      backend.removeContainer(id);
    }
    backend.removeContainer(DockerNames.pause(task.taskId));
    for (String volume : backend.listVolumes(Labels.TASK, task.taskId)) {
      backend.removeVolume(volume);
    }
  }
}
