package io.ecsl.runtime.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.runtime.backend.ContainerSpec;
import io.ecsl.runtime.backend.Labels;
import io.ecsl.runtime.json.Json;
import io.ecsl.runtime.model.TaskEntity;
import io.ecsl.runtime.model.TaskSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps one ECS container definition onto a Docker container specification, the way the ECS agent
 * does (docs/runtime-model.md). Pure: everything it needs is passed in.
 */
public final class ContainerSpecFactory {
  /** Where published ports listen: loopback only, never the machine's other interfaces. */
  public static final String BIND_IP = "127.0.0.1";
  private static final long MIB = 1024L * 1024L;
  /** The agent passes a missing, 0 or 1 cpu value to Docker as 2 shares (the kernel minimum). */
  private static final int MIN_CPU_SHARES = 2;

  private ContainerSpecFactory() {}

  /**
   * Where the task's ports are published: its container instance's loopback address, or
   * {@link #BIND_IP} for tasks on no instance (Fargate) or on the Docker host instance.
   */
  public static String bindIp(TaskEntity task) {
    return task.hostIp != null ? task.hostIp : BIND_IP;
  }

  /**
   * What the task's environment provides beyond its definition: secret values by {@code valueFrom},
   * and the variables of the container's environment files (already read, in file order).
   */
  public record Context(String instanceId, String pauseContainerId, Map<String, String> secrets,
      Map<String, String> environmentFiles, Map<String, String> agentEnvironment) {
    public Context(String instanceId, String pauseContainerId, Map<String, String> secrets) {
      this(instanceId, pauseContainerId, secrets, Map.of(), Map.of());
    }

    public Context(String instanceId, String pauseContainerId, Map<String, String> secrets,
        Map<String, String> environmentFiles) {
      this(instanceId, pauseContainerId, secrets, environmentFiles, Map.of());
    }
  }

  /** The names a container definition sets itself: environment, environment files, secrets. */
  public static java.util.Set<String> declaredVariables(TaskSpec.ContainerDefinition container,
      Map<String, String> environmentFiles) {
    java.util.Set<String> names = new java.util.HashSet<>(environmentFiles.keySet());
    Json.list(container.json(), "environment").forEach(pair -> names.add(Json.text(pair, "name")));
    Json.list(container.json(), "secrets").forEach(secret -> names.add(Json.text(secret, "name")));
    return names;
  }

  public static ContainerSpec build(TaskEntity task, TaskSpec spec, TaskSpec.ContainerDefinition container,
      Context context) {
    JsonNode json = container.json();
    return new ContainerSpec(
        DockerNames.container(spec, container.name(), task),
        container.image(),
        labels(task, spec, container, context.instanceId()),
        process(json, container, context.secrets(), context.environmentFiles(), context.agentEnvironment()),
        resources(json, spec, task),
        network(task, spec, container, context),
        storage(task, spec, json),
        security(json),
        healthCheck(json.get("healthCheck")));
  }

  static Map<String, String> labels(TaskEntity task, TaskSpec spec, TaskSpec.ContainerDefinition container,
      String instanceId) {
    Map<String, String> labels = new LinkedHashMap<>(Json.stringMap(container.json(), "dockerLabels"));
    labels.putAll(taskLabels(task, spec, instanceId));
    labels.put(Labels.CONTAINER, container.name());
    labels.put(Labels.ROLE, Labels.ROLE_APP);
    labels.put(Labels.ECS_CONTAINER_NAME, container.name());
    return labels;
  }

