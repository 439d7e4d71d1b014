package io.ecsl.deploy.target;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.deploy.state.LiveResource;
import io.ecsl.deploy.state.LiveState;
import io.ecsl.deploy.state.ResourceId;
import io.ecsl.facts.capacity.FargateProviders;
import io.ecsl.model.ResourceKind;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Reads what a target holds, in as few calls as the APIs allow: DescribeClusters takes 100
 * clusters a call, DescribeServices 10 services, ListServices pages of 100, DescribeTaskDefinition
 * one family (its latest ACTIVE revision, with tags), DescribeScalableTargets and
 * DescribeScalingPolicies pages of 50 for the whole account, Elastic Load Balancing through
 * {@link ElbReader}. Independent calls run in parallel.
 * Besides the resources asked for, it discovers every resource tagged {@code ecsl:project = PROJECT}
 * so that resources no longer declared can be planned for deletion.
 */
public final class Refresher {
  /** The tag that marks what ecsl created for a project. */
  public static final String OWNER_TAG = "ecsl:project";

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final AwsApi api;
  private final int parallelism;

  public Refresher(AwsApi api, int parallelism) {
    this.api = api;
    this.parallelism = Math.max(1, parallelism);
  }

  /**
   * What to read.
   *
   * @param project the project whose resources to discover (by tag)
   * @param wanted the declared resources
   * @param families task definition families whose latest revision the plan needs (declared or referenced)
   * @param clusters clusters whose services to list (declared or referenced)
   * @param discoveryNamespaces each declared discovery service's namespace (by name, or the id of one
   *     managed elsewhere): a Cloud Map service of that name in another namespace is someone else's
   */
  public record Query(String project, Set<ResourceId> wanted, Set<String> families, Set<String> clusters,
      Map<String, String> discoveryNamespaces) {
    public Query(String project, Set<ResourceId> wanted, Set<String> families, Set<String> clusters) {
      this(project, wanted, families, clusters, Map.of());
    }
  }

  public LiveState refresh(Query q) {
    LiveState state = new LiveState(false);
    ExecutorService pool = Executors.newFixedThreadPool(parallelism, r -> {
      Thread t = new Thread(r, "ecsl-refresh");
      t.setDaemon(true);
      return t;
    });
    try {
      Reader reader = new Reader(q, state, pool);
      reader.namespaces();
      reader.discoveryServices();
      Set<String> ownedClusters = reader.clusters();
      reader.capacityProviders();
      reader.taskDefinitions();
      Set<String> scan = new TreeSet<>(q.clusters());
      scan.addAll(ownedClusters);
      Set<String> ownedServices = reader.services(scan);
      new DaemonReader(api, q, state, reader::parallel).read(scan);
      reader.revisionsInUse();
      reader.scaling(ownedServices);
      reader.schedules();
      reader.schedulerSchedules();
      reader.accountSettings();
      new ElbReader(api, q, state, reader::parallel).read();
      return state;
    } finally {
      pool.shutdownNow();
    }
  }

  /** One refresh's reading, kind by kind. */
  private final class Reader {
    private final Query q;
    private final LiveState state;
    private final ExecutorService pool;

    Reader(Query q, LiveState state, ExecutorService pool) {
      this.q = q;
      this.state = state;
      this.pool = pool;
    }

    private boolean wanted(ResourceKind kind, String cluster, String name) {
      return q.wanted().contains(new ResourceId(kind, cluster, name));
    }

    private boolean owned(Map<String, String> tags) {
      return q.project().equals(tags.get(OWNER_TAG));
    }

    private List<String> names(ResourceKind kind) {
      List<String> out = new ArrayList<>();
      q.wanted().stream().filter(id -> id.kind() == kind).forEach(id -> out.add(id.name()));
      return out;
    }

    // ------------------------------------------------------------------------- namespaces

    /** Whether the target has any Cloud Map namespace (the project's or not). */
    private boolean namespacesListed;

