package io.ecsl.runtime.server;

import io.ecsl.runtime.backend.BackendException;
import io.ecsl.runtime.backend.Labels;
import io.ecsl.runtime.docker.DockerBackend;
import io.ecsl.runtime.engine.ControlPlane;
import io.ecsl.runtime.home.HostGrants;
import io.ecsl.runtime.home.PrivateFiles;
import io.ecsl.runtime.home.RuntimeHome;
import io.ecsl.runtime.home.RuntimeOptions;
import io.ecsl.runtime.home.RuntimeStartException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The runtime process: {@code java -cp ecsl.jar io.ecsl.runtime.server.RuntimeMain --port N --data-dir D}.
 * {@code LocalRuntime.start} launches it detached. It logs to {@code runtime.log} in the data
 * directory; a failure to start is logged as one {@value RuntimeHome#FATAL} line the launcher shows the user.
 */
public final class RuntimeMain {
  private RuntimeMain() {}

  public static void main(String[] args) throws InterruptedException {
    int port = RuntimeHome.DEFAULT_PORT;
    Path dataDir = RuntimeOptions.defaults().dataDir();
    HostGrants grants = HostGrants.NONE;
    boolean adopt = false;
    for (int i = 0; i < args.length; i++) {
      String flag = args[i];
      if (flag.equals(RuntimeHome.ADOPT)) {
        adopt = true;
        continue;
      }
      if (HostGrants.isSwitch(flag)) {
        grants = grants.with(flag, null);
        continue;
      }
      if (i + 1 >= args.length) {
        fail("missing value after " + flag);
      }
      String value = args[++i];
      switch (flag) {
        case "--port" -> port = Integer.parseInt(value);
        case "--data-dir" -> dataDir = Path.of(value);
        case HostGrants.ALLOW_MOUNT, HostGrants.ALLOW_SENSITIVE_MOUNT -> grants = grants.with(flag, value);
        default -> fail("unknown argument " + flag);
      }
    }
    configureLogging(dataDir);
    DockerBackend docker = DockerBackend.connect()
        .ownedBy(Map.of(Labels.DATA_DIR, dataDir.toAbsolutePath().toString()));
    try {
      docker.ping();
    } catch (BackendException e) {
      fail(e.getMessage());
    }
    RuntimeServer server;
    try {
      server = RuntimeServer.start(dataDir, port, docker, Clock.systemUTC(), ControlPlane.Options.defaults()
          .withGrants(grants).withMetricsPeriod(metricsPeriod(System.getenv(METRICS_PERIOD))), adopt);
    } catch (RuntimeStartException e) {
      fail(e.getMessage());
      return;
    } catch (RuntimeException e) {
      // Never a bare stack trace: the launcher and `ecsl runtime status` show the FATAL line.
      Logger.getLogger(RuntimeMain.class.getName()).log(java.util.logging.Level.SEVERE, "start failed", e);
      fail("the runtime failed to start: " + e + " (details in " + RuntimeHome.logFile(dataDir) + ")");
      return;
    }
    RuntimeServer running = server;
    Runtime.getRuntime().addShutdownHook(new Thread(running::close, "ecsl-shutdown-hook"));
    running.awaitStop();
    docker.close();
    System.exit(0);
  }

  /** The period of service metrics and scaling alarms, in seconds (default 60, as CloudWatch's). */
  static final String METRICS_PERIOD = "ECSL_RUNTIME_METRICS_PERIOD";

  /** {@code 10} or {@code 10s}: seconds, at least 1; unset means a minute. */
  static java.time.Duration metricsPeriod(String value) {
    if (value == null || value.isBlank()) {
      return ControlPlane.Options.DEFAULT_METRICS_PERIOD;
    }
    String seconds = value.trim().endsWith("s") ? value.trim().substring(0, value.trim().length() - 1) : value.trim();
    if (!seconds.matches("\\d{1,5}") || Integer.parseInt(seconds) < 1) {
      fail(METRICS_PERIOD + " must be a number of seconds (1 or more), e.g. 10 or 10s; got `" + value + "`");
    }
    return java.time.Duration.ofSeconds(Integer.parseInt(seconds));
  }

  private static void fail(String message) {
    Logger.getLogger(RuntimeMain.class.getName()).severe(RuntimeHome.FATAL + message);
    System.err.println(RuntimeHome.FATAL + message);
    System.exit(2);
  }

  private static void configureLogging(Path dataDir) {
    try {
      PrivateFiles.directory(dataDir);
      Logger root = Logger.getLogger("");
      for (Handler handler : root.getHandlers()) {
        root.removeHandler(handler);
      }
      PrivateLogHandler file = new PrivateLogHandler(RuntimeHome.logFile(dataDir), 10_000_000);
      file.setFormatter(new OneLineFormatter());
      root.addHandler(file);
      root.setLevel(Level.INFO);
    } catch (IOException e) {
      System.err.println(RuntimeHome.FATAL + "cannot write the runtime log in " + dataDir + ": " + e.getMessage());
      System.exit(2);
    }
  }

  /** {@code 2026-01-01T10:00:00.123Z INFO message}, plus the stack trace when there is one. */
  static final class OneLineFormatter extends Formatter {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_INSTANT.withZone(ZoneOffset.UTC);

    @Override
    public String format(LogRecord record) {
      StringBuilder line = new StringBuilder(TIME.format(Instant.ofEpochMilli(record.getMillis())))
          .append(' ').append(record.getLevel().getName()).append(' ').append(formatMessage(record))
          .append(System.lineSeparator());
      if (record.getThrown() != null) {
        java.io.StringWriter trace = new java.io.StringWriter();
        record.getThrown().printStackTrace(new java.io.PrintWriter(trace));
        line.append(trace);
      }
      return line.toString();
    }
  }
}
