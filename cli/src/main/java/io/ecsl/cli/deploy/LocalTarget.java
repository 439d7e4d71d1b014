package io.ecsl.cli.deploy;

import io.ecsl.runtime.client.LocalRuntime;
import io.ecsl.runtime.home.RuntimeOptions;
import io.ecsl.runtime.home.RuntimeStartException;
import java.io.PrintWriter;
import java.net.URI;

/**
 * The endpoint of the local runtime, the default target of plan, apply and destroy. The runtime
 * is started on demand (saying so on stderr), on {@code ECSL_RUNTIME_PORT} (default 4747) with
 * its data in {@code ECSL_RUNTIME_DIR} (default {@code ~/.ecsl/runtime}).
 */
final class LocalTarget {
  private LocalTarget() {}

  static URI endpoint(PrintWriter err) {
    try {
      return LocalRuntime.ensureRunning(RuntimeOptions.defaults(), message -> {
        err.println(message);
        err.flush();
      });
    } catch (RuntimeStartException | IllegalArgumentException e) {
      throw new TargetException(e.getMessage() + " (or use --target aws)");
    }
  }

  /** The target cannot be used; the message says why and what to do. */
  static final class TargetException extends RuntimeException {
    TargetException(String message) {
      super(message);
    }
  }
}
