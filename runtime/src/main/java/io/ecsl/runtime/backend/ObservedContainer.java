package io.ecsl.runtime.backend;

import java.util.List;
import java.util.Map;

/**
 * A container as the backend reports it: one row of a label-filtered listing. The engine rebuilds
 * its view of every task from these rows and the labels on them.
 */
public record ObservedContainer(
    String id,
    String name,
    Map<String, String> labels,
    State state,
    Integer exitCode,
    Health health,
    List<PublishedPort> ports,
    Map<String, String> ipAddresses,
    String image) {

  /** A container whose image does not matter to the caller. */
  public ObservedContainer(String id, String name, Map<String, String> labels, State state, Integer exitCode,
      Health health, List<PublishedPort> ports, Map<String, String> ipAddresses) {
    this(id, name, labels, state, exitCode, health, ports, ipAddresses, null);
  }

  /** Docker's container states. */
  public enum State { CREATED, RUNNING, PAUSED, RESTARTING, REMOVING, EXITED, DEAD }

  /** Docker's health states; NONE when the container has no health check. */
  public enum Health { NONE, STARTING, HEALTHY, UNHEALTHY }

  public boolean isRunning() {
    return state == State.RUNNING || state == State.PAUSED || state == State.RESTARTING;
  }

  public boolean hasExited() {
    return state == State.EXITED || state == State.DEAD;
  }

  public String label(String key) {
    return labels.get(key);
  }

  /** A container port published on the host. */
  public record PublishedPort(String hostIp, int hostPort, int containerPort, String protocol) {}
}
