package io.ecsl.runtime.metadata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.ecsl.runtime.backend.BackendException;
import io.ecsl.runtime.backend.Labels;
import io.ecsl.runtime.backend.ObservedContainer;
import io.ecsl.runtime.engine.ControlPlane;
import io.ecsl.runtime.engine.RuntimeState;
import io.ecsl.runtime.json.Json;
import io.ecsl.runtime.model.ContainerEntity;
import io.ecsl.runtime.model.TaskEntity;
import io.ecsl.runtime.model.TaskSpec;
import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The task metadata and credentials endpoint (docs/runtime-model.md, "Task metadata and
 * credentials"). It listens on the host's loopback only, and on a unix socket in the data
 * directory ({@code tmds/tmds.sock}, 0700 directory) that each awsvpc task's pause container
 * relays 169.254.170.2:80 (or :51679) of the task's own namespace to; every connection from the socket is
 * spliced into the loopback listener. Nothing else reaches it: not another task's namespace, not
 * another machine. Requests are unsigned, as on ECS: the id in the path is what authorises them.
 */
public final class MetadataServer implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(MetadataServer.class.getName());
  /** Where the loopback port is kept, so host-mode containers' variables still point at it after a restart. */
  static final String PORT_FILE = "metadata-port";

  private final HttpServer http;
  private final ServerSocketChannel unix;
  private final Path socketFile;
  private volatile boolean closed;

  private MetadataServer(HttpServer http, ServerSocketChannel unix, Path socketFile) {
    this.http = http;
    this.unix = unix;
    this.socketFile = socketFile;
  }

  /** Starts serving {@code plane}'s tasks; tells its {@link TaskEndpoints} the loopback port. */
  public static MetadataServer start(ControlPlane plane, Path dataDir) throws IOException {
    TaskEndpoints endpoints = plane.taskEndpoints();
    RoleCredentials roles = new RoleCredentials(dataDir, RoleCredentials.hostProfiles());
    MetadataRouter router = new MetadataRouter(new RuntimeLookup(plane, roles), plane.instanceId());
    HttpServer http = bind(dataDir.resolve(PORT_FILE));
    http.setExecutor(Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("ecsl-tmds-", 0).factory()));
    int port = http.getAddress().getPort();
    http.createContext("/", exchange -> {
      try (exchange) {
        serve(exchange, router, port);
      } catch (Throwable t) {
        LOG.log(Level.WARNING, "metadata request " + exchange.getRequestURI() + " failed", t);
      }
    });
    http.start();
    endpoints.loopbackPort(port);
    io.ecsl.runtime.home.PrivateFiles.write(dataDir.resolve(PORT_FILE), port + "\n");
    Path socketFile = endpoints.socketFile();
    ServerSocketChannel unix = null;
    try {
      Files.deleteIfExists(socketFile);
      unix = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
      unix.bind(UnixDomainSocketAddress.of(socketFile));
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      // A data directory path too long for a socket (108 bytes): host-mode tasks still work.
      LOG.warning("cannot listen on " + socketFile + " (" + e.getMessage() + "): awsvpc tasks get no metadata"
          + " endpoint; use a shorter --data-dir");
      if (unix != null) {
        unix.close();
      }
      unix = null;
    }
    MetadataServer server = new MetadataServer(http, unix, socketFile);
    if (unix != null) {
      Thread.ofVirtual().name("ecsl-tmds-relay").start(() -> server.acceptRelays(port));
    }
    LOG.info("task metadata endpoint on 127.0.0.1:" + port + (unix == null ? "" : " and " + socketFile));
    return server;
  }

  /** The previous port when it is free again, else any free port. */
  private static HttpServer bind(Path portFile) throws IOException {
    InetAddress loopback = InetAddress.getLoopbackAddress();
    try {
      if (Files.isRegularFile(portFile)) {
        int previous = Integer.parseInt(Files.readString(portFile).trim());
        return HttpServer.create(new InetSocketAddress(loopback, previous), 64);
      }
    } catch (BindException | NumberFormatException e) {
      // taken by now, or damaged: any port will do (only host-mode tasks started before lose it)
    }
    return HttpServer.create(new InetSocketAddress(loopback, 0), 64);
  }

  public int port() {
    return http.getAddress().getPort();
  }

  private void acceptRelays(int port) {
    while (!closed) {
      try {
        SocketChannel relay = unix.accept();
        Thread.ofVirtual().name("ecsl-tmds-conn").start(() -> splice(relay, port));
      } catch (IOException e) {
        if (!closed) {
          LOG.log(Level.WARNING, "metadata socket accept failed", e);
        }
        return;
      }
    }
  }

  /** Copies a relayed connection to the loopback listener and back until both sides end. */
  private static void splice(SocketChannel relay, int port) {
    try (relay; SocketChannel local = SocketChannel.open(new InetSocketAddress(InetAddress.getLoopbackAddress(), port))) {
      Thread back = Thread.ofVirtual().start(() -> copy(local, relay));
      copy(relay, local);
      back.join();
    } catch (IOException e) {
      LOG.fine("metadata relay connection ended: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void copy(SocketChannel from, SocketChannel to) {
    ByteBuffer buffer = ByteBuffer.allocate(16384);
    try {
      while (from.read(buffer) >= 0) {
        buffer.flip();
        while (buffer.hasRemaining()) {
          to.write(buffer);
        }
        buffer.clear();
      }
      to.shutdownOutput();
    } catch (IOException e) {
      // the other side went away: nothing left to copy
    }
  }

  private static void serve(HttpExchange exchange, MetadataRouter router, int port) throws IOException {
    String host = exchange.getRequestHeaders().getFirst("Host");
    boolean browser = exchange.getRequestHeaders().containsKey("Origin")
        || exchange.getRequestHeaders().keySet().stream().anyMatch(h -> h.toLowerCase(Locale.ROOT).startsWith("sec-fetch-"));
    MetadataRouter.Response response;
    if (browser || !allowedHost(host, port)) {
      // A web page, or a name that rebinds to this address: never theirs to read.
      ObjectNode body = Json.object().put("code", "AccessDenied")
          .put("message", "the task metadata endpoint answers tasks and local tools, not browsers or other host names");
      response = new MetadataRouter.Response(403, body);
    } else {
      response = router.route(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
          exchange.getRequestURI().getRawQuery());
    }
    byte[] bytes = Json.write(response.body()).getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    boolean head = "HEAD".equals(exchange.getRequestMethod());
    exchange.sendResponseHeaders(response.status(), head ? -1 : bytes.length);
    if (!head) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  static boolean allowedHost(String host, int port) {
    if (host == null) {
      return true; // HTTP/1.0 clients send none; the id in the path still decides
    }
    String h = host.toLowerCase(Locale.ROOT);
    return h.equals("169.254.170.2") || h.equals("169.254.170.2:" + TaskEndpoints.AGENT_PORT)
        || h.equals("169.254.170.2:" + TaskEndpoints.ALTERNATE_PORT) || h.equals("127.0.0.1:" + port)
        || h.equals("localhost:" + port) || h.equals("[::1]:" + port);
  }

  @Override
  public void close() {
    closed = true;
    http.stop(0);
    if (unix != null) {
      try {
        unix.close();
        Files.deleteIfExists(socketFile);
      } catch (IOException e) {
        LOG.fine("closing the metadata socket: " + e.getMessage());
      }
    }
  }

  /** Finds tasks by their endpoint ids in the control plane's state; Docker for IPs and statistics. */
  private static final class RuntimeLookup implements MetadataRouter.Lookup {
    private final ControlPlane plane;
    private final EndpointIds ids;
    private final RoleCredentials roles;
    /** endpoint or credentials id → task ARN (and container name after a newline); refilled on a miss. */
    private final Map<String, String> known = new ConcurrentHashMap<>();

    RuntimeLookup(ControlPlane plane, RoleCredentials roles) {
      this.plane = plane;
      this.roles = roles;
      this.ids = plane.taskEndpoints().ids();
    }

    @Override
    public Optional<MetadataRouter.Found> byEndpointId(String endpointId) {
      String key = resolve(endpointId);
      if (key == null || !key.contains("\n")) {
        return Optional.empty();
      }
      String taskArn = key.substring(0, key.indexOf('\n'));
      return view(taskArn).map(view -> new MetadataRouter.Found(view, key.substring(key.indexOf('\n') + 1)));
    }

    @Override
    public Optional<MetadataDocuments.TaskView> byCredentialsId(String credentialsId) {
      String key = resolve(credentialsId);
      return key == null || key.contains("\n") ? Optional.empty() : view(key);
    }

    private String resolve(String id) {
      String key = known.get(id);
      if (key != null) {
        return key;
      }
      RuntimeState state = plane.state();
      List<TaskEntity> tasks;
      synchronized (state) {
        tasks = state.tasks.values();
      }
      for (TaskEntity task : tasks) {
        known.putIfAbsent(ids.credentials(task.taskArn), task.taskArn);
        for (ContainerEntity container : task.containers) {
          known.putIfAbsent(ids.container(task.taskArn, container.name), task.taskArn + "\n" + container.name);
        }
      }
      return known.get(id);
    }

    private Optional<MetadataDocuments.TaskView> view(String taskArn) {
      RuntimeState state = plane.state();
      TaskEntity task;
      JsonNode definition;
      synchronized (state) {
        task = state.tasks.copyOf(taskArn);
        definition = task == null ? null : state.taskDefinitionOf(task.taskDefinitionArn);
      }
      if (task == null || definition == null) {
        return Optional.empty();
      }
      List<ObservedContainer> observed;
      try {
        observed = plane.backend().listContainers(Labels.TASK, task.taskId);
      } catch (BackendException e) {
        observed = List.of();
      }
      return Optional.of(new MetadataDocuments.TaskView(task, TaskSpec.of(definition, task.overrides), observed));
    }

    @Override
    public JsonNode stats(String dockerId) {
      try {
        return plane.backend().statsDocument(dockerId);
      } catch (BackendException e) {
        return null;
      }
    }

    @Override
    public TaskCredentials.Keys keys(String roleArn) {
      return roles.keys(roleArn, now());
    }

    @Override
    public Instant now() {
      return plane.clock().instant();
    }
  }
}
