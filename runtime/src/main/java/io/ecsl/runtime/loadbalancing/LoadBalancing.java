package io.ecsl.runtime.loadbalancing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.runtime.api.elb.ElbApi;
import io.ecsl.runtime.api.elb.ListenerAddresses;
import io.ecsl.runtime.engine.ControlPlane;
import io.ecsl.runtime.engine.LoopStage;
import io.ecsl.runtime.engine.RuntimeState;
import io.ecsl.runtime.deployments.TargetGroupRoles;
import io.ecsl.runtime.json.Json;
import io.ecsl.runtime.model.DeploymentEntity;
import io.ecsl.runtime.model.ContainerEntity;
import io.ecsl.runtime.model.NetworkBinding;
import io.ecsl.runtime.model.ServiceEntity;
import io.ecsl.runtime.model.TaskEntity;
import io.ecsl.runtime.model.TaskStatus;
import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The local runtime's load balancers (ecs-runtime-integrations §2.4, §2.7), run after every pass
 * of the control loop:
 *
 * <ol>
 *   <li>service tasks are registered in their service's target groups once their containers run
 *       (ACTIVATING → RUNNING), deregistered when asked to stop, and let go to SIGTERM only when
 *       their targets have drained (DEACTIVATING); each task carries its ELB health for the
 *       scheduler;
 *   <li>draining targets finish when no request is in flight (after at least
 *       {@link #MINIMUM_DRAIN}) or when the deregistration delay elapses;
 *   <li>each listener gets a proxy on 127.0.0.1 (its own port when free, else one the system
 *       gives) and the proxies get a new routing table;
 *   <li>every registered target gets a health checker at its group's interval.
 * </ol>
 */
public final class LoadBalancing implements LoopStage, ListenerAddresses, AutoCloseable {
  private static final Logger LOG = Logger.getLogger(LoadBalancing.class.getName());
  /**
   * EMU: a draining target with no request in flight is done after this long rather than at once,
   * so a proxy thread that picked it from the previous routing table has started its request.
   */
  static final Duration MINIMUM_DRAIN = Duration.ofSeconds(1);
  /** EMU: the one container instance this machine is, for {@code instance} targets of bridge and host tasks. */
  public static final String LOCAL_INSTANCE_ID = "i-0ec51oca10000000";

  private final ControlPlane plane;
  private final RuntimeState state;
  private final Traffic traffic = new Traffic();
  private final HttpClient proxyClient = HttpListenerProxy.newClient();
  private final HealthChecker checker = new HealthChecker(HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build());
  private final Map<String, ListenerProxy> proxies = new ConcurrentHashMap<>();
  private final Map<String, Thread> checkers = new ConcurrentHashMap<>();
  private volatile Routing routing = Routing.EMPTY;
  private volatile boolean closed;

  public LoadBalancing(ControlPlane plane) {
    this.plane = plane;
    this.state = plane.state();
  }

  @Override
  public String name() {
    return "load balancing";
  }

  public Traffic traffic() {
    return traffic;
  }

  @Override
  public Integer localPort(String listenerArn) {
    ListenerProxy proxy = proxies.get(listenerArn);
    return proxy == null ? null : proxy.localPort();
  }

  @Override
  public synchronized void run(Instant now) {
    if (closed) {
      return;
    }
    Snapshot snapshot = state.atomically(() -> {
      registerServiceTasks(now);
      finishDraining(now);
      return snapshot();
    });
    routing = snapshot.routing();
    reconcileProxies(snapshot);
    reconcileCheckers(snapshot);
  }

  // ---- service tasks (under the state lock) ---------------------------------------------------

  private void registerServiceTasks(Instant now) {
    Map<String, ServiceEntity> services = new HashMap<>();
    for (ServiceEntity service : state.services.values()) {
      services.put(service.region + "|" + service.clusterArn + "|" + service.serviceName, service);
    }
    for (TaskEntity stored : state.tasks.values()) {
      if (!stored.loadBalanced || stored.isStopped()) {
        continue;
      }
      TaskEntity task = stored.copy();
      ServiceEntity service = services.get(task.region + "|" + task.clusterArn + "|" + task.serviceName);
      boolean running = TaskStatus.ACTIVATING.equals(task.lastStatus) || TaskStatus.RUNNING.equals(task.lastStatus);
      if (task.isActive() && running && !task.elbRegistered && service != null) {
        register(task, service, now);
      } else if (!task.isActive() && task.elbRegistered && !task.elbDrained) {
        deregister(task, now);
      } else if (!task.isActive() && !task.elbRegistered) {
        task.elbDrained = true; // never registered: nothing to drain
      }
      health(task);
      if (!Json.tree(task).equals(Json.tree(stored))) {
        task.version++;
        state.tasks.put(task.taskArn, task);
      }
    }
  }

  private void register(TaskEntity task, ServiceEntity service, Instant now) {
    List<String> keys = new ArrayList<>();
    List<Runnable> registrations = new ArrayList<>();
    JsonNode loadBalancers = service.loadBalancers == null ? Json.array() : service.loadBalancers;
    DeploymentEntity deployment = service.deployment(task.deploymentId);
    for (int i = 0; i < loadBalancers.size(); i++) {
      JsonNode entry = loadBalancers.get(i);
      // A staged deployment's new revision registers in its alternate group (TargetGroupRoles).
      String tgArn = TargetGroupRoles.of(loadBalancers, deployment == null ? null : deployment.targetGroupArns, i);
      ObjectNode tg = tgArn == null ? null : state.targetGroups.get(tgArn);
      if (tg == null) {
        continue; // a target group the runtime does not hold (an ARN made elsewhere): nothing to register in
      }
      int containerPort = Json.integer(entry, "containerPort", 0);
      Integer hostPort = hostPort(task, Json.text(entry, "containerName"), containerPort);
      if (hostPort == null) {
        return; // the port is not published yet: try again next pass
      }
      boolean ip = "ip".equals(Json.text(tg, "TargetType"));
      String id = ip ? (task.privateIpv4Address != null ? task.privateIpv4Address : "127.0.0.1") : LOCAL_INSTANCE_ID;
      TargetRegistry.Target target = new TargetRegistry.Target(id, ip ? containerPort : hostPort, null);
      keys.add(TargetRegistry.key(tgArn, target));
      registrations.add(() -> TargetRegistry.register(state, tg, target, task.taskArn, "127.0.0.1", hostPort, now));
    }
    registrations.forEach(Runnable::run);
    task.elbTargets = keys;
    task.elbRegistered = true;
  }

  private static Integer hostPort(TaskEntity task, String containerName, int containerPort) {
    ContainerEntity container = task.container(containerName);
    if (container == null) {
      return null;
    }
    for (NetworkBinding binding : container.networkBindings) {
      if (binding.containerPort() == containerPort && binding.hostPort() > 0) {
        return binding.hostPort();
      }
    }
    return null;
  }

  private void deregister(TaskEntity task, Instant now) {
    boolean drained = true;
    for (String key : task.elbTargets) {
      ObjectNode target = state.targets.get(key);
      if (target == null || !task.taskArn.equals(Json.text(target, "_task"))) {
        continue;
      }
      drained = false;
      if (!TargetHealth.DRAINING.equals(Json.text(target, "State"))) {
        ObjectNode tg = state.targetGroups.get(Json.text(target, "TargetGroupArn"));
        if (tg != null) {
          TargetRegistry.deregister(state, tg, new TargetRegistry.Target(Json.text(target, "Id"),
              Json.integer(target, "Port", 0), null), now);
        }
      }
    }
    task.elbDrained = drained;
  }

  /** The task's health across its target groups. */
  private void health(TaskEntity task) {
    if (task.elbTargets.isEmpty()) {
      task.elbHealth = task.elbRegistered ? TaskStatus.HEALTHY : TaskStatus.UNKNOWN;
      task.elbUnhealthyIn = null;
      return;
    }
    boolean allHealthy = true;
    String unhealthyIn = null;
    for (String key : task.elbTargets) {
      ObjectNode target = state.targets.get(key);
      String health = target == null ? null : Json.text(target, "State");
      allHealthy &= TargetHealth.HEALTHY.equals(health);
      if (TargetHealth.UNHEALTHY.equals(health) && unhealthyIn == null) {
        unhealthyIn = Json.text(target, "TargetGroupArn");
      }
    }
    task.elbHealth = unhealthyIn != null ? TaskStatus.UNHEALTHY : allHealthy ? TaskStatus.HEALTHY : TaskStatus.UNKNOWN;
    task.elbUnhealthyIn = unhealthyIn;
  }

  /** Draining targets leave once idle (or at the deregistration delay); decided by {@link #drained}. */
  private void finishDraining(Instant now) {
    for (String key : state.targets.ids()) {
      ObjectNode target = state.targets.get(key);
      if (!TargetHealth.DRAINING.equals(Json.text(target, "State"))) {
        continue;
      }
      ObjectNode tg = state.targetGroups.get(Json.text(target, "TargetGroupArn"));
      int delay = tg == null ? 0 : Integer.parseInt(ElbApi.attribute(tg, "deregistration_delay.timeout_seconds"));
      Instant since = Instant.parse(Json.text(target, "_drainingSince"));
      if (drained(since, Duration.ofSeconds(delay), traffic.inFlight(key), now)) {
        state.targets.remove(key);
      }
    }
  }

  /**
   * EMU (ELB completes a deregistration at once when nothing is in flight, §2.3; ECS waits for
   * it): done when no request is in flight and {@link #MINIMUM_DRAIN} has passed, or when the
   * delay has elapsed, whatever is in flight.
   */
  static boolean drained(Instant since, Duration delay, int inFlight, Instant now) {
    if (!now.isBefore(since.plus(delay))) {
      return true;
    }
    return inFlight == 0 && !now.isBefore(since.plus(delay.compareTo(MINIMUM_DRAIN) < 0 ? delay : MINIMUM_DRAIN));
  }

  // ---- routing (built under the lock, used outside it) ----------------------------------------

  private record Snapshot(Routing routing, Map<String, ObjectNode> targets, Map<String, ObjectNode> groups) {}

  private Snapshot snapshot() {
    Map<String, Routing.ListenerRoute> listeners = new LinkedHashMap<>();
    for (ObjectNode listener : state.listeners.values()) {
      ObjectNode lb = state.loadBalancers.get(Json.text(listener, "LoadBalancerArn"));
      if (lb == null) {
        continue;
      }
      String arn = Json.text(listener, "ListenerArn");
      List<ObjectNode> rules = new ArrayList<>();
      for (ObjectNode rule : state.listenerRules.values()) {
        if (arn.equals(Json.text(rule, "_listenerArn"))) {
          rules.add(rule);
        }
      }
      rules.sort(java.util.Comparator.comparingInt(rule -> Integer.parseInt(Json.text(rule, "Priority"))));
      List<Routing.Rule> routes = new ArrayList<>();
      rules.forEach(rule -> routes.add(new Routing.Rule(Json.text(rule, "RuleArn"), rule.get("Conditions").deepCopy(),
          rule.get("Actions").deepCopy())));
      routes.add(new Routing.Rule(Json.text(listener, "_defaultRuleArn"), Json.array(),
          listener.get("DefaultActions").deepCopy()));
      listeners.put(arn, new Routing.ListenerRoute(arn, Json.text(lb, "LoadBalancerName"), Json.text(lb, "Type"),
          Json.integer(listener, "Port", 0), Json.text(listener, "Protocol"), List.copyOf(routes),
          Integer.parseInt(ElbApi.attribute(lb, "idle_timeout.timeout_seconds"))));
    }
    Map<String, Routing.GroupRoute> groups = new LinkedHashMap<>();
    Map<String, ObjectNode> groupDocs = new LinkedHashMap<>();
    Map<String, ObjectNode> targets = new LinkedHashMap<>();
    for (ObjectNode tg : state.targetGroups.values()) {
      String arn = Json.text(tg, "TargetGroupArn");
      groupDocs.put(arn, tg.deepCopy());
      List<TargetSelector.Candidate> candidates = new ArrayList<>();
      for (ObjectNode target : TargetRegistry.of(state, arn)) {
        String key = arn + "|" + Json.text(target, "Id") + "|" + Json.integer(target, "Port", 0);
        targets.put(key, target.deepCopy());
        candidates.add(new TargetSelector.Candidate(key, Json.text(target, "State"), Json.text(target, "_host"),
            Json.integer(target, "_port", 0)));
      }
      groups.put(arn, new Routing.GroupRoute(arn, ElbApi.attribute(tg, "load_balancing.algorithm.type"),
          List.copyOf(candidates)));
    }
    return new Snapshot(new Routing(Map.copyOf(listeners), Map.copyOf(groups)), targets, groupDocs);
  }

  private void reconcileProxies(Snapshot snapshot) {
    Map<String, Routing.ListenerRoute> listeners = snapshot.routing().listeners();
    for (String arn : List.copyOf(proxies.keySet())) {
      Routing.ListenerRoute listener = listeners.get(arn);
      ListenerProxy proxy = proxies.get(arn);
      if (listener == null || !configuration(listener).equals(proxy.configuration())) {
        proxies.remove(arn).close();
      }
    }
    for (Routing.ListenerRoute listener : listeners.values()) {
      if (!proxies.containsKey(listener.arn())) {
        ListenerProxy proxy = open(listener);
        if (proxy != null) {
          proxies.put(listener.arn(), proxy);
        }
      }
    }
  }

  private static String configuration(Routing.ListenerRoute listener) {
    return listener.port() + "/" + listener.protocol();
  }

  /** At the listener's own port when it can be had, else at one the system picks (shown in DNSName and `ecsl ps`). */
  private ListenerProxy open(Routing.ListenerRoute listener) {
    String why;
    try {
      return proxy(listener, listener.port());
    } catch (IOException e) {
      why = listener.port() < 1024 ? "ports below 1024 need root, or it is in use" : "it is in use";
    }
    try {
      ListenerProxy proxy = proxy(listener, 0);
      LOG.info("listener " + listener.protocol() + ":" + listener.port() + " of load balancer "
          + listener.loadBalancerName() + " is served at 127.0.0.1:" + proxy.localPort() + " (port "
          + listener.port() + " on 127.0.0.1 could not be had: " + why + ")");
      return proxy;
    } catch (IOException e) {
      LOG.log(Level.WARNING, "cannot serve listener " + listener.arn(), e);
      return null;
    }
  }

  private ListenerProxy proxy(Routing.ListenerRoute listener, int port) throws IOException {
    String configuration = configuration(listener);
    if ("application".equals(listener.type())) {
      return new HttpListenerProxy(listener.arn(), configuration, port, () -> routing, traffic, proxyClient);
    }
    return new TcpListenerProxy(listener.arn(), configuration, port, () -> routing, traffic);
  }

  // ---- health checks --------------------------------------------------------------------------

  private void reconcileCheckers(Snapshot snapshot) {
    for (String key : List.copyOf(checkers.keySet())) {
      ObjectNode target = snapshot.targets().get(key);
      if (target == null || TargetHealth.DRAINING.equals(Json.text(target, "State"))) {
        Thread thread = checkers.remove(key);
        if (thread != null) {
          thread.interrupt();
        }
      }
    }
    snapshot.targets().forEach((key, target) -> {
      if (!TargetHealth.DRAINING.equals(Json.text(target, "State")) && !checkers.containsKey(key)) {
        String registeredAt = Json.text(target, "_registeredAt");
        checkers.put(key, Thread.ofVirtual().name("ecsl-elb-health").start(() -> checkLoop(key, registeredAt)));
      }
    });
  }

  /** Checks one registration of a target at its group's interval until it drains or goes. */
  private void checkLoop(String key, String registeredAt) {
    while (!closed && !Thread.currentThread().isInterrupted()) {
      HealthChecker.Probe probe = state.atomically(() -> probe(key, registeredAt));
      if (probe == null) {
        checkers.remove(key, Thread.currentThread());
        return;
      }
      TargetHealth.Check result = checker.check(probe);
      Integer interval = state.atomically(() -> record(key, registeredAt, result));
      if (interval == null) {
        checkers.remove(key, Thread.currentThread());
        return;
      }
      plane.requestTick();
      try {
        Thread.sleep(Duration.ofSeconds(interval));
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** The registration a checker was started for and its target group, or null once it is gone or draining. */
  private ObjectNode[] checked(String key, String registeredAt) {
    ObjectNode target = state.targets.copyOf(key);
    if (target == null || !registeredAt.equals(Json.text(target, "_registeredAt"))
        || TargetHealth.DRAINING.equals(Json.text(target, "State"))) {
      return null;
    }
    ObjectNode tg = state.targetGroups.get(Json.text(target, "TargetGroupArn"));
    return tg == null ? null : new ObjectNode[] {target, tg};
  }

  private HealthChecker.Probe probe(String key, String registeredAt) {
    ObjectNode[] checked = checked(key, registeredAt);
    if (checked == null) {
      return null;
    }
    ObjectNode target = checked[0];
    ObjectNode tg = checked[1];
    String configuredPort = Json.text(tg, "HealthCheckPort", "traffic-port");
    int port = "traffic-port".equals(configuredPort) ? Json.integer(target, "_port", 0)
        : Integer.parseInt(configuredPort);
    return new HealthChecker.Probe(Json.text(tg, "HealthCheckProtocol", "HTTP"), Json.text(target, "_host"), port,
        Json.text(tg, "HealthCheckPath", "/"), tg.path("Matcher").path("HttpCode").asText("200"),
        Duration.ofSeconds(Json.integer(tg, "HealthCheckTimeoutSeconds", 5)));
  }

  /** Applies a check's result; the interval until the next one, or null when the registration is gone. */
  private Integer record(String key, String registeredAt, TargetHealth.Check result) {
    ObjectNode[] checked = checked(key, registeredAt);
    if (checked == null) {
      return null;
    }
    ObjectNode target = checked[0];
    ObjectNode tg = checked[1];
    TargetHealth next = TargetRegistry.health(target).after(result, Json.integer(tg, "HealthyThresholdCount", 5),
        Json.integer(tg, "UnhealthyThresholdCount", 2));
    if (!next.equals(TargetRegistry.health(target))) {
      TargetRegistry.write(target, next);
      state.targets.put(key, target);
    }
    return Json.integer(tg, "HealthCheckIntervalSeconds", 30);
  }

  @Override
  public synchronized void close() {
    closed = true;
    proxies.values().forEach(ListenerProxy::close);
    proxies.clear();
    checkers.values().forEach(Thread::interrupt);
    checkers.clear();
  }
}