    void namespaces() {
      List<JsonNode> all = paged("servicediscovery", "ListNamespaces", JSON.objectNode(), "Namespaces", "NextToken");
      namespacesListed = !all.isEmpty();
      List<JsonNode> tagged = parallel(all, ns -> {
        state.namespaceName(ns.path("Arn").asText(), ns.path("Name").asText());
        state.namespaceName(ns.path("Id").asText(), ns.path("Name").asText());
        // Cloud Map lists no tags: one call per namespace tells which ones the project owns.
        return call("servicediscovery", "ListTagsForResource", JSON.objectNode().put("ResourceARN", ns.path("Arn").asText()));
      });
      for (int i = 0; i < all.size(); i++) {
        JsonNode ns = all.get(i);
        Map<String, String> tags = tags(tagged.get(i).path("Tags"), "Key", "Value");
        String name = ns.path("Name").asText();
        if (!wanted(ResourceKind.NAMESPACE, null, name) && !owned(tags)) {
          continue;
        }
        String type = ns.path("Type").asText("HTTP");
        String op = switch (type) {
          case "DNS_PRIVATE" -> "CreatePrivateDnsNamespace";
          case "DNS_PUBLIC" -> "CreatePublicDnsNamespace";
          default -> "CreateHttpNamespace";
        };
        ObjectNode body = JSON.objectNode().put("Name", name);
        if (ns.hasNonNull("Description")) {
          body.set("Description", ns.get("Description"));
        }
        JsonNode soa = ns.path("Properties").path("DnsProperties").path("SOA");
        if (!soa.isMissingNode() && !type.equals("HTTP")) {
          body.putObject("Properties").putObject("DnsProperties").set("SOA", soa);
        }
        state.put(new LiveResource(new ResourceId(ResourceKind.NAMESPACE, null, name), Map.of(op, body), tags,
            ns.path("Arn").asText(), null, Map.of("Id", ns.path("Id").asText(), "Type", type)));
      }
    }

    // ------------------------------------------------------------------------- discovery services

    /**
     * Cloud Map services: ListServices (all of them: ListServices does not say which namespace a
     * service is in), the tags of each (which ones the project owns), then GetService of those
     * declared (same name, in the declared namespace) or owned. The body is the CreateService
     * request that would make the service as it is, with the namespace's id.
     */
    /** Where a read Cloud Map service carries whether ListInstances found instances in it (not a Cloud Map member). */
    private static final String INSTANCES_READ = "_ecslInstances";

    void discoveryServices() {
      if (!namespacesListed) {
        return; // a Cloud Map service is in a namespace: none listed, none to read
      }
      List<JsonNode> all = paged("servicediscovery", "ListServices", JSON.objectNode().put("MaxResults", 100), "Services",
          "NextToken");
      Set<String> declared = new TreeSet<>(names(ResourceKind.DISCOVERY_SERVICE));
      List<JsonNode> tagged = parallel(all, s -> call("servicediscovery", "ListTagsForResource",
          JSON.objectNode().put("ResourceARN", s.path("Arn").asText())));
      List<JsonNode> candidates = new ArrayList<>();
      List<Map<String, String>> candidateTags = new ArrayList<>();
      for (int i = 0; i < all.size(); i++) {
        Map<String, String> tags = tags(tagged.get(i).path("Tags"), "Key", "Value");
        if (declared.contains(all.get(i).path("Name").asText()) || owned(tags)) {
          candidates.add(all.get(i));
          candidateTags.add(tags);
        }
      }
      List<JsonNode> services = parallel(candidates, s -> {
        try {
          JsonNode service = call("servicediscovery", "GetService", JSON.objectNode().put("Id", s.path("Id").asText()))
              .path("Service");
          // Whether instances are registered in it: a replacement must know (Cloud Map does not delete
          // a service that has any), before anything changes.
          String instances;
          try {
            JsonNode page = call("servicediscovery", "ListInstances", JSON.objectNode()
                .put("ServiceId", s.path("Id").asText()).put("MaxResults", 1)).path("Instances");
            instances = page.isArray() && !page.isEmpty() ? "some" : "none";
          } catch (ApiException e) {
            instances = "unknown"; // not a reason to miss the service: apply's DeleteService says ResourceInUse
          }
          return service.isObject() ? ((com.fasterxml.jackson.databind.node.ObjectNode) service.deepCopy())
              .put(INSTANCES_READ, instances) : service;
        } catch (ApiException e) {
          return null; // deleted between the list and the get
        }
      });
      for (int i = 0; i < candidates.size(); i++) {
        JsonNode s = services.get(i);
        if (s == null || !s.isObject()) {
          continue;
        }
        String name = s.path("Name").asText();
        String namespaceId = lastSegment(s.path("NamespaceId").asText(s.path("DnsConfig").path("NamespaceId").asText("")));
        String wantedIn = q.discoveryNamespaces().get(name);
        // A query without namespaces (a saved plan's stale check) takes the declared name alone.
        boolean inDeclaredNamespace = wantedIn == null ? declared.contains(name)
            : wantedIn.equals(namespaceId) || wantedIn.equals(state.namespaceName(namespaceId));
        if (!inDeclaredNamespace && !owned(candidateTags.get(i))) {
          continue; // the same name in another namespace: not this project's
        }
        ResourceId id = new ResourceId(ResourceKind.DISCOVERY_SERVICE, null, name);
        if (state.get(id) != null && !inDeclaredNamespace) {
          continue; // the declared one was read already
        }
        state.put(new LiveResource(id, Map.of("CreateService", discoveryServiceBody(s, namespaceId)),
            candidateTags.get(i), s.path("Arn").asText(null), null,
            Map.of("Id", s.path("Id").asText(), "Type", s.path("Type").asText(""), "Instances",
                s.path(INSTANCES_READ).asText("none"))));
      }
    }

