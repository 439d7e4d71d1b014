package io.ecsl.runtime.metadata;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The variables the ECS agent adds to every container ({@code ecs-runtime-integrations.md} §4.1):
 * the metadata endpoint (v3 and v4), the agent endpoint, the credentials endpoint when the task has
 * a role, and the region unless the container sets it itself. Pure.
 *
 * <p>Where they point depends on the network mode (docs/runtime-model.md, "Task metadata and
 * credentials"): {@code http://169.254.170.2}, the agent's address, which the task's own relay
 * answers inside an awsvpc task's namespace (and each bridge-mode container's relay inside its own); for {@code host} tasks, which share the host's
 * network, the runtime's metadata listener on the host's loopback (<b>EMU</b>), with the
 * credentials as {@code AWS_CONTAINER_CREDENTIALS_FULL_URI}, which every AWS SDK accepts over plain
 * HTTP for a loopback address. <b>EMU</b> an awsvpc task whose containers serve port 80 itself (a
 * bridge-mode container that does) gets
 * its relay on {@code 169.254.170.2:51679} instead (the port of the agent's own credentials
 * proxy): a listener on 169.254.170.2:80 in the task's namespace would make the app's bind to
 * port 80 fail. Its credentials are then given as the full URI, which the SDKs accept for
 * 169.254.170.2 too.
 */
public final class AgentEnvironment {
  /** Where the agent serves tasks. */
  public static final String AGENT_ADDRESS = "http://169.254.170.2";

  private AgentEnvironment() {}

  /**
   * @param declared the names the container's definition (environment, environment files, secrets) sets
   * @param loopbackBase the runtime's metadata listener on the host's loopback, e.g. {@code http://127.0.0.1:41234}
   */
  public static Map<String, String> of(EndpointIds ids, String taskArn, String region, String networkMode,
      String taskRoleArn, String containerName, Set<String> declared, String loopbackBase, int relayPort) {
    boolean host = "host".equals(networkMode);
    boolean agentPort = relayPort == TaskEndpoints.AGENT_PORT;
    String base = host ? loopbackBase : agentPort ? AGENT_ADDRESS : AGENT_ADDRESS + ":" + relayPort;
    String endpoint = ids.container(taskArn, containerName);
    Map<String, String> env = new LinkedHashMap<>();
    env.put("ECS_CONTAINER_METADATA_URI", base + "/v3/" + endpoint);
    env.put("ECS_CONTAINER_METADATA_URI_V4", base + "/v4/" + endpoint);
    env.put("ECS_AGENT_URI", base + "/api/" + endpoint);
    if (taskRoleArn != null && !taskRoleArn.isEmpty()) {
      String path = "/v2/credentials/" + ids.credentials(taskArn);
      if (host || !agentPort) {
        env.put("AWS_CONTAINER_CREDENTIALS_FULL_URI", base + path);
      } else {
        env.put("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", path);
      }
    }
    // The agent adds the region only where the container does not set it (the image's own ENV is not read here).
    if (!declared.contains("AWS_REGION")) {
      env.put("AWS_REGION", region);
    }
    if (!declared.contains("AWS_DEFAULT_REGION")) {
      env.put("AWS_DEFAULT_REGION", region);
    }
    return env;
  }
}
