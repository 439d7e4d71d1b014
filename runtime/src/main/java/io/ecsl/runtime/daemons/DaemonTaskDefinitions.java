package io.ecsl.runtime.daemons;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.runtime.json.Json;
import java.util.List;

/**
 * A daemon task definition seen as the task definition its tasks run: the engine launches, watches
 * and describes daemon tasks like any other, from the same fields.
 */
public final class DaemonTaskDefinitions {
  /** The marker of a daemon task definition ARN ({@code daemon-task-definition/FAMILY:REVISION}). */
  public static final String ARN_MARKER = ":daemon-task-definition/";

  /**
   * **EMU**: ECS gives daemon tasks the {@code daemon_bridge} network mode (a link-local address the
   * instance's tasks reach them on); locally they run in bridge mode on the Docker host, with no
   * host namespace unless {@code shared} asks for it.
   */
  public static final String NETWORK_MODE = "bridge";

  private DaemonTaskDefinitions() {}

  public static boolean isDaemonTaskDefinition(String arn) {
    return arn != null && arn.contains(ARN_MARKER);
  }

  /** The daemon task definition as a task definition: {@code shared} namespaces become the host's. */
  public static ObjectNode asTaskDefinition(ObjectNode daemonDefinition) {
    ObjectNode out = Json.object();
    out.put("taskDefinitionArn", Json.text(daemonDefinition, "daemonTaskDefinitionArn"));
    for (String field : List.of("family", "revision", "taskRoleArn", "executionRoleArn", "containerDefinitions",
        "volumes", "cpu", "memory", "status", "registeredAt", "registeredBy")) {
      if (daemonDefinition.has(field)) {
        out.set(field, daemonDefinition.get(field).deepCopy());
      }
    }
    out.put("networkMode", NETWORK_MODE);
    for (String mode : List.of("pidMode", "ipcMode")) {
      if ("shared".equals(Json.text(daemonDefinition, mode))) {
        out.put(mode, "host");
      }
    }
    out.putArray("requiresAttributes");
    out.putArray("placementConstraints");
    out.putArray("compatibilities").add("MANAGED_INSTANCES");
    return out;
  }
}
