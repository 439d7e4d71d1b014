package io.ecsl.runtime;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ecsl.testing.FreePorts;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** The ports the runtime tests start server processes on (see {@link FreePorts} for why). */
class FreePortsTest {
  @Test
  void aServerPortIsBelowTheEphemeralRangeAndCanBeBound() throws IOException {
    int ephemeralLow = FreePorts.ephemeralLow();
    assertTrue(ephemeralLow >= 21000, "the ephemeral range starts at " + ephemeralLow);
    for (int i = 0; i < 20; i++) {
      int port = FreePorts.forAServerProcess();
      assertTrue(port >= 1024 && port < ephemeralLow, port + " is outside [1024, " + ephemeralLow + ")");
      try (ServerSocket socket = new ServerSocket()) {
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        assertTrue(socket.isBound());
      }
    }
  }
}
