package io.ecsl.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports for servers a test starts in another process (the runtime, moto_server), which must be
 * told a port rather than bind port 0. A port from {@code new ServerSocket(0)} is an ephemeral
 * port: between closing that socket and the process binding it, any outgoing connection of the
 * test JVM (an HTTP client to another runtime, say) can be given the same port, and the server
 * then fails with "address in use". Ports below the kernel's ephemeral range are never handed out
 * to outgoing connections, so only another test picking the same port can collide, and a random
 * pick from thousands makes that unlikely.
 */
public final class FreePorts {
  private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
  private static final int LOWEST = 20000;

  private FreePorts() {}

  /** A loopback port that is free now and outside the ephemeral range. */
  public static int forAServerProcess() {
    int below = ephemeralLow();
    for (int attempt = 0; attempt < 100; attempt++) {
      int port = ThreadLocalRandom.current().nextInt(LOWEST, below);
      try (ServerSocket socket = new ServerSocket()) {
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        return port;
      } catch (IOException inUse) {
        // try another
      }
    }
    throw new IllegalStateException("no free loopback port between " + LOWEST + " and " + below);
  }

  /** The lowest port the kernel hands to outgoing connections. */
  public static int ephemeralLow() {
    try {
      // Read a line: procfs files report size 0, and Files.readString then stops after one byte.
      String range;
      try (var reader = Files.newBufferedReader(EPHEMERAL_RANGE)) {
        range = reader.readLine();
      }
      int low = Integer.parseInt(range.trim().split("\\s+")[0]);
      return low > LOWEST + 1000 ? low : 32768;
    } catch (IOException | RuntimeException e) {
      return 32768; // Linux's default range starts here; elsewhere the range is above it too
    }
  }
}
