package io.ecsl.runtime.backend;

import java.util.List;
import java.util.Map;

/**
 * Everything needed to create one container, independent of docker-java. Built by
 * {@code ContainerSpecFactory} from a task definition; translated by the Docker backend.
 */
public record ContainerSpec(
    String name,
    String image,
    Map<String, String> labels,
    Process process,
    Resources resources,
    Network network,
    Storage storage,
    Security security,
    HealthCheck healthCheck) {

  /** What runs and as whom. Null lists mean "the image's default". */
  public record Process(
      List<String> entrypoint,
      List<String> command,
      List<String> env,
      String user,
      String workingDir,
      boolean tty,
      boolean openStdin,
      Boolean init,
      Integer stopTimeoutSeconds) {}

  /**
   * cgroup limits. Null means unlimited / engine default. {@code nanoCpus} is a hard CPU quota
   * (10^9 per CPU), which Fargate tasks get from their size.
   */
  public record Resources(
      Integer cpuShares,
      Long memoryBytes,
      Long memoryReservationBytes,
      Long memorySwapBytes,
      Long swappiness,
      Long shmSizeBytes,
      List<Ulimit> ulimits,
      Long nanoCpus) {

    public Resources(Integer cpuShares, Long memoryBytes, Long memoryReservationBytes, Long memorySwapBytes,
        Long swappiness, Long shmSizeBytes, List<Ulimit> ulimits) {
      this(cpuShares, memoryBytes, memoryReservationBytes, memorySwapBytes, swappiness, shmSizeBytes, ulimits, null);
    }
  }

  /** A ulimit ({@code nofile}, {@code nproc}, ...). */
  public record Ulimit(String name, long soft, long hard) {}

  /**
   * Networking: {@code mode} is a Docker network mode ({@code bridge}, {@code host}, {@code none},
   * {@code container:<id>}) or a network name; {@code aliases} are extra DNS names on that network
   * (a user-defined one only).
   */
  public record Network(
      String mode,
      String hostname,
      List<PortBinding> ports,
      List<String> extraHosts,
      List<String> dns,
      List<String> dnsSearch,
      List<String> links,
      boolean disabled,
      List<String> aliases) {
    public Network(String mode, String hostname, List<PortBinding> ports, List<String> extraHosts, List<String> dns,
        List<String> dnsSearch, List<String> links, boolean disabled) {
      this(mode, hostname, ports, extraHosts, dns, dnsSearch, links, disabled, List.of());
    }
  }

  /** Publish {@code containerPort} on {@code hostIp:hostPort}; hostPort 0 lets the engine choose. */
  public record PortBinding(int containerPort, String protocol, String hostIp, int hostPort) {}

  /** Filesystem: mounts, {@code volumesFrom} (container ids/names, {@code :ro} suffix allowed), tmpfs. */
  public record Storage(
      List<Mount> mounts,
      List<String> volumesFrom,
      Map<String, String> tmpfs,
      boolean readonlyRootfs) {}

  /** A bind mount (source is a host path) or a named volume mount. */
  public record Mount(Type type, String source, String target, boolean readOnly) {
    public enum Type { BIND, VOLUME }
  }

  /** Privilege and kernel settings. */
  public record Security(
      boolean privileged,
      List<String> capAdd,
      List<String> capDrop,
      List<Device> devices,
      List<String> securityOpts,
      Map<String, String> sysctls) {}

  /** A host device exposed to the container. */
  public record Device(String hostPath, String containerPath, String permissions) {}

  /**
   * A health check in Docker's form: {@code test} starts with {@code CMD} or {@code CMD-SHELL},
   * exactly as the ECS {@code healthCheck.command} does.
   */
  public record HealthCheck(
      List<String> test, int intervalSeconds, int timeoutSeconds, int retries, int startPeriodSeconds) {}
}
