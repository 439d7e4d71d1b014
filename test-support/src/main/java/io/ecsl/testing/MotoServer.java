package io.ecsl.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A {@code moto_server} process on a loopback port of its own: the stand-in for AWS in tests (ECS,
 * EventBridge, Application Auto Scaling, Cloud Map, EC2 for subnets). Start one per test class,
 * and mark the class {@link NeedsMoto}.
 *
 * <p>Two flavours: {@link #start()} is moto as shipped, for judging what ecsl writes for other
 * tools (deploy.sh, the request files) the way a user's moto would; {@link #startRelaxed()} is
 * moto with the gaps between it and ECS filled ({@code moto_relaxed.py} says which and why), for
 * the deploy module's plan and apply, whose convergence checks need moto to keep what ECS keeps.
 */
public final class MotoServer implements AutoCloseable {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

  private final Process process;
  private final int port;
  private final Path log;

  private MotoServer(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /** moto as shipped. */
  public static MotoServer start() throws IOException, InterruptedException {
    int port = FreePorts.forAServerProcess();
    return launch(List.of("moto_server", "-H", "127.0.0.1", "-p", Integer.toString(port)), port);
  }

  /** moto with ECS's behaviour where moto differs (see {@code moto_relaxed.py}), in moto's own Python. */
  public static MotoServer startRelaxed() throws IOException, InterruptedException {
    Path script = Files.createTempFile("moto_relaxed", ".py");
    try (InputStream in = MotoServer.class.getResourceAsStream("moto_relaxed.py")) {
      Files.write(script, in.readAllBytes());
    }
    script.toFile().deleteOnExit();
    int port = FreePorts.forAServerProcess();
    return launch(List.of("python3", script.toString(), Integer.toString(port)), port);
  }

  private static MotoServer launch(List<String> command, int port) throws IOException, InterruptedException {
    Path log = Files.createTempFile("moto-", ".log");
    Process p;
    try {
      p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    } catch (IOException e) {
      throw new IOException("cannot start " + command.get(0) + " (" + e.getMessage() + "): the moto tests need moto_server"
          + " and a python3 with moto, as bash .ci/run checks; ./mvnw test -Pfast leaves them out", e);
    }
    MotoServer server = new MotoServer(p, port, log);
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      if (!p.isAlive()) {
        throw new IOException(String.join(" ", command) + " exited with " + p.exitValue() + ": " + Files.readString(log));
      }
      try {
        HttpURLConnection c = (HttpURLConnection) URI.create(server.endpoint() + "/moto-api/").toURL().openConnection();
        c.setConnectTimeout(200);
        if (c.getResponseCode() > 0) {
          return server;
        }
      } catch (IOException notYet) {
        Thread.sleep(100);
      }
    }
    String output = Files.readString(log); // before close(), which deletes the log
    server.close();
    throw new IOException("moto did not answer on port " + port + " within " + START_TIMEOUT.toSeconds() + "s: "
        + output);
  }

  public String endpoint() {
    return "http://127.0.0.1:" + port;
  }

  public URI uri() {
    return URI.create(endpoint());
  }

  /** Environment for an AWS CLI or SDK process talking to this server (see {@link AwsCli#environment}). */
  public Map<String, String> awsEnvironment() {
    return AwsCli.environment(endpoint());
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
      }
      Files.deleteIfExists(log);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    } catch (IOException e) {
      // a leftover log in the temporary directory is harmless
    }
  }
}