    // ------------------------------------------------------------------------- capacity providers

    /**
     * Reads the declared capacity providers and those the project's clusters use (a provider ecsl
     * created is associated with one of them); FARGATE and FARGATE_SPOT are built in and never read.
     */
    void capacityProviders() {
      Set<String> names = new TreeSet<>(names(ResourceKind.CAPACITY_PROVIDER));
      for (LiveResource r : state.all()) {
        if (r.id().kind() == ResourceKind.CLUSTER) {
          r.primary().path("capacityProviders").forEach(c -> names.add(c.asText()));
        }
      }
      names.removeAll(FargateProviders.ALL);
      for (List<String> batch : batches(names, 100)) {
        ObjectNode req = JSON.objectNode();
        ArrayNode list = req.putArray("capacityProviders");
        batch.forEach(list::add);
        req.putArray("include").add("TAGS");
        for (JsonNode cp : call("ecs", "DescribeCapacityProviders", req).path("capacityProviders")) {
          String name = cp.path("name").asText();
          Map<String, String> tags = tags(cp.path("tags"), "key", "value");
          if (!cp.path("status").asText("ACTIVE").equals("ACTIVE")
              || !wanted(ResourceKind.CAPACITY_PROVIDER, null, name) && !owned(tags)) {
            continue;
          }
          ObjectNode body = JSON.objectNode().put("name", name);
          String cluster = cp.path("cluster").asText(null);
          if (cluster != null) { // a Managed Instances provider's own cluster, by name as ecsl writes it
            body.put("cluster", cluster.substring(cluster.lastIndexOf('/') + 1));
          }
          copy(cp, body, "autoScalingGroupProvider", "managedInstancesProvider");
          state.put(new LiveResource(new ResourceId(ResourceKind.CAPACITY_PROVIDER, null, name),
              Map.of("CreateCapacityProvider", body), tags, cp.path("capacityProviderArn").asText(null), null, Map.of()));
        }
      }
    }

    // ------------------------------------------------------------------------- clusters

    /** Reads declared and referenced clusters and discovers owned ones; returns the names of clusters that exist. */
    Set<String> clusters() {
      Set<String> names = new LinkedHashSet<>(names(ResourceKind.CLUSTER));
      names.addAll(q.clusters());
      List<String> arns = new ArrayList<>();
      for (JsonNode arn : paged("ecs", "ListClusters", JSON.objectNode(), "clusterArns", "nextToken")) {
        arns.add(arn.asText());
      }
      Set<String> all = new LinkedHashSet<>(names);
      arns.forEach(a -> all.add(a.substring(a.lastIndexOf('/') + 1)));
      Set<String> existing = new TreeSet<>();
      List<List<String>> batches = batches(new ArrayList<>(all), 100);
      for (JsonNode page : parallel(batches, batch -> {
        ObjectNode req = JSON.objectNode();
        ArrayNode list = req.putArray("clusters");
        batch.forEach(list::add);
        req.putArray("include").add("SETTINGS").add("CONFIGURATIONS").add("TAGS");
        return call("ecs", "DescribeClusters", req);
      })) {
        for (JsonNode c : page.path("clusters")) {
          if (!c.path("status").asText("ACTIVE").equals("ACTIVE") && !c.path("status").asText().equals("PROVISIONING")) {
            continue;
          }
          String name = c.path("clusterName").asText();
          Map<String, String> tags = tags(c.path("tags"), "key", "value");
          boolean owned = owned(tags);
          if (owned || names.contains(name)) {
            existing.add(name);
          }
          if (!wanted(ResourceKind.CLUSTER, null, name) && !owned) {
            continue;
          }
          ObjectNode body = JSON.objectNode().put("clusterName", name);
          copy(c, body, "settings", "configuration", "capacityProviders", "defaultCapacityProviderStrategy");
          if (c.path("serviceConnectDefaults").hasNonNull("namespace")) {
            body.putObject("serviceConnectDefaults").put("namespace",
                state.namespaceName(c.path("serviceConnectDefaults").path("namespace").asText()));
          }
          state.put(new LiveResource(new ResourceId(ResourceKind.CLUSTER, null, name), Map.of("CreateCluster", body), tags,
              c.path("clusterArn").asText(null), null, Map.of()));
        }
      }
      return existing;
    }

