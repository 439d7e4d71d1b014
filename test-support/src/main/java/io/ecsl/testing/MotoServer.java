package io.ecsl.testing;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * A {@code moto_server} process on a free loopback port: the stand-in for AWS in tests (ECS,
 * EventBridge, Application Auto Scaling, Cloud Map, EC2 for subnets). Start one per test class.
 */
public final class MotoServer implements AutoCloseable {
  private final Process process;
  private final int port;
  private final Path log;

  private MotoServer(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  public static MotoServer start() throws IOException, InterruptedException {
    int port = FreePorts.forAServerProcess();
    Path log = Files.createTempFile("moto-", ".log");
    Process p = new ProcessBuilder("moto_server", "-H", "127.0.0.1", "-p", Integer.toString(port))
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    MotoServer server = new MotoServer(p, port, log);
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (Instant.now().isBefore(deadline)) {
      if (!p.isAlive()) {
        throw new IOException("moto_server exited: " + Files.readString(log));
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
    server.close();
    throw new IOException("moto_server did not answer on port " + port + " within 30s");
  }

  public String endpoint() {
    return "http://127.0.0.1:" + port;
  }

  /** Environment for an AWS CLI or SDK process talking to this server. */
  public Map<String, String> awsEnvironment() {
    return Map.of("AWS_ACCESS_KEY_ID", "test", "AWS_SECRET_ACCESS_KEY", "test", "AWS_DEFAULT_REGION", "us-east-1",
        "AWS_REGION", "us-east-1", "AWS_ENDPOINT_URL", endpoint(), "AWS_PAGER", "");
  }

  /** Forgets everything (moto's reset API), so tests in one class stay independent. */
  public void reset() throws IOException {
    HttpURLConnection c = (HttpURLConnection) URI.create(endpoint() + "/moto-api/reset").toURL().openConnection();
    c.setRequestMethod("POST");
    c.setDoOutput(true);
    c.getOutputStream().close();
    if (c.getResponseCode() != 200) {
      throw new IOException("moto reset failed: HTTP " + c.getResponseCode());
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
