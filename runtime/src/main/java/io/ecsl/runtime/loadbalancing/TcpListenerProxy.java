package io.ecsl.runtime.loadbalancing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.function.Supplier;

/**
 * A Network Load Balancer listener: each accepted connection is spliced to one target, chosen
 * per connection (NLB balances flows, not requests). With no target to choose, the connection is
 * closed at once, which is what a client of an NLB without healthy targets sees.
 */
final class TcpListenerProxy implements ListenerProxy {
  private final String listenerArn;
  private final String configuration;
  private final ServerSocket socket;
  private final Supplier<Routing> routing;
  private final Traffic traffic;

  TcpListenerProxy(String listenerArn, String configuration, int port, Supplier<Routing> routing, Traffic traffic)
      throws IOException {
    this.listenerArn = listenerArn;
    this.configuration = configuration;
    this.routing = routing;
    this.traffic = traffic;
    this.socket = new ServerSocket();
    socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 256);
    Thread.ofVirtual().name("ecsl-nlb-accept").start(this::accept);
  }

  private void accept() {
    while (!socket.isClosed()) {
      try {
        Socket client = socket.accept();
        Thread.ofVirtual().name("ecsl-nlb").start(() -> serve(client));
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void serve(Socket client) {
    Routing table = routing.get();
    Routing.ListenerRoute listener = table.listeners().get(listenerArn);
    Routing.GroupRoute group = null;
    if (listener != null && !listener.rules().isEmpty()) {
      var groups = listener.rules().get(listener.rules().size() - 1).actions().path(0).path("ForwardConfig")
          .path("TargetGroups");
      if (!groups.isEmpty()) {
        group = table.groups().get(groups.get(0).path("TargetGroupArn").asText());
      }
    }
    TargetSelector.Candidate target = group == null ? null : TargetSelector.choose(group.targets(),
        group.algorithm(), traffic.next("rr|" + group.arn()), traffic::inFlight);
    if (target == null) {
      closeQuietly(client);
      return;
    }
    traffic.started(group.arn(), target.key());
    try (client; Socket upstream = new Socket()) {
      upstream.connect(new InetSocketAddress(target.host(), target.port()), 10_000);
      Thread back = Thread.ofVirtual().start(() -> pump(upstream, client));
      pump(client, upstream);
      back.join();
    } catch (IOException e) {
      // refused or reset: the client's connection ends, as through an NLB
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      traffic.finished(target.key());
    }
  }

  private static void pump(Socket from, Socket to) {
    try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
      in.transferTo(out);
      to.shutdownOutput();
    } catch (IOException e) {
      closeQuietly(to);
    }
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException ignored) {
      // already closed
    }
  }

  @Override
  public int localPort() {
    return socket.getLocalPort();
  }

  @Override
  public String configuration() {
    return configuration;
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException ignored) {
      // already closed
    }
  }
}
