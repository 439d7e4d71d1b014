package io.ecsl.runtime.hostaccess;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A host path whose mount gives a task the host: the root directory, system directories, the
 * Docker socket, users' credentials, the runtime's own data. Mounting it, or a directory that
 * contains it, needs an explicit {@code --allow-sensitive-mount PATH}; so does anything under it
 * when {@code subtree} (everything under {@code /etc} is sensitive; not everything under {@code /}).
 *
 * @param why what the path is, for the refusal message
 */
public record SensitivePath(Path path, boolean subtree, String why) {

  /**
   * The sensitive paths of this host.
   *
   * @param home the user's home directory
   * @param dataDir the runtime's data directory (its key, store and logs)
   * @param dockerSocket the container engine's socket, when it is a local one (else null)
   */
  public static List<SensitivePath> of(Path home, Path dataDir, Path dockerSocket) {
    List<SensitivePath> out = new ArrayList<>();
    // The runtime's own data and the user's home first: when a path is several things (root's home
    // is /root), the message names the most specific.
    out.add(new SensitivePath(dataDir, true, "the ecsl runtime's own data: its access key, store and logs"));
    // A home directory itself, and where credentials live in it, but not all of it: projects live there.
    for (Path user : home == null || home.equals(Path.of("/root")) ? List.of(Path.of("/root"))
        : List.of(home, Path.of("/root"))) {
      out.add(new SensitivePath(user, false, user.equals(home) ? "your home directory" : "root's home directory"));
      for (String secret : List.of(".ssh", ".aws", ".docker", ".kube", ".gnupg", ".config", ".netrc", ".git-credentials",
          ".ecsl")) {
        out.add(new SensitivePath(user.resolve(secret), true, "where credentials live"));
      }
    }
    out.add(new SensitivePath(Path.of("/home"), false, "every user's home directory"));
    out.add(new SensitivePath(Path.of("/"), false, "the host's root directory"));
    for (String system : List.of("/etc", "/boot", "/dev", "/proc", "/sys", "/usr", "/bin", "/sbin", "/lib",
        "/lib32", "/lib64", "/libx32", "/var/lib/docker", "/var/lib/containerd", "/run/containerd", "/var/run/containerd",
        "/var/run/docker", "/run/docker")) {
      out.add(new SensitivePath(Path.of(system), true, "a system directory of the host"));
    }
    for (String socket : List.of("/var/run/docker.sock", "/run/docker.sock", "/run/podman/podman.sock")) {
      out.add(new SensitivePath(Path.of(socket), true, "the container engine's socket: whoever holds it is root"));
    }
    if (dockerSocket != null) {
      out.add(new SensitivePath(dockerSocket, true, "the container engine's socket: whoever holds it is root"));
    }
    return out;
  }
}