    // ------------------------------------------------------------------------- task definitions

    void taskDefinitions() {
      Set<String> families = new TreeSet<>(q.families());
      families.addAll(names(ResourceKind.TASK_DEFINITION));
      Set<String> listed = new TreeSet<>();
      ObjectNode listReq = JSON.objectNode().put("status", "ACTIVE");
      for (JsonNode f : paged("ecs", "ListTaskDefinitionFamilies", listReq, "families", "nextToken")) {
        listed.add(f.asText());
      }
      // Declared families that were never registered need no call; every listed family is read,
      // since only its tags say whether the project owns it.
      Set<String> read = new TreeSet<>(listed);
      List<String> all = new ArrayList<>(read);
      List<JsonNode> answers = parallel(all, family -> {
        ObjectNode req = JSON.objectNode().put("taskDefinition", family);
        req.putArray("include").add("TAGS");
        try {
          return call("ecs", "DescribeTaskDefinition", req);
        } catch (ApiException e) {
          return null; // deregistered between the list and the describe
        }
      });
      for (int i = 0; i < all.size(); i++) {
        JsonNode answer = answers.get(i);
        if (answer == null) {
          continue;
        }
        JsonNode td = answer.path("taskDefinition");
        String family = td.path("family").asText(all.get(i));
        Map<String, String> tags = tags(answer.path("tags"), "key", "value");
        state.latestRevision(family, td.path("taskDefinitionArn").asText());
        if (!wanted(ResourceKind.TASK_DEFINITION, null, family) && !owned(tags)) {
          continue;
        }
        state.put(new LiveResource(new ResourceId(ResourceKind.TASK_DEFINITION, null, family),
            Map.of("RegisterTaskDefinition", (ObjectNode) td), tags, td.path("taskDefinitionArn").asText(null),
            td.path("taskDefinitionArn").asText(null), Map.of()));
      }
    }

    /**
     * Reads the revisions the project's services run when they are not their family's latest
     * (after a circuit-breaker rollback): a call per such revision, none in the usual case.
     */
    void revisionsInUse() {
      Set<String> arns = new TreeSet<>();
      for (LiveResource r : state.all()) {
        if (r.id().kind() != ResourceKind.SERVICE) {
          continue;
        }
        String running = r.primary().path("taskDefinition").asText("");
        int slash = running.lastIndexOf('/');
        int colon = running.lastIndexOf(':');
        if (!running.startsWith("arn:") || slash < 0 || colon < slash) {
          continue;
        }
        String family = running.substring(slash + 1, colon);
        if (state.get(new ResourceId(ResourceKind.TASK_DEFINITION, null, family)) != null
            && !running.equals(state.latestRevision(family))) {
          arns.add(running);
        }
      }
      List<String> all = new ArrayList<>(arns);
      List<JsonNode> answers = parallel(all, arn -> {
        try {
          return call("ecs", "DescribeTaskDefinition", JSON.objectNode().put("taskDefinition", arn));
        } catch (ApiException e) {
          return null; // deregistered meanwhile: nothing to reuse
        }
      });
      for (JsonNode answer : answers) {
        if (answer != null && answer.path("taskDefinition").isObject()) {
          ObjectNode td = (ObjectNode) answer.path("taskDefinition");
          state.revisionInUse(td.path("family").asText(), td);
        }
      }
    }

    // ------------------------------------------------------------------------- services

    /** Reads the services of the given clusters; returns the ids ("cluster/name") of services the project owns. */
    /** The Express service behind an ECS service ARN, or null when it is a plain service (or the target has no Express Mode). */
    private JsonNode expressService(String serviceArn) {
      try {
        JsonNode service = call("ecs", "DescribeExpressGatewayService", JSON.objectNode().put("serviceArn", serviceArn)).path("service");
        return service.path("activeConfigurations").isEmpty() ? null : service;
      } catch (ApiException e) {
        return null;
      }
    }

