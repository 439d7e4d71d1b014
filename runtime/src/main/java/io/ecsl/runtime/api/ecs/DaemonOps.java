package io.ecsl.runtime.api.ecs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.facts.daemon.DaemonLimits;
import io.ecsl.facts.limits.EcsName;
import io.ecsl.runtime.api.ApiException;
import io.ecsl.runtime.api.Pages;
import io.ecsl.runtime.api.Pages.Paging;
import io.ecsl.runtime.api.RequestContext;
import io.ecsl.runtime.api.Requests;
import io.ecsl.runtime.daemons.DaemonDeployments;
import io.ecsl.runtime.engine.ClusterProviders;
import io.ecsl.runtime.engine.ControlPlane;
import io.ecsl.runtime.engine.RuntimeState;
import io.ecsl.runtime.json.Json;
import io.ecsl.runtime.model.Arns;
import io.ecsl.runtime.model.DaemonEntity;
import io.ecsl.runtime.model.Ids;
import io.ecsl.runtime.store.Tag;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * CreateDaemon, UpdateDaemon, DeleteDaemon, DescribeDaemon and ListDaemons (integrations §7.4).
 * Each create or update snapshots the daemon's configuration as a new immutable revision and starts
 * a daemon deployment to it; the engine's daemon stage rolls the instances.
 */
final class DaemonOps {
  static final String NOT_FOUND = "DaemonNotFoundException";
  static final String NOT_ACTIVE = "DaemonNotActiveException";
  /** **EMU**: the console's default drain percentage (the API model leaves drainPercent without one). */
  static final double DEFAULT_DRAIN_PERCENT = 25.0;

  private final ControlPlane plane;
  private final RuntimeState state;
  private final EcsResolver resolver;

  DaemonOps(ControlPlane plane, EcsResolver resolver) {
    this.plane = plane;
    this.state = plane.state();
    this.resolver = resolver;
  }

  JsonNode create(JsonNode request, RequestContext context) {
    String name = Requests.required(request, "daemonName");
    if (!EcsName.DAEMON.isValid(name)) {
      throw ApiException.invalidParameter("Invalid daemonName '" + name + "': use 1 to 255 letters, digits, hyphens"
          + " and underscores.");
    }
    String token = Json.text(request, "clientToken");
    if (token != null && !DaemonLimits.clientTokenFits(token)) {
      throw ApiException.invalidParameter("Invalid clientToken: use 1 to " + DaemonLimits.MAX_CLIENT_TOKEN
          + " printable ASCII characters (33-126).");
    }
    List<Tag> tags = Requests.ecsTags(request.get("tags"));
    ObjectNode configuration = deploymentConfiguration(request.get("deploymentConfiguration"));
    String propagateTags = propagateTags(request);
    JsonNode response = state.atomically(() -> {
      ObjectNode cluster = resolver.activeCluster(context, Arns.inLocalAccount(Json.text(request, "clusterArn")));
      String clusterArn = Json.text(cluster, "clusterArn");
      String clusterName = Json.text(cluster, "clusterName");
      String arn = Arns.daemon(context.region(), clusterName, name);
      DaemonEntity existing = state.daemons.get(arn);
      if (existing != null && existing.isActive()) {
        if (token != null && token.equals(existing.clientToken)) {
          return created(existing);
        }
        throw ApiException.invalidParameter("Creation of daemon was not idempotent: daemon " + name + " already exists"
            + " in cluster " + clusterName + " (update it with UpdateDaemon, or give another daemonName).");
      }
      if (existing != null) {
        throw ApiException.invalidParameter("Daemon " + name + " in cluster " + clusterName + " is still being deleted"
            + " (DELETE_IN_PROGRESS); create it again once DescribeDaemon no longer finds it.");
      }
      ObjectNode definition = activeDefinition(context, Arns.inLocalAccount(Requests.required(request,
          "daemonTaskDefinitionArn")));
      List<String> providers = capacityProviders(context, cluster, request);
      Instant now = plane.clock().instant();
      DaemonEntity daemon = new DaemonEntity();
      daemon.daemonArn = arn;
      daemon.daemonName = name;
      daemon.clusterArn = clusterArn;
      daemon.clusterName = clusterName;
      daemon.region = context.region();
      daemon.clientToken = token;
      daemon.createdAt = now;
      daemon.updatedAt = now;
      daemon.capacityProviderArns = providers;
      deploy(daemon, definition, configuration, propagateTags, request, now);
      state.daemons.put(arn, daemon);
      if (!tags.isEmpty()) {
        state.putTags(arn, tags);
      }
      return created(daemon);
    });
    plane.requestTick();
    return response;
  }

