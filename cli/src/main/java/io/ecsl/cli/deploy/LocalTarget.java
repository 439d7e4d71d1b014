package io.ecsl.cli.deploy;

import io.ecsl.runtime.client.LocalRuntime;
import io.ecsl.runtime.home.RuntimeCredentials;
import io.ecsl.runtime.home.RuntimeOptions;
import io.ecsl.runtime.home.RuntimeStartException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The local runtime, the default target of plan, apply and destroy: where it listens and the key
 * every request to it is signed with. The runtime is started on demand (saying so on stderr), on
 * {@code ECSL_RUNTIME_PORT} (default 4747) with its data in {@code --runtime-dir},
 * {@code ECSL_RUNTIME_DIR} or {@code ~/.ecsl/runtime}.
 */
final class LocalTarget {
  private LocalTarget() {}

  /** A local runtime to talk to. */
  record Local(URI endpoint, RuntimeCredentials credentials, Path dataDir) {}

  /**
   * The runtime of {@code runtimeDir} (default: the environment's), started if needed; or, with an
   * explicit {@code endpoint}, that endpoint signed with the key of {@code runtimeDir}, else the
   * key in {@code AWS_ACCESS_KEY_ID} / {@code AWS_SECRET_ACCESS_KEY} ({@code ecsl runtime env}).
   */
  static Local connect(Path runtimeDir, URI endpoint, PrintWriter err) {
    RuntimeOptions options;
    try {
      options = RuntimeOptions.defaults();
    } catch (IllegalArgumentException e) {
      throw new TargetException(e.getMessage());
    }
    Path dataDir = runtimeDir != null ? runtimeDir : options.dataDir();
    if (endpoint == null) {
      try {
        URI started = LocalRuntime.ensureRunning(options.withDataDir(dataDir), message -> {
          err.println(message);
          err.flush();
        });
        return new Local(started, LocalRuntime.credentials(dataDir), dataDir);
      } catch (RuntimeStartException | IllegalStateException e) {
        throw new TargetException(e.getMessage() + " (or use --target aws)");
      }
    }
    Optional<RuntimeCredentials> stored = RuntimeCredentials.load(dataDir);
    if (stored.isPresent()) {
      return new Local(endpoint, stored.get(), dataDir);
    }
    Map<String, String> env = System.getenv();
    String keyId = env.get("AWS_ACCESS_KEY_ID");
    String secret = env.get("AWS_SECRET_ACCESS_KEY");
    if (keyId != null && !keyId.isBlank() && secret != null && !secret.isBlank()) {
      return new Local(endpoint, new RuntimeCredentials(keyId.trim(), secret.trim()), null);
    }
    throw new TargetException("no key to sign requests to the local runtime at " + endpoint + ": " + dataDir
        + " has none; name the runtime's data directory with --runtime-dir DIR, or set its key with:"
        + " eval \"$(ecsl runtime env --data-dir DIR)\"");
  }

  /** The target cannot be used; the message says why and what to do. */
  static final class TargetException extends RuntimeException {
    TargetException(String message) {
      super(message);
    }
  }
}
