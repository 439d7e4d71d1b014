package io.ecsl.runtime.hostaccess;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.runtime.home.HostGrants;
import io.ecsl.runtime.json.Json;
import io.ecsl.runtime.model.TaskSpec;
import io.ecsl.runtime.store.Store;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The runtime's host-access policy as it runs: the start-up grants, the project directories apply
 * registered (kept in the store, so a restarted runtime keeps running what it ran) and this
 * host's sensitive paths. {@link #check} is what RegisterTaskDefinition, RunTask, CreateService
 * and UpdateService ask before they accept a task definition, and what the engine asks again
 * before it creates a container (the grants may be narrower after a restart).
 */
public final class HostAccess {
  /** The store's metadata key of the registered project directories (a JSON array). */
  static final String PROJECT_ROOTS = "host-access.project-roots";
  /** Under the data directory: where tasks may keep host volumes without any flag. */
  public static final String VOLUMES_DIR = "volumes";

  private final HostGrants grants;
  private final Path volumesRoot;
  private final List<SensitivePath> sensitive;
  private final Store store;

  public HostAccess(HostGrants grants, Path dataDir, Path dockerSocket, Store store) {
    this.grants = grants;
    Path data = RealPaths.resolve(dataDir);
    this.volumesRoot = data.resolve(VOLUMES_DIR);
    this.sensitive = SensitivePath.of(Path.of(System.getProperty("user.home")), data, dockerSocket);
    this.store = store;
  }

  public HostGrants grants() {
    return grants;
  }

  public Path volumesRoot() {
    return volumesRoot;
  }

  /** Creates the volume area ({@code <data dir>/volumes}) if missing. */
  public void createVolumesRoot() {
    try {
      Files.createDirectories(volumesRoot);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + volumesRoot + ": " + e.getMessage(), e);
    }
  }

  public HostAccessPolicy policy() {
    return new HostAccessPolicy(grants, projectRoots(), volumesRoot, sensitive);
  }

  /** Why {@code taskDefinition} (a TaskDefinition or RegisterTaskDefinition document) may not run here. */
  public List<HostAccessCheck.Refusal> check(JsonNode taskDefinition) {
    return HostAccessCheck.check(taskDefinition, policy(), RealPaths::resolve);
  }

  /** The same check on a task's effective specification (overrides applied). */
  public List<HostAccessCheck.Refusal> check(TaskSpec spec) {
    ObjectNode definition = Json.object();
    Json.putIfPresent(definition, "networkMode", spec.networkMode());
    Json.putIfPresent(definition, "pidMode", spec.pidMode());
    Json.putIfPresent(definition, "ipcMode", spec.ipcMode());
    ArrayNode volumes = definition.putArray("volumes");
    spec.volumes().forEach(v -> volumes.add(v.json()));
    ArrayNode containers = definition.putArray("containerDefinitions");
    spec.containers().forEach(c -> containers.add(c.json()));
    return check(definition);
  }

  /** The refusals as one sentence for an error message. */
  public static String describe(List<HostAccessCheck.Refusal> refusals) {
    StringBuilder out = new StringBuilder("The ecsl runtime does not let tasks take over this machine: ");
    for (int i = 0; i < refusals.size(); i++) {
      out.append(i == 0 ? "" : "; ").append(refusals.get(i).message());
    }
    return out.append('.').toString();
  }

  /**
   * The project directories registered so far.
   *
   * <p>No lock of its own: the store's is the only one taken here. Callers reach this both from
   * inside a store transaction (RunTask checks a task definition under the state lock) and from
   * the engine's action threads, which hold nothing; a monitor on this object taken before the
   * store's deadlocked the two (an action thread held it waiting for the store while a RunTask
   * held the store waiting for it).
   */
  public List<Path> projectRoots() {
    List<Path> roots = new ArrayList<>();
    store.meta(PROJECT_ROOTS).ifPresent(text -> Json.parse(text).forEach(p -> roots.add(Path.of(p.asText()))));
    return roots;
  }

  /**
   * Lets tasks mount host paths under {@code root}, the directory of a project being applied.
   *
   * @throws IllegalArgumentException when it is not an existing absolute directory, or is itself
   *     sensitive (a home directory, {@code /}, ...): its files are then not mountable by default
   */
  public Path allowProjectRoot(Path root) {
    if (!root.isAbsolute()) {
      throw new IllegalArgumentException("a project directory must be an absolute path; got " + root);
    }
    Path real = RealPaths.resolve(root);
    if (!Files.isDirectory(real)) {
      throw new IllegalArgumentException(root + " is not a directory");
    }
    HostAccessCheck.Conflict conflict = HostAccessCheck.conflict(real, sensitive, RealPaths::resolve);
    if (conflict != null) {
      throw new IllegalArgumentException("tasks may not mount host paths under " + real + " by default: it "
          + conflict.describe() + "; apply a project from its own directory, or allow a directory explicitly with"
          + " ecsl runtime start " + HostGrants.ALLOW_MOUNT + " DIR");
    }
    // Read, add and write in one transaction: two applies registering at once must not lose one.
    store.transaction(() -> {
      List<Path> roots = projectRoots();
      if (!roots.contains(real)) {
        roots.add(real);
        ArrayNode array = Json.array();
        roots.forEach(p -> array.add(p.toString()));
        store.setMeta(PROJECT_ROOTS, Json.write(array));
      }
    });
    return real;
  }
}
