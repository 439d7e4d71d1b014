package io.ecsl.runtime.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.runtime.backend.Labels;
import io.ecsl.runtime.backend.VolumeSpec;
import io.ecsl.runtime.json.Json;
import io.ecsl.runtime.model.TaskEntity;
import io.ecsl.runtime.model.TaskSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How each task-definition volume maps onto Docker (docs/runtime-model.md, "Volumes"):
 *
 * <ul>
 *   <li>{@code host.sourcePath}: a bind mount of that host path;
 *   <li>{@code host} without a path (or a bare named volume): a Docker volume scoped to the task;
 *   <li>{@code dockerVolumeConfiguration}: a Docker volume, task-scoped (named per task, removed
 *       with it) or shared (named as declared, kept; created only if {@code autoprovision});
 *   <li>{@code efsVolumeConfiguration}: a shared local volume per file system id;
 *   <li>anything else (FSx, EBS configured at launch): a task-scoped scratch volume.
 * </ul>
 */
public final class TaskVolumes {
  private TaskVolumes() {}

  /** Where a declared volume comes from on the host. */
  public record Source(String volumeName, boolean bind, String hostPath, boolean taskScoped) {}

  /** A volume the runtime must make exist before the task's containers are created. */
  public record Provision(VolumeSpec spec, boolean mayCreate) {}

  public static Source source(TaskEntity task, TaskSpec.VolumeDefinition volume) {
    JsonNode json = volume.json();
    JsonNode host = json.get("host");
    if (host != null && Json.text(host, "sourcePath") != null && !Json.text(host, "sourcePath").isEmpty()) {
      return new Source(volume.name(), true, Json.text(host, "sourcePath"), false);
    }
    JsonNode docker = json.get("dockerVolumeConfiguration");
    if (docker != null && "shared".equals(Json.text(docker, "scope"))) {
      return new Source(volume.name(), false, null, false);
    }
    JsonNode efs = json.get("efsVolumeConfiguration");
    if (efs != null) {
      return new Source(DockerNames.efsVolume(Json.text(efs, "fileSystemId", "unknown")), false, null, false);
    }
    return new Source(DockerNames.taskVolume(task.taskId, volume.name()), false, null, true);
  }

  /** The volumes to create (or check) for a task, with the runtime's labels on them. */
  public static List<Provision> provisions(TaskEntity task, TaskSpec spec, String instanceId) {
    List<Provision> out = new ArrayList<>();
    for (TaskSpec.VolumeDefinition volume : spec.volumes()) {
      Source source = source(task, volume);
      if (source.bind()) {
        continue;
      }
      JsonNode docker = volume.json().get("dockerVolumeConfiguration");
      Map<String, String> labels = new LinkedHashMap<>(Json.stringMap(docker, "labels"));
      labels.put(Labels.RUNTIME, instanceId);
      labels.put(Labels.SCOPE, source.taskScoped() ? "task" : "shared");
      if (source.taskScoped()) {
        labels.put(Labels.TASK, task.taskId);
      }
      String driver = Json.text(docker, "driver", "local");
      VolumeSpec volumeSpec = new VolumeSpec(source.volumeName(), driver,
          Json.stringMap(docker, "driverOpts"), labels);
      boolean sharedDocker = docker != null && !source.taskScoped();
      boolean mayCreate = !sharedDocker || Json.bool(docker, "autoprovision", false);
      out.add(new Provision(volumeSpec, mayCreate));
    }
    return out;
  }
}
