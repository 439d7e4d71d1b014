package io.ecsl.cli.deploy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** A real moto_server for one test class, started from deploy/src/test/resources/moto/moto_relaxed.py. */
final class Moto implements AutoCloseable {
  final Process process;
  final String url;

  private Moto(Process process, String url) {
    this.process = process;
    this.url = url;
  }

  static Moto start() throws IOException, InterruptedException {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Path script = Repo.root().resolve("deploy/src/test/resources/moto/moto_relaxed.py");
    ProcessBuilder pb = new ProcessBuilder("python3", script.toString(), Integer.toString(port));
    pb.redirectErrorStream(true);
    pb.redirectOutput(ProcessBuilder.Redirect.appendTo(Path.of(System.getProperty("java.io.tmpdir"), "ecsl-moto-" + port + ".log").toFile()));
    Process p = pb.start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return new Moto(p, "http://127.0.0.1:" + port);
      } catch (IOException e) {
        if (!p.isAlive()) {
          throw new IOException("moto_server exited with " + p.exitValue());
        }
        Thread.sleep(100);
      }
    }
    p.destroyForcibly();
    throw new IOException("moto_server did not answer");
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(5, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }

  /** Repository paths for tests. */
  static final class Repo {
    static Path root() {
      return Path.of(System.getProperty("ecsl.repo.root", "..")).toAbsolutePath().normalize();
    }
  }
}
