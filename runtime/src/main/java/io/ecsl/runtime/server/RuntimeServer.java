package io.ecsl.runtime.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.runtime.api.AwsJsonDispatcher;
import io.ecsl.runtime.api.HttpApiServer;
import io.ecsl.runtime.api.elb.ElbApi;
import io.ecsl.runtime.api.query.QueryDispatcher;
import io.ecsl.runtime.api.DeploymentEventEndpoints;
import io.ecsl.runtime.api.LoadBalancerEndpoints;
import io.ecsl.runtime.discovery.NameServer;
import io.ecsl.runtime.discovery.ServiceDiscovery;
import io.ecsl.runtime.loadbalancing.LoadBalancing;
import io.ecsl.runtime.api.InternalEndpoints;
import io.ecsl.runtime.api.RequestLimits;
import io.ecsl.runtime.api.auth.Authenticator;
import io.ecsl.runtime.api.autoscaling.AutoScalingApi;
import io.ecsl.runtime.api.cloudmap.CloudMapApi;
import io.ecsl.runtime.api.cloudwatch.CloudWatchApi;
import io.ecsl.runtime.api.ecs.EcsApi;
import io.ecsl.runtime.api.events.EventsApi;
import io.ecsl.runtime.api.scheduler.SchedulerApi;
import io.ecsl.runtime.backend.ContainerBackend;
import io.ecsl.runtime.backend.BackendException;
import io.ecsl.runtime.engine.ControlPlane;
import io.ecsl.runtime.engine.StateRecovery;
import io.ecsl.runtime.home.PrivateFiles;
import io.ecsl.runtime.home.RuntimeCredentials;
import io.ecsl.runtime.home.RuntimeHome;
import io.ecsl.runtime.home.RuntimeStartException;
import io.ecsl.runtime.json.Json;
import io.ecsl.runtime.metadata.MetadataServer;
import io.ecsl.runtime.store.Store;
import io.ecsl.runtime.store.StoreException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Logger;

/**
 * One running control plane: store, engine and HTTP endpoint for a data directory. The runtime
 * process ({@link RuntimeMain}) runs one; tests run them in-process, on the Docker or the
 * in-memory backend.
 *
 * <p>Holds an exclusive lock on {@code runtime.lock} so two runtimes never share a data directory,
 * and publishes {@code runtime.json} (endpoint, pid, instance id) for the client ({@code LocalRuntime.status}).
 */
