package io.ecsl.rules.taskdef;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.TaskDefinitionRule;
import io.ecsl.rules.TaskDefinitionView;
import java.util.List;
import java.util.Map;

/**
 * W1001: a host volume that mounts the host's root directory or the Docker socket (or a directory
 * holding it) gives the task the container instance: every file on it, or control of every
 * container, which is the same. The warning {@code privileged} gets (W1102), for mounts.
 */
public final class HostTakeoverMount extends TaskDefinitionRule {
  /** The Docker socket where engines put it, and the directories that contain it. */
  private static final Map<String, String> SOCKET_PATHS = Map.of(
      "/var/run/docker.sock", "the Docker socket",
      "/run/docker.sock", "the Docker socket",
      "/var/run", "the directory holding the Docker socket",
      "/run", "the directory holding the Docker socket",
      "/var", "a directory holding the Docker socket");

  public HostTakeoverMount() {
    super("W1001", "Host volumes do not mount the host's root directory or the Docker socket",
        "ecsl judgement (security)");
  }

  @Override
  protected void check(RuleContext ctx, TaskDefinitionView task) {
    List<JsonNode> volumes = Nodes.list(task.body(), "volumes");
    for (int i = 0; i < volumes.size(); i++) {
      JsonNode volume = volumes.get(i);
      String name = Nodes.text(volume, "name");
      String source = Nodes.text(Nodes.object(volume, "host"), "sourcePath");
      if (source == null) {
        continue;
      }
      String path = normalize(source);
      String at = "/volumes/" + i + "/host/sourcePath";
      if (path.equals("/")) {
        task.report(ctx, at, "volume `" + name + "` mounts the host's root directory (/): the task's containers can"
            + " read and write every file on the container instance", "mount only the directory the task needs,"
            + " e.g. `host = \"/srv/data\"`");
      } else if (SOCKET_PATHS.containsKey(path)) {
        task.report(ctx, at, "volume `" + name + "` mounts " + SOCKET_PATHS.get(path) + " (" + path + "): whoever"
            + " holds it controls every container on the container instance, and so the instance itself",
            "remove the volume; if the task must drive Docker, give it its own engine (Docker-in-Docker) instead"
                + " of the host's");
      }
    }
  }

  /** {@code //var/run/./docker.sock/} and {@code /var/run/docker.sock} are the same path. */
  private static String normalize(String path) {
    String normalized = path.replaceAll("/+", "/").replaceAll("/\\./", "/").replaceAll("/\\.$", "/");
    return normalized.length() > 1 && normalized.endsWith("/") ? normalized.substring(0, normalized.length() - 1)
        : normalized;
  }
}
