package io.ecsl.runtime.home;

import java.nio.file.Path;

/**
 * What the runtime process and its clients agree on without depending on each other: the layout
 * of a data directory, the default port, the process's main class and how it reports a failed
 * start. The server ({@code io.ecsl.runtime.server}) writes these files; the client face
 * ({@code io.ecsl.runtime.client}) reads them.
 */
public final class RuntimeHome {
  public static final int DEFAULT_PORT = 4747;
  /** The runtime process's main class; a test pins it to the server's real class. */
  public static final String MAIN_CLASS = "io.ecsl.runtime.server.RuntimeMain";
  /** Prefix of the log line that explains why the runtime could not start. */
  public static final String FATAL = "FATAL: ";
  /** The runtime process's flag that adopts a previous instance's containers over a lost state. */
  public static final String ADOPT = "--adopt";
  /** In the log line of a successful start ("ecsl runtime ID listening on URL ..."). */
  public static final String STARTED_MARK = " listening on ";
  /** The log line of a clean stop. */
  public static final String STOPPED_MARK = "ecsl runtime stopped";

  /** Endpoint, pid and instance id, while the runtime runs. */
  static final String STATE_FILE = "runtime.json";
  /** Held exclusively by the running runtime, so two never share a data directory. */
  static final String LOCK_FILE = "runtime.lock";
  /** The instance id in plain text, so cleanup can find the runtime's Docker objects without opening the store. */
  static final String INSTANCE_FILE = "instance-id";
  static final String LOG_FILE = "runtime.log";
  /** The runtime's access key ({@link RuntimeCredentials}), 0600. */
  static final String CREDENTIALS_FILE = "credentials";

  private RuntimeHome() {}

  public static Path stateFile(Path dataDir) {
    return dataDir.resolve(STATE_FILE);
  }

  public static Path lockFile(Path dataDir) {
    return dataDir.resolve(LOCK_FILE);
  }

  public static Path instanceFile(Path dataDir) {
    return dataDir.resolve(INSTANCE_FILE);
  }

  public static Path credentialsFile(Path dataDir) {
    return dataDir.resolve(CREDENTIALS_FILE);
  }

  /** The runtime's own log file in {@code dataDir}. */
  public static Path logFile(Path dataDir) {
    return dataDir.resolve(LOG_FILE);
  }

  /** The ecsl version baked into the jar, or "development build". */
  public static String currentVersion() {
    String version = RuntimeHome.class.getPackage().getImplementationVersion();
    return version == null ? "development build" : version;
  }
}
