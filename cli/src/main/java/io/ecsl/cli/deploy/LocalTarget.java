package io.ecsl.cli.deploy;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;

/**
 * The endpoint of the local runtime for {@code --target local}.
 *
 * <p>Integration point: once {@code io.ecsl.runtime.LocalRuntime} is part of the build, this
 * becomes {@code LocalRuntime.ensureRunning(RuntimeOptions.defaults(), err::println)} (start on
 * demand, saying so). Until then it expects a runtime already listening on 127.0.0.1 at
 * {@code ECSL_RUNTIME_PORT} (default 4747) and says clearly when nothing answers.
 */
final class LocalTarget {
  static final int DEFAULT_PORT = 4747;

  private LocalTarget() {}

  static URI endpoint(PrintWriter err) {
    int port = DEFAULT_PORT;
    String env = System.getenv("ECSL_RUNTIME_PORT");
    if (env != null && !env.isBlank()) {
      try {
        port = Integer.parseInt(env.trim());
      } catch (NumberFormatException e) {
        throw new TargetException("ECSL_RUNTIME_PORT must be a port number, not `" + env + "`");
      }
    }
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
    } catch (IOException e) {
      throw new TargetException("nothing answers at http://127.0.0.1:" + port + " (the local ecsl runtime): start it,"
          + " set ECSL_RUNTIME_PORT to the port it listens on, or use --target aws");
    }
    return URI.create("http://127.0.0.1:" + port);
  }

  /** The target cannot be used; the message says why and what to do. */
  static final class TargetException extends RuntimeException {
    TargetException(String message) {
      super(message);
    }
  }
}