  private static ObjectNode created(DaemonEntity daemon) {
    ObjectNode response = Json.object();
    response.put("daemonArn", daemon.daemonArn);
    response.put("status", daemon.status);
    response.set("createdAt", Json.timestamp(daemon.createdAt));
    response.put("deploymentArn", daemon.deployments.get(0).daemonDeploymentArn);
    return response;
  }

  JsonNode update(JsonNode request, RequestContext context) {
    String arn = Arns.inLocalAccount(Requests.required(request, "daemonArn"));
    String definitionArn = Arns.inLocalAccount(Requests.required(request, "daemonTaskDefinitionArn"));
    ObjectNode configuration = deploymentConfiguration(request.get("deploymentConfiguration"));
    String propagateTags = propagateTags(request);
    JsonNode response = state.atomically(() -> {
      DaemonEntity daemon = existing(context, arn).copy();
      if (!daemon.isActive()) {
        throw new ApiException(NOT_ACTIVE, "The daemon " + arn + " is " + daemon.status + ": only an ACTIVE daemon can be"
            + " updated; create it again with CreateDaemon once it is deleted.");
      }
      ObjectNode cluster = resolver.activeCluster(context, daemon.clusterArn);
      ObjectNode definition = activeDefinition(context, definitionArn);
      daemon.capacityProviderArns = capacityProviders(context, cluster, request);
      Instant now = plane.clock().instant();
      daemon.updatedAt = now;
      deploy(daemon, definition, configuration, propagateTags, request, now);
      state.daemons.put(daemon.daemonArn, daemon);
      return changed(daemon);
    });
    plane.requestTick();
    return response;
  }

  JsonNode delete(JsonNode request, RequestContext context) {
    String arn = Arns.inLocalAccount(Requests.required(request, "daemonArn"));
    JsonNode response = state.atomically(() -> {
      DaemonEntity daemon = existing(context, arn).copy();
      if (!daemon.isActive()) {
        throw new ApiException(NOT_ACTIVE, "The daemon " + arn + " is already " + daemon.status + ".");
      }
      Instant now = plane.clock().instant();
      DaemonEntity.Deployment active = daemon.activeDeployment();
      if (active != null) {
        DaemonDeployments.stop(active, "The daemon was deleted.", now);
      }
      daemon.status = DaemonEntity.DELETE_IN_PROGRESS;
      daemon.updatedAt = now;
      state.daemons.put(daemon.daemonArn, daemon);
      return changed(daemon);
    });
    plane.requestTick();
    return response;
  }

  private static ObjectNode changed(DaemonEntity daemon) {
    ObjectNode response = created(daemon);
    response.set("updatedAt", Json.timestamp(daemon.updatedAt));
    return response;
  }

  JsonNode describe(JsonNode request, RequestContext context) {
    String arn = Arns.inLocalAccount(Requests.required(request, "daemonArn"));
    return state.atomically(() -> {
      DaemonEntity daemon = existing(context, arn);
      ObjectNode response = Json.object();
      response.set("daemon", DaemonDeployments.detail(daemon, DaemonDeployments.placements(state, daemon)));
      return response;
    });
  }