    /** The CreateExpressGatewayService request that would make the service as it is now. */
    private ObjectNode expressBody(JsonNode service, String cluster) {
      ObjectNode body = JSON.objectNode();
      JsonNode config = service.path("activeConfigurations").path(0);
      body.put("serviceName", service.path("serviceName").asText());
      body.put("cluster", cluster);
      body.put("infrastructureRoleArn", service.path("infrastructureRoleArn").asText());
      config.properties().forEach(e -> {
        if (!java.util.Set.of("serviceRevisionArn", "ingressPaths", "createdAt").contains(e.getKey())) {
          body.set(e.getKey(), e.getValue());
        }
      });
      // ECS built the task definition from the primary container: its ARN says nothing the declaration did.
      if (body.has("primaryContainer")) {
        body.remove("taskDefinitionArn");
      }
      return body;
    }

    Set<String> services(Set<String> clusters) {
      Set<String> owned = new TreeSet<>();
      List<String> clusterList = new ArrayList<>(clusters);
      List<List<String>> perCluster = parallel(clusterList, cluster -> {
        List<String> arns = new ArrayList<>();
        // 100 a page, the most the API gives: without maxResults, ListServices pages by 10.
        ObjectNode req = JSON.objectNode().put("cluster", cluster).put("maxResults", 100);
        try {
          paged("ecs", "ListServices", req, "serviceArns", "nextToken").forEach(a -> arns.add(a.asText()));
        } catch (ApiException e) {
          if (!e.isNotFound()) {
            throw e;
          }
        }
        return arns;
      });
      record Batch(String cluster, List<String> arns) {}
      List<Batch> batches = new ArrayList<>();
      for (int i = 0; i < clusterList.size(); i++) {
        for (List<String> b : batches(perCluster.get(i), 10)) {
          batches.add(new Batch(clusterList.get(i), b));
        }
      }
      for (JsonNode page : parallel(batches, b -> {
        ObjectNode req = JSON.objectNode().put("cluster", b.cluster());
        ArrayNode list = req.putArray("services");
        b.arns().forEach(list::add);
        req.putArray("include").add("TAGS");
        return call("ecs", "DescribeServices", req);
      })) {
        for (JsonNode s : page.path("services")) {
          if (!s.path("status").asText("ACTIVE").equals("ACTIVE")) {
            continue;
          }
          String cluster = lastSegment(s.path("clusterArn").asText());
          String name = s.path("serviceName").asText();
          Map<String, String> tags = tags(s.path("tags"), "key", "value");
          // An Express service is an ECS service too: read it as what was declared (its load
          // balancer and scaling are ECS's, never the project's to plan).
          boolean declaredExpress = wanted(ResourceKind.EXPRESS_SERVICE, cluster, name);
          if (declaredExpress || (owned(tags) && !wanted(ResourceKind.SERVICE, cluster, name))) {
            JsonNode express = expressService(s.path("serviceArn").asText());
            if (express != null) {
              state.put(new LiveResource(new ResourceId(ResourceKind.EXPRESS_SERVICE, cluster, name),
                  Map.of("CreateExpressGatewayService", expressBody(express, cluster)), tags,
                  s.path("serviceArn").asText(null), express.path("updatedAt").asText(null), Map.of()));
              continue;
            }
          }
          if (owned(tags)) {
            owned.add(cluster + "/" + name);
          }
          if (!wanted(ResourceKind.SERVICE, cluster, name) && !owned(tags)) {
            continue;
          }
          state.put(new LiveResource(new ResourceId(ResourceKind.SERVICE, cluster, name),
              Map.of("CreateService", serviceBody(s, cluster)), tags, s.path("serviceArn").asText(null),
              primaryDeployment(s).path("updatedAt").asText(null), serviceIds(s)));
        }
      }
      return owned;
    }

    // ------------------------------------------------------------------------- scaling