public final class RuntimeServer implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(RuntimeServer.class.getName());

  private final Path dataDir;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private final Store store;
  private final ControlPlane plane;
  private final HttpApiServer http;
  private final MetadataServer metadata;
  private final URI endpoint;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private volatile boolean closed;

  private RuntimeServer(Path dataDir, FileChannel lockChannel, FileLock lock, Store store, ControlPlane plane,
      HttpApiServer http, MetadataServer metadata, URI endpoint) {
    this.dataDir = dataDir;
    this.lockChannel = lockChannel;
    this.lock = lock;
    this.store = store;
    this.plane = plane;
    this.http = http;
    this.metadata = metadata;
    this.endpoint = endpoint;
  }

  /**
   * Starts a control plane for {@code dataDir} on 127.0.0.1:{@code port} (0 picks a free port).
   *
   * @throws RuntimeStartException with a one-line reason (data dir in use, port in use, store unreadable)
   */
  public static RuntimeServer start(Path dataDir, int port, ContainerBackend backend, Clock clock,
      ControlPlane.Options options) {
    return start(dataDir, port, backend, clock, options, false);
  }

  /**
   * Like {@link #start(Path, int, ContainerBackend, Clock, ControlPlane.Options)}; with {@code adopt},
   * a state that is missing or empty while containers of the previous instance still run is rebuilt
   * from them ({@code ecsl runtime start --adopt}) instead of refused.
   */
  public static RuntimeServer start(Path dataDir, int port, ContainerBackend backend, Clock clock,
      ControlPlane.Options options, boolean adopt) {
    FileChannel channel = null;
    Store store = null;
    ControlPlane plane = null;
    try {
      PrivateFiles.directory(dataDir);
      channel = FileChannel.open(PrivateFiles.file(RuntimeHome.lockFile(dataDir)), StandardOpenOption.WRITE);
      FileLock lock = tryLock(channel);
      if (lock == null) {
        throw new RuntimeStartException("another ecsl runtime is already using " + dataDir
            + "; stop it (ecsl runtime stop) or use another --data-dir");
      }
      RuntimeCredentials credentials = RuntimeCredentials.loadOrCreate(dataDir);
      Path stateFile = dataDir.resolve(Store.FILE_NAME);
      boolean stateExisted = Files.isRegularFile(stateFile) && Files.size(stateFile) > 0;
      String recordedInstance = recordedInstance(dataDir);
      store = Store.open(dataDir);
      StateRecovery.Orphans orphans = orphans(backend, dataDir, recordedInstance, store);
      if (!orphans.isEmpty()) {
        if (!adopt) {
          String refusal = StateRecovery.refusal(dataDir, orphans);
          store.close();
          store = null;
          if (!stateExisted) {
            // Leave the directory as it was found, so the next start sees the same missing state.
            for (String suffix : List.of("", "-wal", "-shm")) {
              Files.deleteIfExists(dataDir.resolve(Store.FILE_NAME + suffix));
            }
          }
          throw new RuntimeStartException(refusal);
        }
        StateRecovery.adopt(store, orphans, clock.instant());
      }
      plane = new ControlPlane(store, backend, clock, options);
      plane.hostAccess().createVolumesRoot();
      RuntimeServer[] self = new RuntimeServer[1];
      ObjectNode identity = Json.object();
      InternalEndpoints internal = new InternalEndpoints(plane, identity, () -> self[0].close());
      EcsApi ecs = new EcsApi(plane);
      LoadBalancing loadBalancing = new LoadBalancing(plane);
      RuntimeStages.install(plane, ecs, internal, loadBalancing.traffic());
      plane.addStage(loadBalancing);
      new LoadBalancerEndpoints(plane.state(), loadBalancing).addTo(internal);
      plane.addStage(new ServiceDiscovery(plane, new NameServer(NameServer.DNS_PORT,
          NameServer.hostResolver(Path.of("/etc/resolv.conf")))));
      new DeploymentEventEndpoints(plane.state()).addTo(internal);
      HttpApiServer http;
      try {
        // Signatures are checked against the wall clock, whatever clock the engine runs on (tests move theirs).
        AutoScalingApi autoScaling = new AutoScalingApi(plane);
        ElbApi elb = new ElbApi(plane, loadBalancing);
        ecs.enableExpress(elb, autoScaling, loadBalancing);
        http = HttpApiServer.start(port, new AwsJsonDispatcher(List.of(ecs, new EventsApi(plane),
            autoScaling, new CloudMapApi(plane), new CloudWatchApi(plane))),
            new QueryDispatcher(List.of(elb)), new SchedulerApi(plane), internal,
            new Authenticator(credentials, Clock.systemUTC()), new RequestLimits());
      } catch (BindException e) {
        throw new RuntimeStartException("port " + port + " on 127.0.0.1 is already in use; stop whatever uses it or"
            + " choose another port (--port or ECSL_RUNTIME_PORT)");
      }
      // Before the loop starts: containers are created with the metadata listener's port.
      MetadataServer metadata;
      try {
        metadata = MetadataServer.start(plane, dataDir);
      } catch (IOException e) {
        http.close();
        throw e;
      }
      URI endpoint = URI.create("http://127.0.0.1:" + http.port());
      identity.put("endpoint", endpoint.toString());
      identity.put("port", http.port());
      identity.put("metadataPort", metadata.port());
      identity.put("pid", ProcessHandle.current().pid());
      identity.put("dataDir", dataDir.toAbsolutePath().toString());
      identity.put("version", RuntimeHome.currentVersion());
      identity.set("startedAt", Json.timestamp(clock.instant()));
      identity.put("instanceId", store.instanceId());
      self[0] = new RuntimeServer(dataDir, channel, lock, store, plane, http, metadata, endpoint);
      PrivateFiles.write(RuntimeHome.instanceFile(dataDir), store.instanceId() + "\n");
      PrivateFiles.write(RuntimeHome.stateFile(dataDir), Json.write(identity));
      plane.start();
      LOG.info("ecsl runtime " + store.instanceId() + RuntimeHome.STARTED_MARK + endpoint + " (data " + dataDir
          + ", container engine " + backend.endpoint() + ")");
      return self[0];
    } catch (IOException e) {
      closeQuietly(plane, store, channel);
      throw new RuntimeStartException("cannot start the runtime in " + dataDir + ": " + e.getMessage());
    } catch (StoreException e) {
      closeQuietly(plane, store, channel);
      throw new RuntimeStartException(e.getMessage() + ". If " + Store.FILE_NAME + " is damaged, move it aside"
          + " (mv " + dataDir.resolve(Store.FILE_NAME) + " " + dataDir.resolve(Store.FILE_NAME + ".damaged")
          + ") and start again: tasks still running are then adopted with ecsl runtime start --adopt");
    } catch (RuntimeException e) {
      closeQuietly(plane, store, channel);
      throw e;
    }
  }

  /** The instance id the data directory recorded at its last start, or null. */
  private static String recordedInstance(Path dataDir) {
    try {
      Path file = RuntimeHome.instanceFile(dataDir);
      return Files.isRegularFile(file) ? Files.readString(file).trim() : null;
    } catch (IOException e) {
      return null;
    }
  }

  private static StateRecovery.Orphans orphans(ContainerBackend backend, Path dataDir, String recordedInstance,
      Store store) {
    try {
      return StateRecovery.find(backend, dataDir, recordedInstance, store);
    } catch (BackendException e) {
      LOG.warning("cannot look for containers of a previous instance (" + e.getMessage() + "); starting anyway");
      return new StateRecovery.Orphans(null, List.of());
    }
  }

  private static FileLock tryLock(FileChannel channel) throws IOException {
    try {
      return channel.tryLock();
    } catch (OverlappingFileLockException e) {
      return null;
    }
  }

  private static void closeQuietly(ControlPlane plane, Store store, FileChannel channel) {
    if (plane != null) {
      plane.close();
    }
    if (store != null) {
      store.close();
    }
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException ignored) {
        // already failing
      }
    }
  }

  public URI endpoint() {
    return endpoint;
  }

  public ControlPlane controlPlane() {
    return plane;
  }

  public Path dataDir() {
    return dataDir;
  }

  /** Blocks until {@link #close()} (or the shutdown endpoint) stops the server. */
  public void awaitStop() throws InterruptedException {
    stopped.await();
  }

  /** Stops serving; containers keep running and are adopted by the next start. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    http.close();
    metadata.close();
    plane.close();
    store.close();
    try {
      Files.deleteIfExists(RuntimeHome.stateFile(dataDir));
      lock.release();
      lockChannel.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      LOG.info(RuntimeHome.STOPPED_MARK);
      stopped.countDown();
    }
  }
}
