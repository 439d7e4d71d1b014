package io.ecsl.runtime.discovery;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.random.RandomGenerator;

/**
 * The service-discovery name server (docs/runtime-model.md, "Cloud Map service discovery"): UDP
 * port 53 on each cluster network's gateway address, given to awsvpc tasks as their DNS server.
 * Docker's embedded resolver in the task still answers container names and network aliases
 * (Service Connect) and forwards the rest here; this server answers the Cloud Map DNS namespaces'
 * names from the live {@link DnsZone} and relays every other query to the host's resolver, so
 * tasks resolve public names as before.
 */
public final class NameServer implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(NameServer.class.getName());
  public static final int DNS_PORT = 53;
  private static final int UPSTREAM_TIMEOUT_MS = 3000;

  private final int port;
  private final InetSocketAddress upstream;
  private final Map<String, DatagramSocket> sockets = new ConcurrentHashMap<>();
  private final Map<String, String> failures = new ConcurrentHashMap<>();
  private final RandomGenerator random = new SplittableRandom();
  private volatile DnsZone zone = DnsZone.EMPTY;
  private volatile boolean closed;

  /** @param port 53 for tasks; another for tests that run unprivileged */
  public NameServer(int port, InetSocketAddress upstream) {
    this.port = port;
    this.upstream = upstream;
  }

  /** The host's first resolver from {@code /etc/resolv.conf}, or null when it names none. */
  public static InetSocketAddress hostResolver(Path resolvConf) {
    try {
      for (String line : Files.readAllLines(resolvConf)) {
        String[] words = line.trim().split("\\s+");
        if (words.length >= 2 && words[0].equals("nameserver")) {
          return new InetSocketAddress(InetAddress.getByName(words[1]), DNS_PORT);
        }
      }
    } catch (IOException e) {
      LOG.fine("no host resolver: " + e.getMessage());
    }
    return null;
  }

  public void publish(DnsZone next) {
    zone = next;
  }

  public DnsZone zone() {
    return zone;
  }

  /**
   * Listens on {@code address} (once; later calls answer from memory). Returns the DNS servers a
   * task on that network should use: the address, or none when it cannot be bound (the reason is
   * logged once and shown by {@link #problem}).
   */
  public synchronized List<String> listenOn(String address) {
    if (address == null || closed) {
      return List.of();
    }
    if (sockets.containsKey(address)) {
      return List.of(address);
    }
    if (failures.containsKey(address)) {
      return List.of();
    }
    try {
      DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(address), port));
      sockets.put(address, socket);
      Thread.ofVirtual().name("ecsl-dns-" + address).start(() -> serve(socket));
      LOG.info("service discovery DNS listening on " + address + ":" + port);
      return List.of(address);
    } catch (IOException e) {
      String reason = "cannot listen on " + address + ":" + port + " (" + e.getMessage() + "); Cloud Map names do not"
          + " resolve in tasks on that network. Port 53 needs root or net.ipv4.ip_unprivileged_port_start=53.";
      failures.put(address, reason);
      LOG.warning("service discovery DNS " + reason);
      return List.of();
    }
  }

  /** Why the server could not listen somewhere, or null. */
  public String problem() {
    return failures.values().stream().findFirst().orElse(null);
  }

  /** The port it listens on at {@code address} (for tests), or -1. */
  public int port(String address) {
    DatagramSocket socket = sockets.get(address);
    return socket == null ? -1 : socket.getLocalPort();
  }

  private void serve(DatagramSocket socket) {
    byte[] buffer = new byte[4096];
    while (!closed && !socket.isClosed()) {
      DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
      try {
        socket.receive(packet);
      } catch (IOException e) {
        if (!closed && !socket.isClosed()) {
          LOG.log(Level.FINE, "dns receive failed", e);
        }
        continue;
      }
      byte[] query = java.util.Arrays.copyOf(packet.getData(), packet.getLength());
      InetSocketAddress client = (InetSocketAddress) packet.getSocketAddress();
      Thread.ofVirtual().start(() -> respond(socket, query, client));
    }
  }

  private void respond(DatagramSocket socket, byte[] query, InetSocketAddress client) {
    DnsAnswers.Answer answer = DnsAnswers.answer(query, zone, random);
    byte[] response = answer.response();
    if (answer.forward()) {
      byte[] forwarded = forward(query);
      response = forwarded != null ? forwarded : DnsAnswers.serverFailure(query);
    }
    if (response == null) {
      return;
    }
    try {
      socket.send(new DatagramPacket(response, response.length, client));
    } catch (IOException e) {
      LOG.log(Level.FINE, "dns send failed", e);
    }
  }

  /** The host resolver's answer to a name outside the namespaces, or null when it gave none. */
  private byte[] forward(byte[] query) {
    if (upstream == null) {
      return null;
    }
    try (DatagramSocket relay = new DatagramSocket()) {
      relay.setSoTimeout(UPSTREAM_TIMEOUT_MS);
      relay.send(new DatagramPacket(query, query.length, upstream));
      byte[] buffer = new byte[65535];
      DatagramPacket reply = new DatagramPacket(buffer, buffer.length);
      relay.receive(reply);
      return java.util.Arrays.copyOf(reply.getData(), reply.getLength());
    } catch (SocketTimeoutException e) {
      return null;
    } catch (SocketException e) {
      return null;
    } catch (IOException e) {
      LOG.log(Level.FINE, "dns forward failed", e);
      return null;
    }
  }

  @Override
  public void close() {
    closed = true;
    sockets.values().forEach(DatagramSocket::close);
    sockets.clear();
  }
}