    void scaling(Set<String> ownedServices) {
      ObjectNode req = JSON.objectNode().put("ServiceNamespace", "ecs");
      List<JsonNode> targets = paged("application-autoscaling", "DescribeScalableTargets", req.deepCopy(),
          "ScalableTargets", "NextToken");
      List<JsonNode> policies = paged("application-autoscaling", "DescribeScalingPolicies", req.deepCopy(),
          "ScalingPolicies", "NextToken");
      Map<String, List<JsonNode>> policiesByResource = new HashMap<>();
      for (JsonNode p : policies) {
        policiesByResource.computeIfAbsent(p.path("ResourceId").asText(), k -> new ArrayList<>()).add(p);
      }
      for (JsonNode t : targets) {
        String resourceId = t.path("ResourceId").asText();
        if (!t.path("ScalableDimension").asText().equals("ecs:service:DesiredCount") || !resourceId.startsWith("service/")) {
          continue;
        }
        String[] parts = resourceId.split("/", 3);
        if (parts.length < 3) {
          continue;
        }
        String cluster = parts[1];
        String name = parts[2];
        if (!wanted(ResourceKind.SCALING, cluster, name) && !ownedServices.contains(cluster + "/" + name)) {
          continue;
        }
        Map<String, ObjectNode> requests = new LinkedHashMap<>();
        ObjectNode body = JSON.objectNode();
        copy(t, body, "ServiceNamespace", "ResourceId", "ScalableDimension", "MinCapacity", "MaxCapacity", "RoleARN",
            "SuspendedState");
        requests.put("RegisterScalableTarget", body);
        for (JsonNode p : policiesByResource.getOrDefault(resourceId, List.of())) {
          ObjectNode pb = JSON.objectNode();
          copy(p, pb, "PolicyName", "ServiceNamespace", "ResourceId", "ScalableDimension", "PolicyType",
              "StepScalingPolicyConfiguration", "TargetTrackingScalingPolicyConfiguration",
              "PredictiveScalingPolicyConfiguration");
          requests.put("PutScalingPolicy:" + p.path("PolicyName").asText(), pb);
        }
        state.put(new LiveResource(new ResourceId(ResourceKind.SCALING, cluster, name), requests,
            Map.of(OWNER_TAG, q.project()), t.path("ScalableTargetARN").asText(null), null, Map.of()));
      }
    }

    // ------------------------------------------------------------------------- schedules

    void schedules() {
      List<JsonNode> rules = paged("events", "ListRules", JSON.objectNode(), "Rules", "NextToken");
      List<JsonNode> tagAnswers = parallel(rules, r -> call("events", "ListTagsForResource",
          JSON.objectNode().put("ResourceARN", r.path("Arn").asText())));
      List<JsonNode> mine = new ArrayList<>();
      List<Map<String, String>> mineTags = new ArrayList<>();
      for (int i = 0; i < rules.size(); i++) {
        Map<String, String> tags = tags(tagAnswers.get(i).path("Tags"), "Key", "Value");
        String name = rules.get(i).path("Name").asText();
        if (wanted(ResourceKind.SCHEDULE, null, name) || owned(tags)) {
          mine.add(rules.get(i));
          mineTags.add(tags);
        }
      }
      List<List<JsonNode>> targets = parallel(mine, r -> paged("events", "ListTargetsByRule",
          JSON.objectNode().put("Rule", r.path("Name").asText()), "Targets", "NextToken"));
      for (int i = 0; i < mine.size(); i++) {
        JsonNode r = mine.get(i);
        String name = r.path("Name").asText();
        ObjectNode rule = JSON.objectNode();
        copy(r, rule, "Name", "ScheduleExpression", "EventPattern", "State", "Description", "RoleArn", "EventBusName");
        ObjectNode put = JSON.objectNode().put("Rule", name);
        ArrayNode list = put.putArray("Targets");
        targets.get(i).forEach(list::add);
        Map<String, ObjectNode> requests = new LinkedHashMap<>();
        requests.put("PutRule", rule);
        requests.put("PutTargets", put);
        state.put(new LiveResource(new ResourceId(ResourceKind.SCHEDULE, null, name), requests, mineTags.get(i),
            r.path("Arn").asText(null), null, Map.of()));
      }
    }

