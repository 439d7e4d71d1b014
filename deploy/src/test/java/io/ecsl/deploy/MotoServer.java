package io.ecsl.deploy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;

/**
 * A real moto_server for one test class (ECS, EventBridge, Application Auto Scaling and Cloud Map
 * on one port), started from {@code deploy/src/test/resources/moto/moto_relaxed.py} (moto with
 * the gaps documented there filled) and stopped by {@link #close()}.
 */
public final class MotoServer implements AutoCloseable {
  private final Process process;
  private final int port;

  private MotoServer(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  public static MotoServer start() throws IOException, InterruptedException {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Path script = Path.of(System.getProperty("ecsl.repo.root", "..")).resolve("deploy/src/test/resources/moto/moto_relaxed.py");
    ProcessBuilder pb = new ProcessBuilder("python3", script.toString(), Integer.toString(port));
    pb.redirectErrorStream(true);
    pb.redirectOutput(ProcessBuilder.Redirect.appendTo(Path.of(System.getProperty("java.io.tmpdir"), "ecsl-moto-" + port + ".log").toFile()));
    Process p = pb.start();
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (System.nanoTime() < deadline) {
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return new MotoServer(p, port);
      } catch (IOException e) {
        if (!p.isAlive()) {
          throw new IOException("moto_server exited with " + p.exitValue() + "; is moto installed for python3?");
        }
        Thread.sleep(100);
      }
    }
    p.destroyForcibly();
    throw new IOException("moto_server did not answer on port " + port);
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + port);
  }

  public String url() {
    return endpoint().toString();
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
