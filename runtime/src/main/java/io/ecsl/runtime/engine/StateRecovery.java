package io.ecsl.runtime.engine;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.runtime.backend.ContainerBackend;
import io.ecsl.runtime.backend.Labels;
import io.ecsl.runtime.backend.ObservedContainer;
import io.ecsl.runtime.json.Json;
import io.ecsl.runtime.model.Arns;
import io.ecsl.runtime.model.ContainerEntity;
import io.ecsl.runtime.model.Ids;
import io.ecsl.runtime.model.NetworkBinding;
import io.ecsl.runtime.model.TaskEntity;
import io.ecsl.runtime.model.TaskStatus;
import io.ecsl.runtime.store.Store;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * A runtime starting over a missing or empty state while containers of its previous instance
 * still run: left alone, they would be unmanaged (not shown, not cleaned by {@code stop --clean}),
 * and adopted as the runtime's own they would be removed as orphans. So the start is refused with
 * both ways out ({@link #refusal}), or, with {@code ecsl runtime start --adopt}, the runtime takes
 * the previous instance's identity and rebuilds a standalone task for each group of containers
 * from their labels ({@link #adopt}).
 */
public final class StateRecovery {
  private static final Logger LOG = Logger.getLogger(StateRecovery.class.getName());

  private StateRecovery() {}

  /** Running containers no stored task explains, and the runtime instance they belong to. */
  public record Orphans(String instanceId, List<ObservedContainer> containers) {
    public boolean isEmpty() {
      return containers.isEmpty();
    }
  }

  /**
   * The running containers of this data directory's runtime (labelled with its recorded instance
   * id, the store's, or the data directory) when the store holds no task at all: what a lost or
   * emptied {@code state.db} leaves behind.
   */
  public static Orphans find(ContainerBackend backend, Path dataDir, String recordedInstance, Store store) {
    if (store.count(RuntimeState.TASK_KIND) > 0) {
      return new Orphans(null, List.of());
    }
    Map<String, ObservedContainer> running = new LinkedHashMap<>();
    Set<String> instances = new LinkedHashSet<>();
    if (recordedInstance != null) {
      instances.add(recordedInstance);
    }
    instances.add(store.instanceId());
    for (String instance : instances) {
      backend.listContainers(Labels.RUNTIME, instance).forEach(c -> running.put(c.id(), c));
    }
    backend.listContainers(Labels.DATA_DIR, dataDir.toAbsolutePath().toString()).forEach(c -> running.put(c.id(), c));
    List<ObservedContainer> live = running.values().stream()
        .filter(ObservedContainer::isRunning).filter(c -> c.label(Labels.RUNTIME) != null).toList();
    if (live.isEmpty()) {
      return new Orphans(null, List.of());
    }
    Map<String, Long> byInstance = live.stream()
        .collect(Collectors.groupingBy(c -> c.label(Labels.RUNTIME), LinkedHashMap::new, Collectors.counting()));
    String instance = recordedInstance != null && byInstance.containsKey(recordedInstance) ? recordedInstance
        : byInstance.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    return new Orphans(instance, live.stream().filter(c -> instance.equals(c.label(Labels.RUNTIME))).toList());
  }

  /** Why the runtime will not start, and the two commands that let it. */
  public static String refusal(Path dataDir, Orphans orphans) {
    String id = orphans.instanceId();
    // The tasks' own containers: a bridge container's metadata relay is the runtime's helper, and the
    // label filter below removes it with them.
    List<ObservedContainer> tasks = orphans.containers().stream()
        .filter(c -> !Labels.ROLE_RELAY.equals(c.label(Labels.ROLE))).toList();
    List<String> names = tasks.stream().map(ObservedContainer::name).sorted().limit(3).toList();
    String filter = "--filter label=" + Labels.RUNTIME + "=" + id;
    return "the runtime's state in " + dataDir + " is missing or empty, but " + tasks.size()
        + " containers of its previous instance " + id + " are still running (" + String.join(", ", names)
        + (tasks.size() > names.size() ? ", ..." : "") + "); starting over would leave them"
        + " unmanaged. Adopt them (each becomes a standalone task of the new state): ecsl runtime start --adopt"
        + " -- or remove them by their label: docker ps -aq " + filter + " | xargs -r docker rm -f;"
        + " docker network ls -q " + filter + " | xargs -r docker network rm;"
        + " docker volume ls -q " + filter + " | xargs -r docker volume rm";
  }

  /**
   * Takes over {@code orphans}: the store takes their instance id, and each task's containers
   * become one RUNNING standalone task (its cluster and a minimal task definition, family and
   * revision from the labels, are recreated when missing). Their services are not: applying the
   * project again recreates them beside the adopted tasks.
   *
   * @return how many tasks were adopted
   */
  public static int adopt(Store store, Orphans orphans, Instant now) {
    store.setMeta("instance_id", orphans.instanceId());
    RuntimeState state = new RuntimeState(store);
    Map<String, List<ObservedContainer>> byTask = orphans.containers().stream()
        .filter(c -> c.label(Labels.TASK) != null && c.label(Labels.ECS_TASK_ARN) != null)
        .collect(Collectors.groupingBy(c -> c.label(Labels.TASK), LinkedHashMap::new, Collectors.toList()));
    state.atomically(() -> byTask.forEach((taskId, containers) -> adoptTask(state, taskId, containers, now)));
    LOG.info("adopted " + byTask.size() + " tasks of instance " + orphans.instanceId()
        + " (their services were lost with the state; applying the project again recreates them)");
    return byTask.size();
  }

  private static void adoptTask(RuntimeState state, String taskId, List<ObservedContainer> containers, Instant now) {
    ObservedContainer any = containers.get(0);
    String taskArn = any.label(Labels.ECS_TASK_ARN);
    String region = Arns.regionOf(taskArn);
    String clusterName = any.label(Labels.CLUSTER);
    String clusterArn = any.label(Labels.ECS_CLUSTER) != null ? any.label(Labels.ECS_CLUSTER)
        : Arns.cluster(region, clusterName);
    String family = any.label(Labels.ECS_FAMILY);
    int revision = parse(any.label(Labels.ECS_REVISION));
    ObservedContainer pause = containers.stream().filter(c -> Labels.ROLE_PAUSE.equals(c.label(Labels.ROLE)))
        .findFirst().orElse(null);
    // Relays are the runtime's own helpers, recreated with their containers: not part of the task.
    List<ObservedContainer> apps = containers.stream().filter(c -> !Labels.ROLE_PAUSE.equals(c.label(Labels.ROLE))
            && !Labels.ROLE_RELAY.equals(c.label(Labels.ROLE)))
        .sorted(Comparator.comparing(c -> c.label(Labels.CONTAINER) == null ? "" : c.label(Labels.CONTAINER)))
        .toList();
    if (!state.clusters.contains(clusterArn)) {
      ObjectNode cluster = Json.object();
      cluster.put("clusterArn", clusterArn);
      cluster.put("clusterName", clusterName);
      cluster.put("status", "ACTIVE");
      cluster.putArray("settings").addObject().put("name", "containerInsights").put("value", "disabled");
      cluster.putArray("capacityProviders");
      cluster.putArray("defaultCapacityProviderStrategy");
      state.clusters.put(clusterArn, cluster);
    }
    String definitionArn = Arns.taskDefinition(region, family, revision);
    if (!state.taskDefinitions.contains(definitionArn)) {
      state.taskDefinitions.put(definitionArn, definition(definitionArn, family, revision, pause != null, apps, now));
      String counter = "revision:" + region + ":" + family;
      int next = state.store().meta(counter).map(Integer::parseInt).orElse(0);
      state.store().setMeta(counter, Integer.toString(Math.max(next, revision)));
    }
    TaskEntity task = new TaskEntity();
    task.taskId = taskId;
    task.taskArn = taskArn;
    task.region = region;
    task.clusterArn = clusterArn;
    task.clusterName = clusterName;
    task.taskDefinitionArn = definitionArn;
    task.group = any.label(Labels.SERVICE) != null ? "service:" + any.label(Labels.SERVICE) : "family:" + family;
    task.startedBy = "ecsl-adopted";
    task.launchType = "EC2";
    task.lastStatus = TaskStatus.RUNNING;
    task.connectivity = "CONNECTED";
    task.createdAt = now;
    task.startedAt = now;
    task.connectivityAt = now;
    task.provisioned = true;
    task.imagesReady = true;
    if (pause != null) {
      task.pauseContainerId = pause.id();
      task.attachmentId = Ids.uuid();
    }
    for (ObservedContainer observed : apps) {
      ContainerEntity container = new ContainerEntity();
      container.name = observed.label(Labels.CONTAINER);
      container.image = observed.image();
      container.runtimeId = observed.id();
      container.containerArn = Arns.container(region, clusterName, taskId, Ids.uuid());
      container.lastStatus = observed.isRunning() ? TaskStatus.RUNNING : TaskStatus.STOPPED;
      container.exitCode = observed.exitCode();
      container.startedAt = now;
      container.cpu = "0";
      List<NetworkBinding> bindings = new ArrayList<>();
      for (ObservedContainer.PublishedPort port : (pause != null ? pause : observed).ports()) {
        bindings.add(new NetworkBinding(port.hostIp(), port.containerPort(), port.hostPort(), port.protocol()));
      }
      container.networkBindings = bindings;
      task.containers.add(container);
    }
    state.tasks.put(taskArn, task);
  }

  /** A task definition as little as the adopted containers tell: names, images, network mode. */
  private static ObjectNode definition(String arn, String family, int revision, boolean awsvpc,
      List<ObservedContainer> apps, Instant now) {
    ObjectNode definition = Json.object();
    definition.put("taskDefinitionArn", arn);
    definition.put("family", family);
    definition.put("revision", revision);
    definition.put("networkMode", awsvpc ? "awsvpc" : "bridge");
    ArrayNode containers = definition.putArray("containerDefinitions");
    for (ObservedContainer app : apps) {
      ObjectNode container = containers.addObject();
      container.put("name", app.label(Labels.CONTAINER));
      container.put("image", app.image() == null ? "unknown" : app.image());
      container.put("essential", true);
    }
    definition.putArray("volumes");
    definition.putArray("placementConstraints");
    definition.put("status", "ACTIVE");
    definition.putArray("requiresAttributes");
    definition.putArray("compatibilities").add("EC2");
    definition.set("registeredAt", Json.timestamp(now));
    definition.put("registeredBy", Arns.ROOT_PRINCIPAL);
    return definition;
  }

  private static int parse(String number) {
    try {
      return number == null ? 1 : Integer.parseInt(number);
    } catch (NumberFormatException e) {
      return 1;
    }
  }
}