  JsonNode list(JsonNode request, RequestContext context) {
    List<String> providerFilter = Json.strings(request, "capacityProviderArns");
    return state.atomically(() -> {
      String clusterArn = resolver.existingClusterArn(context, Arns.inLocalAccount(Json.text(request, "clusterArn")));
      List<String> wanted = new ArrayList<>();
      for (String provider : providerFilter) {
        wanted.add(Arns.isArn(provider) ? Arns.inLocalAccount(provider) : Arns.capacityProvider(context.region(), provider));
      }
      List<ObjectNode> summaries = new ArrayList<>();
      for (DaemonEntity daemon : state.daemons.values()) {
        boolean matches = daemon.clusterArn.equals(clusterArn)
            && (wanted.isEmpty() || daemon.capacityProviderArns.stream().anyMatch(wanted::contains));
        if (matches) {
          ObjectNode summary = Json.object();
          summary.put("daemonArn", daemon.daemonArn);
          summary.put("status", daemon.status);
          summary.set("createdAt", Json.timestamp(daemon.createdAt));
          summary.set("updatedAt", Json.timestamp(daemon.updatedAt));
          summaries.add(summary);
        }
      }
      return Pages.response(Paging.ECS, request, summaries, "daemonSummariesList", 100, 100);
    });
  }

  /** The daemon an ARN names in the caller's region, or DaemonNotFoundException. */
  DaemonEntity existing(RequestContext context, String arn) {
    if (!Arns.isArn(arn) || !arn.contains(":daemon/")) {
      throw ApiException.invalidParameter("Invalid daemonArn '" + arn + "': give the daemon's ARN"
          + " (arn:aws:ecs:REGION:ACCOUNT:daemon/CLUSTER/NAME), as CreateDaemon and ListDaemons return it.");
    }
    DaemonEntity daemon = context.region().equals(Arns.regionOf(arn)) ? state.daemons.get(arn) : null;
    if (daemon == null) {
      throw new ApiException(NOT_FOUND, "Daemon not found: " + arn + ". Daemons belong to one cluster and Region;"
          + " list them with ListDaemons.");
    }
    return daemon;
  }

  private ObjectNode activeDefinition(RequestContext context, String reference) {
    ObjectNode definition = DaemonTaskDefinitionOps.find(state, context, reference);
    if (definition == null || DaemonTaskDefinitionOps.DELETED.equals(Json.text(definition, "status"))) {
      throw ApiException.client("Daemon task definition not found: " + reference + " (register it with"
          + " RegisterDaemonTaskDefinition and give the ARN it returns).");
    }
    if (!DaemonTaskDefinitionOps.ACTIVE.equals(Json.text(definition, "status"))) {
      throw ApiException.client("The daemon task definition " + Json.text(definition, "daemonTaskDefinitionArn")
          + " is " + Json.text(definition, "status") + ": a daemon needs an ACTIVE daemon task definition.");
    }
    return definition;
  }

  /** The request's capacity providers as ARNs: each an ACTIVE Managed Instances provider of the cluster. */
  private List<String> capacityProviders(RequestContext context, ObjectNode cluster, JsonNode request) {
    List<String> given = Json.strings(request, "capacityProviderArns");
    if (given.isEmpty()) {
      throw ApiException.invalidParameter("capacityProviderArns must name at least one " + DaemonLimits.SUPPORTED_PROVIDERS
          + " of cluster " + Json.text(cluster, "clusterName") + ".");
    }
    String clusterArn = Json.text(cluster, "clusterArn");
    List<String> arns = new ArrayList<>();
    for (String reference : given) {
      String arn = Arns.isArn(reference) ? Arns.inLocalAccount(reference) : Arns.capacityProvider(context.region(), reference);
      ObjectNode provider = state.capacityProviders.get(arn);
      if (provider == null || !"ACTIVE".equals(Json.text(provider, "status"))) {
        throw ApiException.invalidParameter("The capacity provider " + reference + " does not exist; create a Managed"
            + " Instances capacity provider for cluster " + Json.text(cluster, "clusterName") + " first.");
      }
      if (!ClusterProviders.isManagedInstances(provider)) {
        throw ApiException.invalidParameter("The capacity provider " + Json.text(provider, "name") + " is not a Managed"
            + " Instances capacity provider: ECS Managed Daemons is only supported for " + DaemonLimits.SUPPORTED_PROVIDERS
            + ".");
      }
      if (!clusterArn.equals(ClusterProviders.clusterArnOf(provider))) {
        throw ApiException.invalidParameter("The capacity provider " + Json.text(provider, "name") + " belongs to"
            + " another cluster: a daemon in " + Json.text(cluster, "clusterName") + " runs on that cluster's Managed"
            + " Instances capacity providers only.");
      }
      if (!arns.contains(arn)) {
        arns.add(arn);
      }
    }
    return arns;
  }