  /** The labels every object of a task carries (the pause container too). */
  public static Map<String, String> taskLabels(TaskEntity task, TaskSpec spec, String instanceId) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put(Labels.RUNTIME, instanceId);
    labels.put(Labels.CLUSTER, task.clusterName);
    if (task.serviceName != null) {
      labels.put(Labels.SERVICE, task.serviceName);
    }
    labels.put(Labels.TASK, task.taskId);
    labels.put(Labels.ECS_CLUSTER, task.clusterArn);
    labels.put(Labels.ECS_TASK_ARN, task.taskArn);
    labels.put(Labels.ECS_FAMILY, spec.family());
    labels.put(Labels.ECS_REVISION, Integer.toString(spec.revision()));
    return labels;
  }

  private static ContainerSpec.Process process(JsonNode json, TaskSpec.ContainerDefinition container,
      Map<String, String> secrets, Map<String, String> environmentFiles, Map<String, String> agentEnvironment) {
    List<String> env = new ArrayList<>();
    java.util.Set<String> declared = new java.util.HashSet<>();
    Json.list(json, "environment").forEach(pair -> declared.add(Json.text(pair, "name")));
    // `environment` takes precedence over the variables of environment files (as on ECS).
    environmentFiles.forEach((name, value) -> {
      if (!declared.contains(name)) {
        env.add(name + "=" + value);
      }
    });
    for (JsonNode pair : Json.list(json, "environment")) {
      env.add(Json.text(pair, "name") + "=" + Json.text(pair, "value", ""));
    }
    for (JsonNode secret : Json.list(json, "secrets")) {
      String valueFrom = Json.text(secret, "valueFrom");
      env.add(Json.text(secret, "name") + "=" + secrets.getOrDefault(valueFrom, ""));
    }
    // What the agent adds (metadata and credentials endpoints, region) wins over a definition's
    // variable of the same name, as on ECS; AgentEnvironment leaves out the region a definition sets.
    env.removeIf(pair -> agentEnvironment.containsKey(pair.substring(0, Math.max(0, pair.indexOf('=')))));
    agentEnvironment.forEach((name, value) -> env.add(name + "=" + value));
    JsonNode linux = json.path("linuxParameters");
    return new ContainerSpec.Process(
        json.has("entryPoint") ? Json.strings(json, "entryPoint") : null,
        json.has("command") ? Json.strings(json, "command") : null,
        env,
        Json.text(json, "user"),
        Json.text(json, "workingDirectory"),
        Json.bool(json, "pseudoTerminal", false),
        Json.bool(json, "interactive", false),
        Json.bool(linux, "initProcessEnabled"),
        container.stopTimeout());
  }

  private static ContainerSpec.Resources resources(JsonNode json, TaskSpec spec, TaskEntity task) {
    Integer cpu = Json.integer(json, "cpu");
    Long memory = mib(Json.integer(json, "memory"));
    boolean fargate = "FARGATE".equals(task.launchType);
    if (memory == null && (fargate || Json.integer(json, "memoryReservation") == null) && spec.memory() != null) {
      // EMU: no container limit of its own, so the task-level memory caps it (the agent would put
      // the whole task in one cgroup of that size; on Fargate the task's size is its limit).
      memory = mib(parseIntOrNull(spec.memory()));
    }
    // A Fargate task's vCPUs are a hard limit (EMU: each container is held to the task's quota,
    // Docker having no cgroup shared by a task's containers).
    Integer taskUnits = fargate ? parseIntOrNull(spec.cpu()) : null;
    Long nanoCpus = taskUnits == null ? null : taskUnits * 1_000_000_000L / 1024;
    JsonNode linux = json.path("linuxParameters");
    Integer maxSwap = Json.integer(linux, "maxSwap");
    Long swap = maxSwap != null && memory != null ? memory + maxSwap * MIB : null;
    Integer swappiness = maxSwap == null ? null : Json.integer(linux, "swappiness");
    List<ContainerSpec.Ulimit> ulimits = new ArrayList<>();
    for (JsonNode ulimit : Json.list(json, "ulimits")) {
      ulimits.add(new ContainerSpec.Ulimit(Json.text(ulimit, "name"),
          ulimit.path("softLimit").asLong(), ulimit.path("hardLimit").asLong()));
    }
    return new ContainerSpec.Resources(
        cpu == null || cpu < MIN_CPU_SHARES ? MIN_CPU_SHARES : cpu,
        memory,
        mib(Json.integer(json, "memoryReservation")),
        swap,
        swappiness == null ? null : swappiness.longValue(),
        mib(Json.integer(linux, "sharedMemorySize")),
        ulimits,
        nanoCpus);
  }

  private static ContainerSpec.Network network(TaskEntity task, TaskSpec spec,
      TaskSpec.ContainerDefinition container, Context context) {
    JsonNode json = container.json();
    List<String> extraHosts = new ArrayList<>();
    for (JsonNode host : Json.list(json, "extraHosts")) {
      extraHosts.add(Json.text(host, "hostname") + ":" + Json.text(host, "ipAddress"));
    }
    String mode;
    List<ContainerSpec.PortBinding> ports = new ArrayList<>();
    List<String> links = new ArrayList<>();
    switch (spec.networkMode()) {
      case "awsvpc" -> mode = "container:" + context.pauseContainerId();
      case "host" -> mode = "host";
      case "none" -> mode = "none";
      default -> {
        mode = "bridge";
        for (TaskSpec.PortMapping mapping : container.portMappings()) {
          int hostPort = mapping.hostPort() == null ? 0 : mapping.hostPort();
          ports.add(new ContainerSpec.PortBinding(mapping.containerPort(), mapping.protocol(), bindIp(task),
              hostPort));
        }
        for (String link : Json.strings(json, "links")) {
          String target = link.contains(":") ? link.substring(0, link.indexOf(':')) : link;
          String alias = link.contains(":") ? link.substring(link.indexOf(':') + 1) : link;
          links.add(DockerNames.container(spec, target, task) + ":" + alias);
        }
      }
    }
    // In awsvpc mode the pause container owns hostname and DNS; Docker rejects them here.
    boolean sharesNamespace = mode.startsWith("container:");
    return new ContainerSpec.Network(
        mode,
        sharesNamespace ? null : Json.text(json, "hostname"),
        ports,
        sharesNamespace ? List.of() : extraHosts,
        sharesNamespace ? List.of() : Json.strings(json, "dnsServers"),
        sharesNamespace ? List.of() : Json.strings(json, "dnsSearchDomains"),
        links,
        Json.bool(json, "disableNetworking", false));
  }

  private static ContainerSpec.Storage storage(TaskEntity task, TaskSpec spec, JsonNode json) {
    List<ContainerSpec.Mount> mounts = new ArrayList<>();
    for (JsonNode mountPoint : Json.list(json, "mountPoints")) {
      TaskSpec.VolumeDefinition volume = spec.volume(Json.text(mountPoint, "sourceVolume", ""));
      if (volume == null) {
        continue;
      }
      TaskVolumes.Source source = TaskVolumes.source(task, volume);
      mounts.add(new ContainerSpec.Mount(
          source.bind() ? ContainerSpec.Mount.Type.BIND : ContainerSpec.Mount.Type.VOLUME,
          source.bind() ? source.hostPath() : source.volumeName(),
          Json.text(mountPoint, "containerPath"),
          Json.bool(mountPoint, "readOnly", false)));
    }
    List<String> volumesFrom = new ArrayList<>();
    for (JsonNode from : Json.list(json, "volumesFrom")) {
      String source = DockerNames.container(spec, Json.text(from, "sourceContainer"), task);
      volumesFrom.add(Json.bool(from, "readOnly", false) ? source + ":ro" : source + ":rw");
    }
    Map<String, String> tmpfs = new LinkedHashMap<>();
    for (JsonNode mount : Json.list(json.path("linuxParameters"), "tmpfs")) {
      List<String> options = new ArrayList<>();
      options.add("size=" + Json.integer(mount, "size", 0) + "m");
      options.addAll(Json.strings(mount, "mountOptions"));
      tmpfs.put(Json.text(mount, "containerPath"), String.join(",", options));
    }
    return new ContainerSpec.Storage(mounts, volumesFrom, tmpfs,
        Json.bool(json, "readonlyRootFilesystem", false));
  }

  private static ContainerSpec.Security security(JsonNode json) {
    JsonNode linux = json.path("linuxParameters");
    List<ContainerSpec.Device> devices = new ArrayList<>();
    for (JsonNode device : Json.list(linux, "devices")) {
      String hostPath = Json.text(device, "hostPath");
      StringBuilder permissions = new StringBuilder();
      for (String permission : Json.strings(device, "permissions")) {
        permissions.append(permission.charAt(0));
      }
      devices.add(new ContainerSpec.Device(hostPath, Json.text(device, "containerPath", hostPath),
          permissions.isEmpty() ? "rwm" : permissions.toString()));
    }
    Map<String, String> sysctls = new LinkedHashMap<>();
    for (JsonNode control : Json.list(json, "systemControls")) {
      sysctls.put(Json.text(control, "namespace"), Json.text(control, "value"));
    }
    return new ContainerSpec.Security(
        Json.bool(json, "privileged", false),
        Json.strings(linux.path("capabilities"), "add"),
        Json.strings(linux.path("capabilities"), "drop"),
        devices,
        Json.strings(json, "dockerSecurityOptions"),
        sysctls);
  }

  /** ECS defaults (§2.8): interval 30 s, timeout 5 s, 3 retries, no start period. */
  static ContainerSpec.HealthCheck healthCheck(JsonNode check) {
    if (check == null || !check.has("command")) {
      return null;
    }
    return new ContainerSpec.HealthCheck(
        Json.strings(check, "command"),
        Json.integer(check, "interval", 30),
        Json.integer(check, "timeout", 5),
        Json.integer(check, "retries", 3),
        Json.integer(check, "startPeriod", 0));
  }

  private static Long mib(Integer value) {
    return value == null ? null : value * MIB;
  }

  private static Integer parseIntOrNull(String value) {
    try {
      return Integer.valueOf(value.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
