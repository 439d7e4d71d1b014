package io.ecsl.runtime.hostaccess;

import io.ecsl.runtime.home.HostGrants;
import java.nio.file.Path;
import java.util.List;

/**
 * What tasks may take from the host (docs/runtime-model.md, "Host access"): bind mounts only
 * under the projects applied to this runtime, the runtime's volume area and the directories the
 * user allowed at start-up, never a sensitive path unless named; nothing privileged unless
 * allowed.
 *
 * @param grants the start-up flags
 * @param projectRoots the directories of projects applied to this runtime (apply registers each)
 * @param volumesRoot the runtime's own area for host volumes, {@code <data dir>/volumes}
 * @param sensitive paths never mounted without {@code --allow-sensitive-mount}
 */
public record HostAccessPolicy(HostGrants grants, List<Path> projectRoots, Path volumesRoot,
    List<SensitivePath> sensitive) {

  public HostAccessPolicy {
    projectRoots = List.copyOf(projectRoots);
    sensitive = List.copyOf(sensitive);
  }

  /** Every directory under which a host path may be mounted (before the sensitive-path check). */
  public List<Path> mountRoots() {
    List<Path> roots = new java.util.ArrayList<>(projectRoots);
    roots.add(volumesRoot);
    roots.addAll(grants.mountRoots());
    return roots;
  }
}
