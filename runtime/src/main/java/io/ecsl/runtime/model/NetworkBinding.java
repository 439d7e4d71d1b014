package io.ecsl.runtime.model;

/** Where a container port is reachable from the host ({@code NetworkBinding} in the ECS model). */
public record NetworkBinding(String bindIP, int containerPort, int hostPort, String protocol) {

  /** The {@code docker ps} style rendering, e.g. {@code 127.0.0.1:49153->8080/tcp}. */
  public String display() {
    return bindIP + ":" + hostPort + "->" + containerPort + "/" + protocol;
  }
}