  /** DaemonDeploymentConfiguration with ECS's defaults filled in. */
  private static ObjectNode deploymentConfiguration(JsonNode given) {
    ObjectNode configuration = given != null && given.isObject() ? ((ObjectNode) given).deepCopy() : Json.object();
    JsonNode drain = configuration.get("drainPercent");
    if (drain == null || drain.isNull()) {
      configuration.put("drainPercent", DEFAULT_DRAIN_PERCENT);
    } else if (!DaemonLimits.drainPercentFits(drain.asDouble())) {
      throw ApiException.invalidParameter("Invalid deploymentConfiguration.drainPercent " + drain.asText()
          + ": valid values are " + DaemonLimits.MIN_DRAIN_PERCENT + " to " + DaemonLimits.MAX_DRAIN_PERCENT + ".");
    }
    Integer bake = Json.integer(configuration, "bakeTimeInMinutes");
    if (bake == null) {
      configuration.put("bakeTimeInMinutes", DaemonLimits.DEFAULT_BAKE_MINUTES);
    } else if (!DaemonLimits.bakeFits(bake)) {
      throw ApiException.invalidParameter("Invalid deploymentConfiguration.bakeTimeInMinutes " + bake
          + ": valid values are 0 to " + DaemonLimits.MAX_BAKE_MINUTES + " minutes.");
    }
    JsonNode alarms = configuration.get("alarms");
    if (alarms != null && alarms.isObject() && !alarms.has("enable")) {
      ((ObjectNode) alarms).put("enable", false);
    }
    return configuration;
  }

  private static String propagateTags(JsonNode request) {
    String value = Json.text(request, "propagateTags");
    if (value != null && !List.of("DAEMON", "NONE").contains(value)) {
      throw ApiException.invalidParameter("Invalid propagateTags '" + value + "': use DAEMON or NONE.");
    }
    return value;
  }

  /** A new revision of the daemon's configuration and a deployment to it, replacing one in progress. */
  private static void deploy(DaemonEntity daemon, ObjectNode definition, ObjectNode configuration, String propagateTags,
      JsonNode request, Instant now) {
    String revisionArn = Arns.daemonRevision(daemon.region, daemon.clusterName, daemon.daemonName, Ids.alnum("", 20));
    ObjectNode revision = Json.object();
    revision.put("daemonRevisionArn", revisionArn);
    revision.put("clusterArn", daemon.clusterArn);
    revision.put("daemonArn", daemon.daemonArn);
    revision.put("daemonTaskDefinitionArn", Json.text(definition, "daemonTaskDefinitionArn"));
    revision.set("createdAt", Json.timestamp(now));
    ArrayNode images = revision.putArray("containerImages");
    for (JsonNode container : Json.list(definition, "containerDefinitions")) {
      images.addObject().put("containerName", Json.text(container, "name")).put("image", Json.text(container, "image"));
    }
    revision.put("propagateTags", propagateTags == null ? "NONE" : propagateTags);
    revision.put("enableECSManagedTags", Json.bool(request, "enableECSManagedTags", false));
    revision.put("enableExecuteCommand", Json.bool(request, "enableExecuteCommand", false));
    List<String> sources = new ArrayList<>();
    DaemonEntity.Deployment replaced = daemon.activeDeployment();
    if (replaced != null) {
      DaemonDeployments.stop(replaced, "The daemon deployment was replaced by a newer deployment.", now);
    }
    ObjectNode current = daemon.latestRevision();
    if (current != null) {
      sources.add(Json.text(current, "daemonRevisionArn"));
    }
    daemon.revisions.add(revision);
    DaemonEntity.Deployment deployment = new DaemonEntity.Deployment();
    deployment.daemonDeploymentArn = Arns.daemonDeployment(daemon.region, daemon.clusterName, daemon.daemonName,
        Ids.alnum("", 20));
    deployment.targetRevisionArn = revisionArn;
    deployment.sourceRevisionArns = sources;
    deployment.deploymentConfiguration = configuration;
    deployment.capacityProviderArns = new ArrayList<>(daemon.capacityProviderArns);
    deployment.createdAt = now;
    daemon.deployments.add(0, deployment);
  }
}
