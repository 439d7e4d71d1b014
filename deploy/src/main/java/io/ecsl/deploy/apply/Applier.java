package io.ecsl.deploy.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.deploy.plan.Action;
import io.ecsl.deploy.plan.Plan;
import io.ecsl.deploy.plan.ResourcePlan;
import io.ecsl.deploy.plan.Step;
import io.ecsl.deploy.target.ApiException;
import io.ecsl.deploy.target.AwsApi;
import io.ecsl.model.ResourceKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Carries out a plan through the target's API. Creations and updates run in dependency order
 * ({@link ResourcePlan#dependsOn()}), independent ones in parallel; deletions follow, in reverse
 * dependency order of kinds (schedules and scaling, then services, listener rules, listeners, load
 * balancers, target groups, task definitions, clusters, capacity providers, discovery services,
 * namespaces); the steps of a resource after the engine step {@code AfterDependents} (the old Cloud
 * Map service of one moved to another namespace) run among the deletions of its kind, once the
 * resources that depend on it are done, and not when one of them failed. The ARN of an ELB resource or a discovery service created here, and the id of a
 * namespace, replace their placeholders in the requests after them ({@link CreatedArns}). A resource whose dependency failed is not attempted. Afterwards
 * the revision policy deregisters old revisions of the families that got a new one. Progress goes
 * to an {@link ApplyListener}; the engine never prints.
 */
public final class Applier {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  /**
   * @param waitForStable wait for services to reach a steady state ({@code --no-wait} turns it off)
   * @param waitTimeout how long to wait for one service
   * @param pollInterval how often to poll while waiting
   * @param parallelism how many resources are worked on at once
   */
  public record Options(boolean waitForStable, Duration waitTimeout, Duration pollInterval, int parallelism) {
    public static Options defaults() {
      return new Options(true, Duration.ofMinutes(10), Duration.ofSeconds(5), 8);
    }
  }

  private final AwsApi api;
  private final Options options;
  private final ServiceWaiter waiter;
  private final DaemonWaiter daemons;
  private final ServiceWaiter.Sleeper sleeper;
  /** The ARNs of the ELB resources this apply created, for the placeholders of the requests after them. */
  private final CreatedArns created = new CreatedArns();

  public Applier(AwsApi api, Options options) {
    this(api, options, Thread::sleep);
  }

  Applier(AwsApi api, Options options, ServiceWaiter.Sleeper sleeper) {
    this.api = api;
    this.options = options;
    this.sleeper = sleeper;
    this.waiter = new ServiceWaiter(api, options.pollInterval(), d -> sleeper.sleep(d));
    this.daemons = new DaemonWaiter(api, options.pollInterval(), d -> sleeper.sleep(d));
  }

  /** What the current apply changes. */
  private List<ResourcePlan> work = List.of();

  public ApplyResult apply(Plan plan, ApplyListener listener) {
    List<ResourcePlan> work = plan.resources().stream().filter(r -> r.action().isChange()).toList();
    this.work = work;
    continuing.clear();
    Map<String, Outcome> outcomes = Collections.synchronizedMap(new LinkedHashMap<>());
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, options.parallelism()), r -> {
      Thread t = new Thread(r, "ecsl-apply");
      t.setDaemon(true);
      return t;
    });
    try {
      // A resource's steps after AfterDependents (the old Cloud Map service of a replacement into
      // another namespace) run among the deletions of its kind, once what depends on it is done.
      List<ResourcePlan> graph = new ArrayList<>();
      Map<ResourceKind, List<ResourcePlan>> deletes = new TreeMap<>(Comparator.reverseOrder());
      for (ResourcePlan r : work) {
        int at = afterDependents(r);
        if (r.action() == Action.DELETE) {
          deletes.computeIfAbsent(r.id().kind(), k -> new ArrayList<>()).add(r);
        } else if (at < 0) {
          graph.add(r);
        } else {
          graph.add(withSteps(r, r.steps().subList(0, at), r.dependsOn()));
          continuing.put(r.address(), withSteps(r, r.steps().subList(at + 1, r.steps().size()), List.of()));
        }
      }
      runGraph(graph, pool, listener, outcomes);
      for (ResourcePlan tail : continuing.values()) {
        deletes.computeIfAbsent(tail.id().kind(), k -> new ArrayList<>()).add(tail);
      }
      for (List<ResourcePlan> group : deletes.values()) {
        runGraph(group, pool, listener, outcomes);
      }
    } finally {
      pool.shutdownNow();
    }
    pruneRevisions(plan, outcomes, listener);
    List<String> applied = new ArrayList<>();
    List<String> failed = new ArrayList<>();
    List<String> notApplied = new ArrayList<>();
    for (ResourcePlan r : work) {
      Outcome o = outcomes.get(r.address());
      if (o == null || o.skipped) {
        notApplied.add(r.address());
      } else if (o.error != null) {
        failed.add(r.address() + ": " + o.error);
      } else {
        applied.add(r.address());
      }
    }
    return new ApplyResult(applied, failed, notApplied);
  }

  private record Outcome(String error, boolean skipped) {}

  /** Resources whose last steps wait for what depends on them: address → those steps. */
  private final Map<String, ResourcePlan> continuing = new java.util.concurrent.ConcurrentHashMap<>();

  private static int afterDependents(ResourcePlan r) {
    for (int i = 0; i < r.steps().size(); i++) {
      Step s = r.steps().get(i);
      if (s.isEngine() && s.operation().equals(io.ecsl.deploy.plan.DiscoveryReplacement.AFTER_DEPENDENTS)) {
        return i;
      }
    }
    return -1;
  }

  private static ResourcePlan withSteps(ResourcePlan r, List<Step> steps, List<String> dependsOn) {
    return new ResourcePlan(r.id(), r.action(), r.reasons(), r.changes(), r.ignored(), dependsOn, r.observed(), r.source(),
        r.ownedElsewhere(), steps);
  }

  /** Why the rest of {@code address}'s steps must not run: it failed, or one that depends on it did not finish. */
  private static String notContinued(String address, Map<String, Outcome> outcomes, List<ResourcePlan> work) {
    Outcome own = outcomes.get(address);
    if (own == null || own.error != null || own.skipped) {
      return "";
    }
    List<String> unfinished = new ArrayList<>();
    for (ResourcePlan d : work) {
      Outcome o = outcomes.get(d.address());
      if (d.dependsOn().contains(address) && (o == null || o.error != null || o.skipped)) {
        unfinished.add(d.address());
      }
    }
    return unfinished.isEmpty() ? null : String.join(", ", unfinished);
  }

  private void runGraph(List<ResourcePlan> nodes, ExecutorService pool, ApplyListener listener,
      Map<String, Outcome> outcomes) {
    Map<String, CompletableFuture<Boolean>> done = new HashMap<>();
    Set<String> inGraph = new HashSet<>();
    nodes.forEach(n -> inGraph.add(n.address()));
    for (ResourcePlan n : topological(nodes, inGraph)) {
      List<CompletableFuture<Boolean>> deps = new ArrayList<>();
      for (String d : n.dependsOn()) {
        if (done.containsKey(d)) {
          deps.add(done.get(d));
        }
      }
      CompletableFuture<Boolean> f = CompletableFuture.allOf(deps.toArray(CompletableFuture[]::new)).thenApplyAsync(v -> {
        for (String d : n.dependsOn()) {
          Outcome o = outcomes.get(d);
          if (o != null && (o.error != null || o.skipped)) {
            listener.skipped(n.address(), d + " was not applied");
            outcomes.put(n.address(), new Outcome(null, true));
            return false;
          }
        }
        return run(n, listener, outcomes);
      }, pool);
      done.put(n.address(), f);
    }
    done.values().forEach(CompletableFuture::join);
  }

  /** Nodes ordered so that every dependency comes first (declarations are already in kind order). */
  private static List<ResourcePlan> topological(List<ResourcePlan> nodes, Set<String> inGraph) {
    Map<String, ResourcePlan> byAddress = new LinkedHashMap<>();
    nodes.forEach(n -> byAddress.put(n.address(), n));
    List<ResourcePlan> out = new ArrayList<>();
    Set<String> visited = new HashSet<>();
    for (ResourcePlan n : nodes) {
      visit(n, byAddress, visited, out);
    }
    return out;
  }

  private static void visit(ResourcePlan n, Map<String, ResourcePlan> byAddress, Set<String> visited, List<ResourcePlan> out) {
    if (!visited.add(n.address())) {
      return;
    }
    for (String d : n.dependsOn()) {
      ResourcePlan dep = byAddress.get(d);
      if (dep != null) {
        visit(dep, byAddress, visited, out);
      }
    }
    out.add(n);
  }

  private boolean run(ResourcePlan r, ApplyListener listener, Map<String, Outcome> outcomes) {
    long start = System.nanoTime();
    ResourcePlan tail = continuing.get(r.address());
    boolean isTail = tail == r;
    if (isTail) {
      String why = notContinued(r.address(), outcomes, work);
      if (why != null) {
        if (!why.isEmpty()) {
          String message = "the old one is not deleted: " + why + " did not move to the new one";
          outcomes.put(r.address(), new Outcome(message, false));
          listener.failed(r.address(), message, Duration.ZERO);
        }
        return false;
      }
      listener.progress(r.address(), "deleting the old one now that what was registered in it has moved");
    } else {
      listener.started(r.address(), r.action().id());
    }
    try {
      JsonNode answer = null;
      for (Step s : r.steps()) {
        answer = step(r, s, listener, answer);
      }
      outcomes.put(r.address(), new Outcome(null, false));
      if (tail == null || isTail) { // finished once its last steps have run
        listener.finished(r.address(), r.action().id(), Duration.ofNanos(System.nanoTime() - start));
      }
      return true;
    } catch (StepFailure | ApiException e) {
      String message = e.getMessage();
      outcomes.put(r.address(), new Outcome(message, false));
      listener.failed(r.address(), message, Duration.ofNanos(System.nanoTime() - start));
      return false;
    } catch (RuntimeException e) {
      String message = "unexpected error: " + e;
      outcomes.put(r.address(), new Outcome(message, false));
      listener.failed(r.address(), message, Duration.ofNanos(System.nanoTime() - start));
      return false;
    }
  }

  /**
   * Runs one step; returns the API's answer (an engine step passes on the previous one, so a wait
   * knows which deployment the Create/UpdateService before it started).
   */
  private JsonNode step(ResourcePlan r, Step s, ApplyListener listener, JsonNode previous) {
    ObjectNode b = s.body();
    if (s.isEngine()) {
      switch (s.operation()) {
        case "WaitServiceStable" -> {
          if (options.waitForStable()) {
            ServiceWaiter.Watched started = previous == null ? null : ServiceWaiter.Watched.primaryOf(previous.path("service"));
            waiter.waitStable(b.path("cluster").asText(), b.path("service").asText(), started, options.waitTimeout(),
                m -> listener.progress(r.address(), m));
          }
        }
        case "WaitServiceInactive" -> {
          listener.progress(r.address(), "waiting for the service to drain");
          waiter.waitInactive(b.path("cluster").asText(), b.path("service").asText(), options.waitTimeout());
        }
        case "DeregisterFamily" -> deregisterFamily(b.path("family").asText(), 0, Set.of(), r.address(), listener);
        case "WaitDaemonDeployment" -> {
          if (options.waitForStable()) {
            daemons.waitDeployment(previous, options.waitTimeout(), m -> listener.progress(r.address(), m));
          }
        }
        case "WaitDaemonDeleted" -> daemons.waitDeleted(b.path("daemonArn").asText(), options.waitTimeout(),
            m -> listener.progress(r.address(), m));
        case "DeleteDaemonFamily" -> new DaemonRevisions(api).delete(b.path("family").asText(), 0, Set.of(), r.address(),
            listener);
        case io.ecsl.deploy.plan.DiscoveryReplacement.AFTER_DEPENDENTS -> {} // split off by apply()
        default -> throw new StepFailure("unknown engine step " + s.operation());
      }
      return previous;
    }
    listener.progress(r.address(), s.operation());
    b = created.resolve(r.address(), b);
    JsonNode answer;
    try {
      answer = callInUse(s, b, r.address(), listener);
    } catch (ApiException e) {
      if (alreadyGone(s, e)) {
        return null; // deleting what is already gone converges
      }
      throw e;
    }
    created.record(r.id(), s.operation(), answer);
    if (s.service().equals("servicediscovery") && answer.hasNonNull("OperationId")) {
      JsonNode op = waitOperation(answer.path("OperationId").asText(), r.address(), listener);
      if (r.id().kind() == ResourceKind.NAMESPACE && s.operation().startsWith("Create")) {
        // A discovery service created after it takes the new namespace's id.
        created.record(r.id(), op.path("Targets").path("NAMESPACE").asText(null));
      }
    }
    return answer;
  }

  /**
   * Sends a request; Cloud Map's DeleteService is sent again while the service still has instances
   * (ResourceInUse): ECS deregisters the tasks of a deleted service as they stop, a little after.
   */
  private JsonNode callInUse(Step s, ObjectNode b, String address, ApplyListener listener) {
    boolean retries = s.service().equals("servicediscovery") && s.operation().equals("DeleteService");
    long deadline = System.nanoTime() + options.waitTimeout().toNanos();
    while (true) {
      try {
        return api.call(s.service(), s.operation(), b);
      } catch (ApiException e) {
        if (!retries || !"ResourceInUse".equals(e.code())) {
          throw e;
        }
        if (System.nanoTime() > deadline) {
          throw new StepFailure("Cloud Map service " + b.path("Id").asText() + " still has registered instances after"
              + " the wait timeout (" + options.waitTimeout().toSeconds() + "s), so it cannot be deleted: list them (`aws"
              + " servicediscovery list-instances --service-id " + b.path("Id").asText() + "`), stop or deregister what"
              + " keeps them registered, then apply again (" + e.getMessage() + ")");
        }
        listener.progress(address, "waiting for the service's instances to be deregistered");
        pauseForCloudMap();
      }
    }
  }

  private static boolean alreadyGone(Step s, ApiException e) {
    boolean deleting = s.operation().startsWith("Delete") || s.operation().startsWith("Deregister")
        || s.operation().equals("RemoveTargets");
    boolean scaleDown = s.operation().equals("UpdateService") && s.body().path("desiredCount").asInt(-1) == 0
        && s.body().size() == 3;
    return (deleting || scaleDown) && (e.isNotFound() || String.valueOf(e.getMessage()).contains("not found")
        || String.valueOf(e.getMessage()).contains("not active") || String.valueOf(e.getMessage()).contains("does not exist"));
  }

  /** Cloud Map changes are asynchronous: poll the operation until it succeeds (returned) or fails. */
  private JsonNode waitOperation(String id, String address, ApplyListener listener) {
    long deadline = System.nanoTime() + options.waitTimeout().toNanos();
    while (true) {
      JsonNode op = api.call("servicediscovery", "GetOperation", JSON.objectNode().put("OperationId", id)).path("Operation");
      String status = op.path("Status").asText("SUCCESS");
      if (status.equals("SUCCESS")) {
        return op;
      }
      if (status.equals("FAIL")) {
        throw new StepFailure("Cloud Map operation " + id + " failed: " + op.path("ErrorMessage").asText(""));
      }
      if (System.nanoTime() > deadline) {
        throw new StepFailure("Cloud Map operation " + id + " still " + status);
      }
      listener.progress(address, "waiting for Cloud Map (" + status + ")");
      pauseForCloudMap();
    }
  }

  /** Between two Cloud Map polls: the poll interval, at most 2 s, through the waiters' sleeper. */
  private void pauseForCloudMap() {
    try {
      sleeper.sleep(options.pollInterval().compareTo(Duration.ofSeconds(2)) < 0 ? options.pollInterval() : Duration.ofSeconds(2));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StepFailure("interrupted");
    }
  }

  // ------------------------------------------------------------------------- revision policy

  private void pruneRevisions(Plan plan, Map<String, Outcome> outcomes, ApplyListener listener) {
    Set<String> inUse = null;
    for (ResourcePlan r : plan.resources()) {
      boolean registered = r.action() == Action.NEW_REVISION || r.action() == Action.CREATE;
      Outcome o = outcomes.get(r.address());
      if (!registered || o == null || o.error != null || o.skipped) {
        continue;
      }
      if (r.id().kind() == ResourceKind.DAEMON_TASK_DEFINITION) {
        DaemonRevisions revisions = new DaemonRevisions(api);
        try {
          revisions.delete(r.id().name(), plan.keepRevisions(), revisions.inUse(plan), r.address(), listener);
        } catch (ApiException e) {
          listener.progress(r.address(), "revision policy: could not delete old revisions: " + e.getMessage());
        }
        continue;
      }
      if (r.id().kind() != ResourceKind.TASK_DEFINITION) {
        continue;
      }
      if (inUse == null) {
        inUse = revisionsInUse(plan);
      }
      try {
        deregisterFamily(r.id().name(), plan.keepRevisions(), inUse, r.address(), listener);
      } catch (ApiException e) {
        listener.progress(r.address(), "revision policy: could not deregister old revisions: " + e.getMessage());
      }
    }
  }

  /** Revisions that any deployment of the plan's services still runs: never deregistered. */
  private Set<String> revisionsInUse(Plan plan) {
    Set<String> out = new HashSet<>();
    Map<String, List<String>> byCluster = new TreeMap<>();
    for (ResourcePlan r : plan.resources()) {
      if (r.id().kind() == ResourceKind.SERVICE && r.action() != Action.DELETE) {
        byCluster.computeIfAbsent(r.id().cluster(), k -> new ArrayList<>()).add(r.id().name());
      }
    }
    byCluster.forEach((cluster, names) -> {
      for (int i = 0; i < names.size(); i += 10) {
        ObjectNode req = JSON.objectNode().put("cluster", cluster);
        var list = req.putArray("services");
        names.subList(i, Math.min(names.size(), i + 10)).forEach(list::add);
        try {
          for (JsonNode s : api.call("ecs", "DescribeServices", req).path("services")) {
            out.add(s.path("taskDefinition").asText());
            s.path("deployments").forEach(d -> out.add(d.path("taskDefinition").asText()));
          }
        } catch (ApiException e) {
          // a cluster that is gone runs nothing
        }
      }
    });
    return out;
  }

  /** Deregisters ACTIVE revisions of {@code family} beyond the newest {@code keep}, except those in use. */
  private void deregisterFamily(String family, int keep, Set<String> inUse, String address, ApplyListener listener) {
    List<String> arns = new ArrayList<>();
    ObjectNode req = JSON.objectNode().put("familyPrefix", family).put("status", "ACTIVE").put("sort", "DESC");
    while (true) {
      JsonNode page = api.call("ecs", "ListTaskDefinitions", req);
      for (JsonNode a : page.path("taskDefinitionArns")) {
        String arn = a.asText();
        String rev = arn.substring(arn.lastIndexOf('/') + 1);
        if (rev.substring(0, rev.lastIndexOf(':')).equals(family)) { // familyPrefix also matches web-api for web
          arns.add(arn);
        }
      }
      String next = page.path("nextToken").asText(null);
      if (next == null || next.isEmpty()) {
        break;
      }
      req.put("nextToken", next);
    }
    arns.sort(Comparator.comparingInt((String a) -> Integer.parseInt(a.substring(a.lastIndexOf(':') + 1))).reversed());
    List<String> gone = new ArrayList<>();
    for (int i = keep; i < arns.size(); i++) {
      if (inUse.contains(arns.get(i))) {
        continue;
      }
      api.call("ecs", "DeregisterTaskDefinition", JSON.objectNode().put("taskDefinition", arns.get(i)));
      gone.add(arns.get(i).substring(arns.get(i).lastIndexOf('/') + 1));
    }
    if (!gone.isEmpty() && keep > 0) {
      listener.progress(address, "revision policy (keep " + keep + "): deregistered " + String.join(", ", gone));
    }
  }
}
