package io.ecsl.runtime.hostaccess;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.runtime.home.HostGrants;
import io.ecsl.runtime.json.Json;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Checks a task definition against the host-access policy, as a pure function: every way a task
 * could take the host (a bind mount of a host path, a {@code local} volume driver binding one, a
 * privileged container or one with its confinement lifted, host networking, the host's PID or IPC
 * namespace, added capabilities, host devices) is refused unless the policy allows it, with what
 * to do to allow it.
 */
public final class HostAccessCheck {
  /** Security options that lift a container's confinement as {@code privileged} does. */
  private static final Set<String> UNCONFINED = Set.of("apparmor:unconfined", "apparmor=unconfined", "label:disable",
      "label=disable", "seccomp:unconfined", "seccomp=unconfined", "systempaths=unconfined");

  private HostAccessCheck() {}

  /** One refused setting: what it is, why it is refused and the start-up flag that allows it. */
  public record Refusal(String setting, String reason, String flag) {
    public String message() {
      return setting + " " + reason + "; to allow it, restart the runtime with " + flag
          + " (ecsl runtime stop, then ecsl runtime start " + flag + ")";
    }
  }

  /**
   * The refused settings of {@code taskDefinition} (empty when it may run).
   *
   * @param realPath resolves symbolic links of a host path (its existing part), as the kernel will when mounting
   */
  public static List<Refusal> check(JsonNode taskDefinition, HostAccessPolicy policy, UnaryOperator<Path> realPath) {
    List<Refusal> refusals = new ArrayList<>();
    HostGrants grants = policy.grants();
    for (JsonNode volume : Json.list(taskDefinition, "volumes")) {
      String name = Json.text(volume, "name", "");
      String sourcePath = Json.text(volume.path("host"), "sourcePath");
      if (sourcePath != null && !sourcePath.isEmpty()) {
        checkMount("volume `" + name + "` (host.sourcePath " + sourcePath + ")", sourcePath, policy, realPath,
            refusals);
      }
      JsonNode docker = volume.get("dockerVolumeConfiguration");
      if (docker != null) {
        String bound = localDriverBind(docker);
        if (bound != null) {
          checkMount("volume `" + name + "` (a local-driver volume binding " + bound + ")", bound, policy, realPath,
              refusals);
        }
      }
    }
    String network = Json.text(taskDefinition, "networkMode");
    if ("host".equals(network) && !grants.hostNetwork()) {
      refusals.add(new Refusal("networkMode host", "shares the host's network: its tasks reach every service on this"
          + " machine's loopback and can bind any host port", HostGrants.ALLOW_HOST_NETWORK));
    }
    for (String mode : List.of("pidMode", "ipcMode")) {
      if ("host".equals(Json.text(taskDefinition, mode)) && !grants.hostNamespaces()) {
        refusals.add(new Refusal(mode + " host", "shares the host's " + (mode.equals("pidMode") ? "processes" : "IPC")
            + " namespace", HostGrants.ALLOW_HOST_NAMESPACES));
      }
    }
    for (JsonNode container : Json.list(taskDefinition, "containerDefinitions")) {
      String label = "container `" + Json.text(container, "name", "?") + "`";
      if (Json.bool(container, "privileged", false) && !grants.privileged()) {
        refusals.add(new Refusal(label + " is privileged:", "it would have root access to the host",
            HostGrants.ALLOW_PRIVILEGED));
      }
      for (String option : Json.strings(container, "dockerSecurityOptions")) {
        if (UNCONFINED.contains(option.toLowerCase(Locale.ROOT)) && !grants.privileged()) {
          refusals.add(new Refusal(label + " sets dockerSecurityOptions " + option + ":", "it lifts the container's"
              + " confinement as privileged does", HostGrants.ALLOW_PRIVILEGED));
        }
      }
      JsonNode linux = container.path("linuxParameters");
      List<String> added = Json.strings(linux.path("capabilities"), "add");
      if (!added.isEmpty() && !grants.capabilities()) {
        refusals.add(new Refusal(label + " adds Linux capabilities " + added + ":", "they give the container powers"
            + " over the host kernel", HostGrants.ALLOW_CAPABILITIES));
      }
      List<JsonNode> devices = Json.list(linux, "devices");
      if (!devices.isEmpty() && !grants.devices()) {
        List<String> paths = devices.stream().map(d -> Json.text(d, "hostPath", "?")).toList();
        refusals.add(new Refusal(label + " maps host devices " + paths + ":", "it would read and write the host's"
            + " hardware", HostGrants.ALLOW_DEVICES));
      }
    }
    return refusals;
  }