    /**
     * EventBridge Scheduler schedules, in every group: those declared, and those whose target's
     * task tags carry this project's owner tag (schedules take no tags of their own; see
     * {@code SchedulerOwner}). The owner tag is left out of the request compared with the declaration.
     */
    void schedulerSchedules() {
      List<JsonNode> summaries;
      try {
        summaries = paged("scheduler", "ListSchedules", JSON.objectNode(), "Schedules", "NextToken");
      } catch (ApiException e) {
        // A principal without scheduler:ListSchedules can still deploy a project that declares no
        // Scheduler schedule (every declared schedule was found as a rule); otherwise it is an error.
        boolean allFound = q.wanted().stream().filter(id -> id.kind() == ResourceKind.SCHEDULE)
            .allMatch(id -> state.get(id) != null);
        if (e.code() != null && e.code().startsWith("AccessDenied") && allFound) {
          return;
        }
        throw e;
      }
      List<JsonNode> schedules = parallel(summaries, s -> call("scheduler", "GetSchedule", JSON.objectNode()
          .put("Name", s.path("Name").asText()).put("GroupName", s.path("GroupName").asText("default"))));
      for (JsonNode s : schedules) {
        String name = s.path("Name").asText();
        Map<String, String> tags = new LinkedHashMap<>();
        ObjectNode request = JSON.objectNode();
        copy(s, request, "Name", "GroupName", "ScheduleExpression", "ScheduleExpressionTimezone", "StartDate", "EndDate",
            "FlexibleTimeWindow", "State", "ActionAfterCompletion", "Description", "KmsKeyArn", "Target");
        for (String date : List.of("StartDate", "EndDate")) {
          if (request.path(date).isNumber()) { // the API's epoch seconds, as the build writes them
            request.put(date, java.time.Instant.ofEpochMilli(Math.round(request.path(date).asDouble() * 1000)).toString());
          }
        }
        if (request.path("Target").path("EcsParameters").path("Tags") instanceof ArrayNode taskTags) {
          for (int i = taskTags.size() - 1; i >= 0; i--) {
            if (taskTags.get(i).has(OWNER_TAG)) {
              tags.put(OWNER_TAG, taskTags.get(i).path(OWNER_TAG).asText());
              taskTags.remove(i);
            }
          }
          if (taskTags.isEmpty()) {
            ((ObjectNode) request.path("Target").path("EcsParameters")).remove("Tags");
          }
        }
        if (!wanted(ResourceKind.SCHEDULE, null, name) && !owned(tags)) {
          continue;
        }
        state.put(new LiveResource(new ResourceId(ResourceKind.SCHEDULE, null, name), Map.of("CreateSchedule", request),
            tags, s.path("Arn").asText(null), null, Map.of()));
      }
    }

    // ------------------------------------------------------------------------- account settings

    void accountSettings() {
      List<String> names = names(ResourceKind.ACCOUNT_SETTING);
      List<JsonNode> answers = parallel(names, name -> call("ecs", "ListAccountSettings",
          JSON.objectNode().put("name", name).put("effectiveSettings", true)));
      for (int i = 0; i < names.size(); i++) {
        for (JsonNode s : answers.get(i).path("settings")) {
          if (!s.path("name").asText().equals(names.get(i))) {
            continue;
          }
          ObjectNode body = JSON.objectNode().put("name", names.get(i)).put("value", s.path("value").asText());
          state.put(new LiveResource(new ResourceId(ResourceKind.ACCOUNT_SETTING, null, names.get(i)),
              Map.of("PutAccountSettingDefault", body, "PutAccountSetting", body), Map.of(), null, null, Map.of()));
          break;
        }
      }
    }

    // ------------------------------------------------------------------------- helpers

    private JsonNode call(String service, String op, ObjectNode req) {
      return api.call(service, op, req);
    }

    private List<JsonNode> paged(String service, String op, ObjectNode req, String items, String token) {
      List<JsonNode> out = new ArrayList<>();
      ObjectNode r = req.deepCopy();
      while (true) {
        JsonNode page = call(service, op, r);
        page.path(items).forEach(out::add);
        String next = page.path(token).asText(null);
        if (next == null || next.isEmpty()) {
          return out;
        }
        r.put(token, next);
      }
    }

    <T, R> List<R> parallel(List<T> items, Function<T, R> f) {
      if (items.size() <= 1) {
        List<R> out = new ArrayList<>();
        items.forEach(i -> out.add(f.apply(i)));
        return out;
      }
      List<Future<R>> futures = new ArrayList<>();
      items.forEach(i -> futures.add(pool.submit(() -> f.apply(i))));
      List<R> out = new ArrayList<>();
      for (Future<R> fu : futures) {
        try {
          out.add(fu.get());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
          if (e.getCause() instanceof RuntimeException re) {
            throw re;
          }
          throw new IllegalStateException(e.getCause());
        }
      }
      return out;
    }
  }

