package io.ecsl.runtime.docker;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The image whose container owns each awsvpc task's network namespace, like the ECS agent's
 * {@code amazon/amazon-ecs-pause}.
 *
 * <p>No registry is reachable, so the runtime builds it on first use by importing a one-file root
 * filesystem: a 9 KB static x86-64 executable built from
 * {@code runtime/src/main/pause/pause-relay.c} with no libc. It needs no shell, handles SIGTERM as
 * PID 1 (exits 0 at once, so stopping a task never waits for a timeout on the pause container),
 * and relays the task's metadata and credentials endpoint (169.254.170.2:80 inside the task's
 * namespace) to the runtime's socket ({@code io.ecsl.runtime.metadata}). The tag carries a content
 * version so a changed binary gets a new image.
 */
final class PauseImage {
  static final String REPOSITORY = "ecsl/pause";
  static final String TAG = "2";
  static final String NAME = REPOSITORY + ":" + TAG;
  static final String ENTRYPOINT = "/pause";
  private static final String RESOURCE = "pause-amd64";

  private PauseImage() {}

  /** The image's root filesystem as a tar stream. */
  static byte[] rootfsTar() {
    String arch = System.getProperty("os.arch");
    if (!arch.equals("amd64") && !arch.equals("x86_64")) {
      throw new UnsupportedOperationException("the ecsl pause binary is built for x86-64 only; awsvpc"
          + " tasks are not supported on " + arch + " yet (use networkMode bridge or host)");
    }
    try (InputStream in = PauseImage.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("pause binary resource missing from the ecsl jar");
      }
      return SingleFileTar.of("pause", in.readAllBytes(), 0755);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
