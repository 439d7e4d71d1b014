package io.ecsl.runtime.metadata;

import io.ecsl.runtime.backend.ContainerSpec;
import io.ecsl.runtime.home.PrivateFiles;
import io.ecsl.runtime.model.TaskEntity;
import io.ecsl.runtime.model.TaskSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the engine asks of the metadata and credentials endpoints when it creates a task's
 * containers: the agent's variables for each container, and what the pause container needs to run
 * the task's relay (the runtime's socket directory, mounted read-only at {@code /ecsl-tmds}, and
 * {@code NET_ADMIN} to put 169.254.170.2 on its namespace's loopback interface).
 */
public final class TaskEndpoints {
  /** Where the pause binary looks for the runtime's socket ({@code runtime/src/main/pause/pause-relay.c}). */
  static final String RELAY_MOUNT = "/ecsl-tmds";
  static final String SOCKET_DIR = "tmds";
  static final String SOCKET_FILE = "tmds.sock";
  /** Where the ECS agent serves tasks: 169.254.170.2 port 80. */
  public static final int AGENT_PORT = 80;
  /** The relay's port when the task serves port 80 itself (the agent's credentials proxy port). */
  public static final int ALTERNATE_PORT = 51679;

  private final EndpointIds ids;
  private final Path socketDir;
  private volatile String loopbackBase = "http://127.0.0.1:0";

  public TaskEndpoints(EndpointIds ids, Path socketDir) {
    this.ids = ids;
    this.socketDir = socketDir.toAbsolutePath();
  }

  /** The data directory's endpoints; makes the socket directory (0700) the pause containers mount. */
  public static TaskEndpoints forDataDir(Path dataDir) {
    Path socketDir = dataDir.resolve(SOCKET_DIR);
    try {
      PrivateFiles.directory(socketDir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + socketDir + ": " + e.getMessage(), e);
    }
    return new TaskEndpoints(EndpointIds.forDataDir(dataDir), socketDir);
  }

  public EndpointIds ids() {
    return ids;
  }

  /** The directory holding the socket the relays connect to. */
  public Path socketDir() {
    return socketDir;
  }

  public Path socketFile() {
    return socketDir.resolve(SOCKET_FILE);
  }

  /** Set once the metadata listener on the host's loopback is bound (host-mode tasks are pointed at it). */
  public void loopbackPort(int port) {
    loopbackBase = "http://127.0.0.1:" + port;
  }

  public String loopbackBase() {
    return loopbackBase;
  }

  /** The agent's variables for one container of {@code task}. */
  public Map<String, String> environment(TaskEntity task, TaskSpec spec, String containerName, Set<String> declared) {
    return AgentEnvironment.of(ids, task.taskArn, task.region, spec.networkMode(), spec.taskRoleArn(), containerName,
        declared, loopbackBase, relayPort(spec, containerName));
  }

  /**
   * The port of the relay that answers 169.254.170.2 for {@code containerName}: the task's (awsvpc)
   * or the container's own (bridge, where each container has its namespace and its relay).
   */
  public static int relayPort(TaskSpec spec, String containerName) {
    if (!isBridge(spec)) {
      return relayPort(spec);
    }
    TaskSpec.ContainerDefinition container = spec.container(containerName);
    return container != null && servesAgentPort(container) ? ALTERNATE_PORT : AGENT_PORT;
  }

  /** Bridge mode (the default on EC2 and external instances): one namespace per container. */
  public static boolean isBridge(TaskSpec spec) {
    String mode = spec.networkMode();
    return mode == null || mode.isEmpty() || mode.equals("bridge") || mode.equals("default");
  }

  private static boolean servesAgentPort(TaskSpec.ContainerDefinition container) {
    for (TaskSpec.PortMapping mapping : container.portMappings()) {
      if (mapping.containerPort() == AGENT_PORT && !"udp".equalsIgnoreCase(mapping.protocol())) {
        return true;
      }
    }
    return false;
  }

  /**
   * The port the task's relay listens on at 169.254.170.2: the agent's port 80, unless the task is
   * awsvpc and a container of it maps TCP port 80 (it shares the relay's namespace, and its bind to port 80 on every
   * address would fail beside a listener on 169.254.170.2:80).
   */
  public static int relayPort(TaskSpec spec) {
    if (!"awsvpc".equals(spec.networkMode())) {
      return AGENT_PORT; // only an awsvpc task shares its namespace with a relay
    }
    for (TaskSpec.ContainerDefinition container : spec.containers()) {
      if (servesAgentPort(container)) {
        return ALTERNATE_PORT;
      }
    }
    return AGENT_PORT;
  }

  /** The pause container's view of the socket directory. */
  public ContainerSpec.Mount relayMount() {
    return new ContainerSpec.Mount(ContainerSpec.Mount.Type.BIND, socketDir.toString(), RELAY_MOUNT, true);
  }

  /** The capability the relay needs inside the task's namespace only (app containers never get it). */
  public List<String> relayCapabilities() {
    return List.of("NET_ADMIN");
  }
}