  /**
   * What the plan needs besides the service's configuration: its scheduling strategy, and how its
   * last deployment ended with how many tasks run (a FAILED deployment leaves nothing to diff, yet
   * apply must deploy again).
   */
  static Map<String, String> serviceIds(JsonNode s) {
    Map<String, String> ids = new LinkedHashMap<>();
    ids.put("schedulingStrategy", s.path("schedulingStrategy").asText("REPLICA"));
    JsonNode primary = primaryDeployment(s);
    if (primary.hasNonNull("rolloutState")) {
      ids.put("rolloutState", primary.path("rolloutState").asText());
      ids.put("rolloutStateReason", primary.path("rolloutStateReason").asText(""));
    }
    ids.put("runningCount", Integer.toString(s.path("runningCount").asInt(0)));
    ids.put("desiredCount", Integer.toString(s.path("desiredCount").asInt(0)));
    return ids;
  }

  /** The CreateService-shaped view of a DescribeServices entry. */
  static ObjectNode serviceBody(JsonNode s, String cluster) {
    ObjectNode body = JSON.objectNode();
    body.put("cluster", cluster);
    body.put("serviceName", s.path("serviceName").asText());
    copy(s, body, "taskDefinition", "availabilityZoneRebalancing", "loadBalancers", "serviceRegistries", "desiredCount",
        "launchType", "capacityProviderStrategy", "platformVersion", "deploymentConfiguration", "placementConstraints",
        "placementStrategy", "networkConfiguration", "healthCheckGracePeriodSeconds", "schedulingStrategy",
        "deploymentController", "enableECSManagedTags", "propagateTags", "enableExecuteCommand");
    if (s.hasNonNull("roleArn")) {
      body.set("role", s.get("roleArn"));
    }
    JsonNode primary = primaryDeployment(s);
    copy(primary, body, "serviceConnectConfiguration", "volumeConfigurations", "vpcLatticeConfigurations");
    if (body.path("serviceConnectConfiguration").hasNonNull("namespace")) {
      // Describe answers with the namespace ARN; declarations name it.
      ((ObjectNode) body.get("serviceConnectConfiguration")).put("namespace",
          lastSegment(body.path("serviceConnectConfiguration").path("namespace").asText()));
    }
    return body;
  }

  /**
   * The CreateService-shaped view of a Cloud Map GetService answer. What Cloud Map fills in is left
   * for the comparison's defaults (RoutingPolicy MULTIVALUE, a custom check's FailureThreshold 1);
   * an empty description is none, and DnsConfig's deprecated NamespaceId is the service's own.
   */
  static ObjectNode discoveryServiceBody(JsonNode s, String namespaceId) {
    ObjectNode body = JSON.objectNode();
    body.put("Name", s.path("Name").asText());
    body.put("NamespaceId", namespaceId);
    if (!s.path("Description").asText("").isEmpty()) {
      body.put("Description", s.path("Description").asText());
    }
    if (s.path("DnsConfig").isObject()) {
      ObjectNode dns = s.path("DnsConfig").deepCopy();
      dns.remove("NamespaceId");
      body.set("DnsConfig", dns);
    }
    copy(s, body, "HealthCheckConfig", "HealthCheckCustomConfig", "Type");
    return body;
  }

  static JsonNode primaryDeployment(JsonNode service) {
    for (JsonNode d : service.path("deployments")) {
      if (d.path("status").asText().equals("PRIMARY")) {
        return d;
      }
    }
    return JSON.objectNode();
  }

  static void copy(JsonNode from, ObjectNode to, String... members) {
    for (String m : members) {
      JsonNode v = from.get(m);
      if (v != null && !v.isNull()) {
        to.set(m, v.deepCopy());
      }
    }
  }

  static Map<String, String> tags(JsonNode list, String key, String value) {
    Map<String, String> out = new LinkedHashMap<>();
    if (list.isArray()) {
      for (JsonNode t : list) {
        out.put(t.path(key).asText(), t.path(value).asText(""));
      }
    } else if (list.isObject()) {
      list.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
    }
    return out;
  }

  static String lastSegment(String arn) {
    return arn == null ? null : arn.substring(arn.lastIndexOf('/') + 1);
  }

  static <T> List<List<T>> batches(Collection<T> items, int size) {
    List<List<T>> out = new ArrayList<>();
    List<T> current = new ArrayList<>();
    for (T t : items) {
      current.add(t);
      if (current.size() == size) {
        out.add(current);
        current = new ArrayList<>();
      }
    }
    if (!current.isEmpty()) {
      out.add(current);
    }
    return out;
  }
}