  private static void checkMount(String setting, String sourcePath, HostAccessPolicy policy,
      UnaryOperator<Path> realPath, List<Refusal> refusals) {
    Path source = Path.of(sourcePath);
    if (!source.isAbsolute()) {
      refusals.add(new Refusal(setting, "is not an absolute host path (ECS requires one, e.g. /srv/data)",
          HostGrants.ALLOW_MOUNT + " DIR"));
      return;
    }
    Path real = realPath.apply(source.normalize());
    for (Path allowed : policy.grants().sensitiveMounts()) {
      if (real.startsWith(realPath.apply(allowed))) {
        return; // the user named this sensitive path (or one above it) at start-up
      }
    }
    Conflict conflict = conflict(real, policy.sensitive(), realPath);
    if (conflict != null && !real.startsWith(realPath.apply(policy.volumesRoot()))) {
      refusals.add(new Refusal(setting, (real.equals(source) ? conflict.describe() : "resolves to " + real + ", which "
          + conflict.describe()) + ", which tasks may not mount", HostGrants.ALLOW_SENSITIVE_MOUNT + " " + real));
      return;
    }
    for (Path root : policy.mountRoots()) {
      if (real.startsWith(realPath.apply(root))) {
        return;
      }
    }
    refusals.add(new Refusal(setting, "is outside the directories tasks may mount (the applied projects "
        + policy.projectRoots() + ", the runtime's volume area " + policy.volumesRoot()
        + (policy.grants().mountRoots().isEmpty() ? "" : ", " + policy.grants().mountRoots()) + ")",
        HostGrants.ALLOW_MOUNT + " " + (real.getParent() == null ? real : real.getParent())));
  }

  /** How a host path meets a sensitive one: it is it, is inside it, or contains it. */
  record Conflict(SensitivePath sensitive, Path path, String relation) {
    String describe() {
      return switch (relation) {
        case "is" -> "is " + sensitive.why();
        case "inside" -> "is inside " + path + " (" + sensitive.why() + ")";
        default -> "contains " + path + " (" + sensitive.why() + ")";
      };
    }
  }

  /**
   * The sensitive path {@code real} conflicts with, preferring the most specific relation (being
   * it, then being inside it, then containing it), or null.
   */
  static Conflict conflict(Path real, List<SensitivePath> sensitive, UnaryOperator<Path> realPath) {
    Conflict inside = null;
    Conflict contains = null;
    for (SensitivePath candidate : sensitive) {
      Path path = realPath.apply(candidate.path());
      if (real.equals(path)) {
        return new Conflict(candidate, path, "is");
      }
      if (inside == null && candidate.subtree() && real.startsWith(path)) {
        inside = new Conflict(candidate, path, "inside");
      }
      if (contains == null && path.startsWith(real)) {
        contains = new Conflict(candidate, path, "contains");
      }
    }
    return inside != null ? inside : contains;
  }

  /** The host path a {@code local}-driver volume binds ({@code type=none, o=bind, device=PATH}), or null. */
  private static String localDriverBind(JsonNode docker) {
    String driver = Json.text(docker, "driver", "local");
    if (!"local".equals(driver)) {
      return null;
    }
    var options = Json.stringMap(docker, "driverOpts");
    String o = options.getOrDefault("o", "");
    boolean bind = List.of(o.split(",")).stream().map(String::trim).anyMatch(x -> x.equals("bind") || x.equals("rbind"));
    String device = options.get("device");
    return bind && device != null ? device : null;
  }
}
