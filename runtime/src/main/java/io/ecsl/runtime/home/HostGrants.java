package io.ecsl.runtime.home;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a user allowed tasks to take from the host when starting the runtime, beyond the safe
 * default: bind mounts under more directories, named sensitive paths ({@code /}, the Docker
 * socket, {@code /etc}, ...), privileged containers, host networking, the host's PID and IPC
 * namespaces, added Linux capabilities and host devices. Each is a start-up flag of
 * {@code ecsl runtime start}; the launcher passes them to the runtime process as the same flags.
 *
 * @param mountRoots {@code --allow-mount DIR}: bind mounts of host paths under these directories
 * @param sensitiveMounts {@code --allow-sensitive-mount PATH}: sensitive host paths (and what is under them)
 */
public record HostGrants(List<Path> mountRoots, List<Path> sensitiveMounts, boolean privileged,
    boolean hostNetwork, boolean hostNamespaces, boolean capabilities, boolean devices) {

  public static final String ALLOW_MOUNT = "--allow-mount";
  public static final String ALLOW_SENSITIVE_MOUNT = "--allow-sensitive-mount";
  public static final String ALLOW_PRIVILEGED = "--allow-privileged";
  public static final String ALLOW_HOST_NETWORK = "--allow-host-network";
  public static final String ALLOW_HOST_NAMESPACES = "--allow-host-namespaces";
  public static final String ALLOW_CAPABILITIES = "--allow-capabilities";
  public static final String ALLOW_DEVICES = "--allow-devices";

  /** Nothing beyond the default. */
  public static final HostGrants NONE = new HostGrants(List.of(), List.of(), false, false, false, false, false);

  public HostGrants {
    mountRoots = List.copyOf(mountRoots.stream().map(p -> p.toAbsolutePath().normalize()).toList());
    sensitiveMounts = List.copyOf(sensitiveMounts.stream().map(p -> p.toAbsolutePath().normalize()).toList());
  }

  /** These grants as the runtime process's command-line flags. */
  public List<String> toArgs() {
    List<String> args = new ArrayList<>();
    mountRoots.forEach(p -> args.addAll(List.of(ALLOW_MOUNT, p.toString())));
    sensitiveMounts.forEach(p -> args.addAll(List.of(ALLOW_SENSITIVE_MOUNT, p.toString())));
    if (privileged) {
      args.add(ALLOW_PRIVILEGED);
    }
    if (hostNetwork) {
      args.add(ALLOW_HOST_NETWORK);
    }
    if (hostNamespaces) {
      args.add(ALLOW_HOST_NAMESPACES);
    }
    if (capabilities) {
      args.add(ALLOW_CAPABILITIES);
    }
    if (devices) {
      args.add(ALLOW_DEVICES);
    }
    return args;
  }

  /** True for a flag that takes no value. */
  public static boolean isSwitch(String flag) {
    return List.of(ALLOW_PRIVILEGED, ALLOW_HOST_NETWORK, ALLOW_HOST_NAMESPACES, ALLOW_CAPABILITIES, ALLOW_DEVICES)
        .contains(flag);
  }

  /** These grants with one more flag (and its value for the two that take a path). */
  public HostGrants with(String flag, String value) {
    List<Path> roots = new ArrayList<>(mountRoots);
    List<Path> sensitive = new ArrayList<>(sensitiveMounts);
    boolean p = privileged;
    boolean n = hostNetwork;
    boolean ns = hostNamespaces;
    boolean c = capabilities;
    boolean d = devices;
    switch (flag) {
      case ALLOW_MOUNT -> roots.add(Path.of(value));
      case ALLOW_SENSITIVE_MOUNT -> sensitive.add(Path.of(value));
      case ALLOW_PRIVILEGED -> p = true;
      case ALLOW_HOST_NETWORK -> n = true;
      case ALLOW_HOST_NAMESPACES -> ns = true;
      case ALLOW_CAPABILITIES -> c = true;
      case ALLOW_DEVICES -> d = true;
      default -> throw new IllegalArgumentException("unknown grant " + flag);
    }
    return new HostGrants(roots, sensitive, p, n, ns, c, d);
  }

  /** The flags in words, for status and messages; "none" for the default. */
  public String describe() {
    List<String> args = toArgs();
    return args.isEmpty() ? "none (the default)" : String.join(" ", args);
  }
}
