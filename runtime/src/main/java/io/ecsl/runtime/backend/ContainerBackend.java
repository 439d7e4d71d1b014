package io.ecsl.runtime.backend;

import java.io.Closeable;
import java.util.List;
import java.util.Map;

/**
 * The port between the control plane and whatever runs containers. {@code DockerBackend} is the
 * real one; {@link InMemoryBackend} is a fast fake. Both pass the same contract test suite
 * ({@code ContainerBackendContract}), which is what lets the scheduler and lifecycle tests run on
 * the fake with confidence.
 *
 * <p>Every operation is idempotent where Docker allows it: creating a container whose name exists
 * returns the existing one, signalling a stopped container or removing a missing one does nothing.
 * That is what makes it safe for the engine to retry after a crash. Failures are
 * {@link BackendException}s whose message names the object involved.
 */
public interface ContainerBackend extends AutoCloseable {

  /** Where the containers run, for messages (e.g. {@code unix:///var/run/docker.sock}). */
  String endpoint();

  /** Fails with {@link BackendException.Kind#UNAVAILABLE} if the engine does not answer. */
  void ping();

  /** The local image's id, or null if the image is not present locally. */
  String localImageId(String image);

  /** Pulls {@code image}; fails with {@link BackendException.Kind#IMAGE_PULL} and the engine's reason. */
  String pullImage(String image);

  /** Makes sure the pause image (owner of awsvpc network namespaces) exists; returns its name. */
  String ensurePauseImage();

  /** Creates (not starts) a container; returns its id. An existing container of that name is reused. */
  String createContainer(ContainerSpec spec);

  void startContainer(String containerId);

  /** Sends a signal (e.g. {@code SIGTERM}, {@code SIGKILL}); a container that is not running is left alone. */
  void signal(String containerId, String signal);

  /** Force-removes a container and its anonymous volumes; a missing container is fine. */
  void removeContainer(String containerId);

  /** Every container (any state) carrying the label {@code key=value}. */
  List<ObservedContainer> listContainers(String labelKey, String labelValue);

  /** Creates a bridge network unless one of that name exists. */
  void ensureNetwork(String name, Map<String, String> labels);

  void removeNetwork(String name);

  List<String> listNetworks(String labelKey, String labelValue);

  /** Creates a named volume unless it exists. */
  void createVolume(VolumeSpec spec);

  boolean volumeExists(String name);

  void removeVolume(String name);

  List<String> listVolumes(String labelKey, String labelValue);

  /**
   * Streams a container's output to {@code sink} (returns at the end of the log, or when closed if
   * following). Closing the returned handle stops a follow.
   */
  Closeable streamLogs(String containerId, LogRequest request, LogSink sink);

  /** One reading of a container's CPU and memory use; null when it is not running. */
  ContainerStats stats(String containerId);

  /**
   * The engine's statistics document of a running container, in its own field names ({@code read},
   * {@code cpu_stats}, {@code precpu_stats}, {@code memory_stats}, ...), for the task metadata
   * endpoint's {@code /stats}; null when the container does not run or the backend has none.
   */
  default com.fasterxml.jackson.databind.JsonNode statsDocument(String containerId) {
    return null;
  }

  @Override
  void close();

  /** What to read from a container's log. {@code tail} < 0 means all. */
  record LogRequest(boolean follow, int tail) {}

  /** Receives log output; {@code stderr} tells the stream apart. */
  interface LogSink {
    void write(byte[] bytes, boolean stderr);

    /** Called once when the stream ends (not when it is closed by the caller). */
    default void end() {}
  }
}
