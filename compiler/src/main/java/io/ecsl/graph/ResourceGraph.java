package io.ecsl.graph;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.facts.capacity.FargateProviders;
import io.ecsl.model.EcsModel;
import io.ecsl.model.ArnPlaceholder;
import io.ecsl.model.Resource;
import io.ecsl.model.ResourceKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The project's resources and how they refer to each other, read from the compiled requests (so
 * it shows what AWS will be told, whatever syntax wrote it): services run task definitions in
 * clusters, on capacity providers, behind target groups, in Service Connect namespaces; task
 * definitions hold containers that depend on each other; schedules run task definitions in
 * clusters; scaling scales services; listeners of load balancers forward to target groups (by
 * default action and by rule). Things the project names but does not declare (a cluster
 * managed elsewhere, a target group's ARN) are external nodes.
 */
public final class ResourceGraph {
  /** What a node is. */
  public enum NodeKind {
    CLUSTER("cluster"),
    SERVICE("service"),
    TASK_DEFINITION("task definition"),
    CONTAINER("container"),
    CAPACITY_PROVIDER("capacity provider"),
    NAMESPACE("namespace"),
    DISCOVERY_SERVICE("discovery service"),
    SCHEDULE("schedule"),
    SCALING("scaling"),
    TARGET_GROUP("target group"),
    LOAD_BALANCER("load balancer"),
    LISTENER("listener"),
    ACCOUNT_SETTING("account setting"),
    EXPRESS_SERVICE("Express service"),
    DAEMON_TASK_DEFINITION("daemon task definition"),
    DAEMON("daemon");

    private final String word;

    NodeKind(String word) {
      this.word = word;
    }

    public String word() {
      return word;
    }
  }

  /**
   * A node.
   *
   * @param id unique and stable: kind and name ({@code service:prod/web})
   * @param parent the node it is drawn inside (a service's cluster, a container's task definition), or null
   * @param external named by the project but not declared in it
   * @param detail a short description (a schedule's expression, a container's image), or null
   */
  public record Node(String id, NodeKind kind, String name, String parent, boolean external, String detail) {}

  /** A reference from one node to another; {@code label} says how ({@code runs}, {@code HEALTHY}). */
  public record Edge(String from, String to, String label) {}

  private final Map<String, Node> nodes = new LinkedHashMap<>();
  private final List<Edge> edges = new ArrayList<>();

  public List<Node> nodes() {
    return new ArrayList<>(nodes.values());
  }

  public List<Edge> edges() {
    return edges;
  }

  public Node node(String id) {
    return nodes.get(id);
  }

  /** The graph of a compiled model. */
  public static ResourceGraph of(EcsModel model) {
    ResourceGraph g = new ResourceGraph();
    for (Resource r : model.resources()) {
      JsonNode body = r.primary().body();
      switch (r.kind()) {
        case CLUSTER -> g.declared(id(NodeKind.CLUSTER, r.name()), NodeKind.CLUSTER, r.name(), null, null);
        case CAPACITY_PROVIDER -> g.declared(id(NodeKind.CAPACITY_PROVIDER, r.name()), NodeKind.CAPACITY_PROVIDER, r.name(),
            null, null);
        case NAMESPACE -> g.declared(id(NodeKind.NAMESPACE, r.name()), NodeKind.NAMESPACE, r.name(), null, null);
        case DISCOVERY_SERVICE -> g.declared(id(NodeKind.DISCOVERY_SERVICE, r.name()), NodeKind.DISCOVERY_SERVICE, r.name(),
            null, body.path("DnsConfig").path("DnsRecords").findValuesAsText("Type").stream()
                .reduce((a, b) -> a + " " + b).orElse(null));
        case TASK_DEFINITION -> {
          String task = id(NodeKind.TASK_DEFINITION, r.name());
          g.declared(task, NodeKind.TASK_DEFINITION, r.name(), null, null);
          for (JsonNode c : body.path("containerDefinitions")) {
            String name = c.path("name").asText();
            g.declared(container(r.name(), name), NodeKind.CONTAINER, name, task, c.path("image").asText(null));
          }
        }
        case SERVICE -> g.declared(id(NodeKind.SERVICE, r.cluster() + "/" + r.name()), NodeKind.SERVICE, r.name(),
            id(NodeKind.CLUSTER, r.cluster()), null);
        case SCHEDULE -> g.declared(id(NodeKind.SCHEDULE, r.name()), NodeKind.SCHEDULE, r.name(), null,
            body.path("ScheduleExpression").asText(null));
        case SCALING -> g.declared(id(NodeKind.SCALING, r.cluster() + "/" + r.name()), NodeKind.SCALING, r.name(), null,
            scalingDetail(r));
        case ACCOUNT_SETTING -> g.declared(id(NodeKind.ACCOUNT_SETTING, r.name()), NodeKind.ACCOUNT_SETTING, r.name(), null,
            body.path("value").asText(null));
        case TARGET_GROUP -> g.declared(id(NodeKind.TARGET_GROUP, r.name()), NodeKind.TARGET_GROUP, r.name(), null,
            targetGroupDetail(body));
        case LOAD_BALANCER -> g.declared(id(NodeKind.LOAD_BALANCER, r.name()), NodeKind.LOAD_BALANCER, r.name(), null,
            body.path("Type").asText("application"));
        case LISTENER -> g.declared(id(NodeKind.LISTENER, r.name()), NodeKind.LISTENER, r.name(),
            g.elbNode(body.path("LoadBalancerArn").asText(null), NodeKind.LOAD_BALANCER),
            body.path("Protocol").asText("") + " " + body.path("Port").asText(""));
        case LISTENER_RULE -> { } // drawn as edges of its listener (below)
        case EXPRESS_SERVICE -> g.declared(id(NodeKind.EXPRESS_SERVICE, r.cluster() + "/" + r.name()), NodeKind.EXPRESS_SERVICE,
            r.name(), id(NodeKind.CLUSTER, r.cluster()), body.path("primaryContainer").path("image").asText(null));
        case DAEMON_TASK_DEFINITION -> g.declared(id(NodeKind.DAEMON_TASK_DEFINITION, r.name()), NodeKind.DAEMON_TASK_DEFINITION,
            r.name(), null, body.path("containerDefinitions").path(0).path("image").asText(null));
        case DAEMON -> g.declared(id(NodeKind.DAEMON, r.cluster() + "/" + r.name()), NodeKind.DAEMON, r.name(),
            id(NodeKind.CLUSTER, r.cluster()), null);
      }
    }
    for (Resource r : model.resources()) {
      g.references(r);
    }
    return g;
  }

  private static String scalingDetail(Resource r) {
    JsonNode target = r.primary().body();
    return target.path("MinCapacity").asText("?") + "-" + target.path("MaxCapacity").asText("?") + " tasks";
  }

  private void references(Resource r) {
    JsonNode body = r.primary().body();
    switch (r.kind()) {
      case CLUSTER -> {
        String cluster = id(NodeKind.CLUSTER, r.name());
        for (JsonNode p : body.path("capacityProviders")) {
          edge(cluster, provider(p.asText()), "uses");
        }
        String ns = body.path("serviceConnectDefaults").path("namespace").asText(null);
        if (ns != null && !ns.isEmpty()) {
          edge(cluster, namespace(ns), "Service Connect");
        }
      }
      case TASK_DEFINITION -> {
        for (JsonNode c : body.path("containerDefinitions")) {
          String from = container(r.name(), c.path("name").asText());
          for (JsonNode d : c.path("dependsOn")) {
            String to = container(r.name(), d.path("containerName").asText());
            if (nodes.containsKey(to)) {
              edge(from, to, d.path("condition").asText("depends on"));
            }
          }
        }
      }
      case SERVICE -> {
        String service = id(NodeKind.SERVICE, r.cluster() + "/" + r.name());
        cluster(r.cluster());
        String task = taskDefinition(body.path("taskDefinition").asText(null));
        if (task != null) {
          edge(service, task, "runs");
        }
        for (JsonNode s : body.path("capacityProviderStrategy")) {
          edge(service, provider(s.path("capacityProvider").asText()), strategyLabel(s));
        }
        String ns = body.path("serviceConnectConfiguration").path("namespace").asText(null);
        if (ns != null && !ns.isEmpty()) {
          edge(service, namespace(ns), "Service Connect");
        }
        for (JsonNode registry : body.path("serviceRegistries")) {
          String discovery = discoveryService(registry.path("registryArn").asText(null));
          if (discovery != null) {
            edge(service, discovery, "registers in");
          }
        }
        for (JsonNode lb : body.path("loadBalancers")) {
          String arn = lb.path("targetGroupArn").asText(null);
          if (arn == null) {
            continue;
          }
          String tg = elbNode(arn, NodeKind.TARGET_GROUP);
          String containerName = lb.path("containerName").asText(null);
          String to = task != null && containerName != null ? container(nodes.get(task).name(), containerName) : null;
          edge(tg, to != null && nodes.containsKey(to) ? to : service, "forwards to"
              + (lb.has("containerPort") ? " :" + lb.path("containerPort").asText() : ""));
          edge(service, tg, "registers with");
          trafficShift(service, lb.path("advancedConfiguration"));
        }
      }
      case DISCOVERY_SERVICE -> {
        String ns = body.path("NamespaceId").asText(null);
        if (ns != null && !ns.isEmpty()) {
          io.ecsl.model.ArnPlaceholder declared = io.ecsl.model.ArnPlaceholder.parse(ns);
          edge(id(NodeKind.DISCOVERY_SERVICE, r.name()), namespace(declared != null ? declared.name() : ns), "in");
        }
      }
      case SCHEDULE -> {
        String schedule = id(NodeKind.SCHEDULE, r.name());
        // A rule's target is in its PutTargets request; a Scheduler schedule's in the schedule itself.
        JsonNode target = r.requests().size() > 1 ? r.requests().get(1).body().path("Targets").path(0)
            : r.primary().body().has("Target") ? r.primary().body().path("Target") : null;
        if (target != null) {
          String cluster = lastSegment(target.path("Arn").asText(""), "cluster/");
          if (cluster != null) {
            edge(schedule, cluster(cluster), "runs in");
          }
          String family = lastSegment(target.path("EcsParameters").path("TaskDefinitionArn").asText(""), "task-definition/");
          String task = family == null ? null : taskDefinition(family);
          if (task != null) {
            edge(schedule, task, "runs");
          }
        }
      }
      case SCALING -> edge(id(NodeKind.SCALING, r.cluster() + "/" + r.name()),
          serviceNode(r.cluster(), r.name()), "scales");
      case EXPRESS_SERVICE -> cluster(r.cluster());
      case DAEMON -> {
        String daemon = id(NodeKind.DAEMON, r.cluster() + "/" + r.name());
        cluster(r.cluster());
        ArnPlaceholder task = ArnPlaceholder.parse(body.path("daemonTaskDefinitionArn").asText(""));
        if (task != null && nodes.containsKey(id(NodeKind.DAEMON_TASK_DEFINITION, task.name()))) {
          edge(daemon, id(NodeKind.DAEMON_TASK_DEFINITION, task.name()), "runs");
        }
        for (JsonNode arn : body.path("capacityProviderArns")) {
          String name = lastSegment(arn.asText(""), "capacity-provider/");
          edge(daemon, provider(name != null ? name : arn.asText()), "on every instance of");
        }
      }
      case LISTENER -> forwards(id(NodeKind.LISTENER, r.name()), body.path("DefaultActions"), "forwards");
      case LISTENER_RULE -> {
        String listener = elbNode(body.path("ListenerArn").asText(null), NodeKind.LISTENER);
        if (listener != null) {
          forwards(listener, body.path("Actions"), "rule " + body.path("Priority").asText(r.name()));
        }
      }
      default -> {}
    }
  }

  /**
   * A blue/green, linear or canary deployment's load balancer: the alternate target group new
   * revisions register with, and the listener whose rule (ALB) or which itself (NLB) ECS re-weights.
   */
  private void trafficShift(String service, JsonNode advanced) {
    String alternate = advanced.path("alternateTargetGroupArn").asText(null);
    if (alternate != null && !alternate.isEmpty()) {
      edge(service, elbNode(alternate, NodeKind.TARGET_GROUP), "registers new revisions with");
    }
    for (String[] member : new String[][] {{"productionListenerRule", "production"}, {"testListenerRule", "test"}}) {
      io.ecsl.model.ArnPlaceholder p = io.ecsl.model.ArnPlaceholder.parse(advanced.path(member[0]).asText(""));
      if (p == null) {
        continue; // an ARN of a rule made elsewhere: its listener is not known here
      }
      switch (p.kind()) {
        case LISTENER_RULE -> edge(service, id(NodeKind.LISTENER, listenerOf(p.name())),
            "shifts " + member[1] + " traffic on rule " + p.name().substring(p.name().lastIndexOf(':') + 1));
        case LISTENER -> edge(service, elbNode(p.text(), NodeKind.LISTENER), "shifts " + member[1] + " traffic on");
        default -> { }
      }
    }
  }

  /** Edges from a listener to the target groups its forward actions name, with their weights. */
  private void forwards(String listener, JsonNode actions, String label) {
    for (JsonNode a : actions) {
      if (a.hasNonNull("TargetGroupArn")) {
        String tg = elbNode(a.path("TargetGroupArn").asText(), NodeKind.TARGET_GROUP);
        edge(listener, tg, label);
      }
      JsonNode weighted = a.path("ForwardConfig").path("TargetGroups");
      for (JsonNode t : weighted) {
        String tg = elbNode(t.path("TargetGroupArn").asText(), NodeKind.TARGET_GROUP);
        edge(listener, tg, weighted.size() > 1 && t.has("Weight") ? label + " weight " + t.path("Weight").asText() : label);
      }
    }
  }

  /**
   * The node of an Elastic Load Balancing resource a request names: a declared one by its build
   * placeholder ({@code ${target-group:web}}), else an external one by its ARN.
   */
  private String elbNode(String arnOrPlaceholder, NodeKind kind) {
    if (arnOrPlaceholder == null || arnOrPlaceholder.isEmpty()) {
      return null;
    }
    io.ecsl.model.ArnPlaceholder placeholder = io.ecsl.model.ArnPlaceholder.parse(arnOrPlaceholder);
    if (placeholder != null) {
      String id = id(kind, placeholder.name());
      external(id, kind, placeholder.name(), null); // declared already, unless the build named one it lacks
      return id;
    }
    String id = id(kind, arnOrPlaceholder);
    external(id, kind, kind == NodeKind.TARGET_GROUP ? targetGroupName(arnOrPlaceholder) : arnOrPlaceholder, null);
    return id;
  }

  private static String targetGroupDetail(JsonNode body) {
    String protocol = body.path("Protocol").asText("");
    String port = body.path("Port").asText("");
    String type = body.path("TargetType").asText("");
    return (protocol + " " + port + (type.isEmpty() ? "" : " " + type)).trim();
  }

  private static String strategyLabel(JsonNode s) {
    StringBuilder sb = new StringBuilder("strategy");
    if (s.has("base")) {
      sb.append(" base ").append(s.path("base").asText());
    }
    if (s.has("weight")) {
      sb.append(" weight ").append(s.path("weight").asText());
    }
    return sb.toString();
  }

  private static String lastSegment(String arn, String marker) {
    int i = arn.indexOf(marker);
    if (i < 0) {
      return null;
    }
    String rest = arn.substring(i + marker.length());
    int colon = rest.indexOf(':');
    return colon < 0 ? rest : rest.substring(0, colon);
  }

  private static String targetGroupName(String arn) {
    String name = lastSegment(arn, "targetgroup/");
    if (name == null) {
      return arn;
    }
    int slash = name.indexOf('/');
    return slash < 0 ? name : name.substring(0, slash);
  }

  private static String id(NodeKind kind, String name) {
    return kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + ":" + name;
  }

  private static String container(String family, String name) {
    return id(NodeKind.CONTAINER, family + "/" + name);
  }

  private void declared(String id, NodeKind kind, String name, String parent, String detail) {
    nodes.putIfAbsent(id, new Node(id, kind, name, parent, false, detail));
  }

  private void external(String id, NodeKind kind, String name, String parent) {
    nodes.putIfAbsent(id, new Node(id, kind, name, parent, true, null));
  }

  private String cluster(String name) {
    String id = id(NodeKind.CLUSTER, name);
    external(id, NodeKind.CLUSTER, name, null);
    return id;
  }

  /** A capacity provider; FARGATE and FARGATE_SPOT are every cluster's without being declared. */
  private String provider(String name) {
    String id = id(NodeKind.CAPACITY_PROVIDER, name);
    if (FargateProviders.is(name)) {
      nodes.putIfAbsent(id, new Node(id, NodeKind.CAPACITY_PROVIDER, name, null, false, "built-in"));
    } else {
      external(id, NodeKind.CAPACITY_PROVIDER, name, null);
    }
    return id;
  }

  /** A declared discovery service, or one managed elsewhere named by its ARN (shown by its id, {@code srv-…}). */
  private String discoveryService(String arnOrPlaceholder) {
    if (arnOrPlaceholder == null || arnOrPlaceholder.isEmpty() || io.ecsl.model.ArnPlaceholder.parse(arnOrPlaceholder) != null) {
      return elbNode(arnOrPlaceholder, NodeKind.DISCOVERY_SERVICE);
    }
    String id = id(NodeKind.DISCOVERY_SERVICE, arnOrPlaceholder);
    external(id, NodeKind.DISCOVERY_SERVICE, arnOrPlaceholder.substring(arnOrPlaceholder.lastIndexOf('/') + 1), null);
    return id;
  }

  private String namespace(String name) {
    String id = id(NodeKind.NAMESPACE, name);
    external(id, NodeKind.NAMESPACE, name, null);
    return id;
  }

  /** A task definition named by family or {@code family:revision} or ARN; external when not declared. */
  private String taskDefinition(String reference) {
    if (reference == null || reference.isEmpty()) {
      return null;
    }
    String family = reference.contains("task-definition/") ? lastSegment(reference, "task-definition/") : reference;
    int colon = family.indexOf(':');
    String bare = colon < 0 ? family : family.substring(0, colon);
    String id = id(NodeKind.TASK_DEFINITION, bare);
    if (!nodes.containsKey(id)) {
      external(id, NodeKind.TASK_DEFINITION, family, null);
    }
    return id;
  }

  private String serviceNode(String cluster, String name) {
    String id = id(NodeKind.SERVICE, cluster + "/" + name);
    external(id, NodeKind.SERVICE, name, cluster(cluster));
    return id;
  }

  private void edge(String from, String to, String label) {
    Edge e = new Edge(from, to, label);
    if (!edges.contains(e)) {
      edges.add(e);
    }
  }

  /** The part of the graph within {@code distance} references of the given nodes (and their containers). */
  public ResourceGraph around(java.util.Set<String> ids, int distance) {
    java.util.Set<String> keep = new java.util.LinkedHashSet<>(ids);
    for (int i = 0; i < distance; i++) {
      java.util.Set<String> more = new java.util.LinkedHashSet<>();
      for (Edge e : edges) {
        if (keep.contains(e.from())) {
          more.add(e.to());
        }
        if (keep.contains(e.to())) {
          more.add(e.from());
        }
      }
      keep.addAll(more);
    }
    for (Node n : nodes.values()) {
      if (n.kind() == NodeKind.CONTAINER && keep.contains(n.parent())) {
        keep.add(n.id());
      }
    }
    for (Node n : nodes.values()) {
      if (keep.contains(n.id()) && n.parent() != null && n.kind() != NodeKind.CONTAINER) {
        keep.add(n.parent()); // a service is drawn in its cluster
      }
    }
    ResourceGraph g = new ResourceGraph();
    for (Node n : nodes.values()) {
      if (keep.contains(n.id())) {
        g.nodes.put(n.id(), n.parent() != null && !keep.contains(n.parent())
            ? new Node(n.id(), n.kind(), n.name(), null, n.external(), n.detail()) : n);
      }
    }
    for (Edge e : edges) {
      if (keep.contains(e.from()) && keep.contains(e.to())) {
        g.edges.add(e);
      }
    }
    return g;
  }

  /** This graph and one more node (a resource only the target still has). */
  public ResourceGraph with(Node node) {
    ResourceGraph g = new ResourceGraph();
    g.nodes.putAll(nodes);
    g.nodes.putIfAbsent(node.id(), node);
    g.edges.addAll(edges);
    return g;
  }

  /** The id of the node of a resource ({@code service}, {@code prod}, {@code web}: {@code service:prod/web}). */
  public static String idOf(ResourceKind kind, String cluster, String name) {
    return switch (kind) {
      case CLUSTER -> id(NodeKind.CLUSTER, name);
      case SERVICE -> id(NodeKind.SERVICE, cluster + "/" + name);
      case TASK_DEFINITION -> id(NodeKind.TASK_DEFINITION, name);
      case CAPACITY_PROVIDER -> id(NodeKind.CAPACITY_PROVIDER, name);
      case NAMESPACE -> id(NodeKind.NAMESPACE, name);
      case DISCOVERY_SERVICE -> id(NodeKind.DISCOVERY_SERVICE, name);
      case SCHEDULE -> id(NodeKind.SCHEDULE, name);
      case SCALING -> id(NodeKind.SCALING, cluster + "/" + name);
      case ACCOUNT_SETTING -> id(NodeKind.ACCOUNT_SETTING, name);
      case TARGET_GROUP -> id(NodeKind.TARGET_GROUP, name);
      case LOAD_BALANCER -> id(NodeKind.LOAD_BALANCER, name);
      case LISTENER -> id(NodeKind.LISTENER, name);
      case LISTENER_RULE -> id(NodeKind.LISTENER, listenerOf(name));
      case EXPRESS_SERVICE -> id(NodeKind.EXPRESS_SERVICE, cluster + "/" + name);
      case DAEMON_TASK_DEFINITION -> id(NodeKind.DAEMON_TASK_DEFINITION, name);
      case DAEMON -> id(NodeKind.DAEMON, cluster + "/" + name);
    };
  }

  /** A rule is named {@code LOAD_BALANCER:PORT:PRIORITY}, its listener {@code LOAD_BALANCER:PORT}. */
  private static String listenerOf(String ruleName) {
    int colon = ruleName.lastIndexOf(':');
    return colon < 0 ? ruleName : ruleName.substring(0, colon);
  }
}
