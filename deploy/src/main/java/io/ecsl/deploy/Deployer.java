package io.ecsl.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.deploy.plan.Plan;
import io.ecsl.deploy.plan.Planner;
import io.ecsl.deploy.plan.ResourcePlan;
import io.ecsl.deploy.plan.StaleCheck;
import io.ecsl.deploy.state.BuildState;
import io.ecsl.deploy.state.LiveState;
import io.ecsl.deploy.state.ResourceId;
import io.ecsl.deploy.target.AwsApi;
import io.ecsl.deploy.target.Refresher;
import io.ecsl.model.EcsModel;
import io.ecsl.model.Resource;
import io.ecsl.model.ResourceKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The deploy module's entry points: plan a compiled model against a target or a previous build,
 * plan the destruction of what a project owns, and check a saved plan for staleness. The CLI calls
 * these; apply is {@link io.ecsl.deploy.apply.Applier}.
 */
public final class Deployer {
  /** How many describe calls run at once against a target. */
  public static final int REFRESH_PARALLELISM = 8;

  private Deployer() {}

  /** What to read from a target for this model: its resources, and the families and clusters they refer to. */
  public static Refresher.Query query(EcsModel model) {
    Set<ResourceId> wanted = new HashSet<>();
    Set<String> families = new TreeSet<>();
    Set<String> clusters = new TreeSet<>();
    java.util.Map<String, String> discoveryNamespaces = new java.util.HashMap<>();
    for (Resource r : model.resources()) {
      wanted.add(ResourceId.of(r));
      switch (r.kind()) {
        case DISCOVERY_SERVICE -> {
          // ${namespace:internal} → internal; the id (or ARN) of a namespace managed elsewhere → its id
          String ns = r.primary().body().path("NamespaceId").asText("");
          io.ecsl.model.ArnPlaceholder p = io.ecsl.model.ArnPlaceholder.parse(ns);
          discoveryNamespaces.put(r.name(), p != null ? p.name() : ns.substring(ns.lastIndexOf('/') + 1));
        }
        case TASK_DEFINITION -> families.add(r.name());
        case CLUSTER -> clusters.add(r.name());
        case EXPRESS_SERVICE, DAEMON -> clusters.add(r.cluster());
        case SERVICE, SCALING -> {
          clusters.add(r.cluster());
          JsonNode td = r.primary().body().get("taskDefinition");
          if (td != null) {
            families.add(family(td.asText()));
          }
        }
        default -> {}
      }
    }
    return new Refresher.Query(model.project(), wanted, families, clusters, discoveryNamespaces);
  }

  /** Reads the target and plans. */
  public static Plan plan(EcsModel model, AwsApi api, String target, int keepRevisions) {
    LiveState live = new Refresher(api, REFRESH_PARALLELISM).refresh(query(model));
    return Planner.plan(model, live, target, keepRevisions);
  }

  /** The revision {@code ecsl run} runs, and whether it was registered for it. */
  public record RunRevision(String taskDefinitionArn, boolean registered) {}

  /**
   * Makes sure the target has the declared task definition and returns the revision to run: the
   * latest when it matches the declaration, else a new revision registered now (tagged as the
   * project's, as apply would).
   */
  public static RunRevision taskDefinitionToRun(EcsModel model, Resource declared, AwsApi api) {
    ResourceId id = ResourceId.of(declared);
    LiveState live = new Refresher(api, REFRESH_PARALLELISM).refresh(new Refresher.Query(model.project(), Set.of(id),
        Set.of(declared.name()), Set.of()));
    ResourcePlan plan = Planner.planTaskDefinition(model, declared, live);
    String arn = live.get(id) == null ? null : live.get(id).arn();
    boolean registered = false;
    for (var step : plan.steps()) {
      JsonNode response = api.call(step.service(), step.operation(), step.body());
      if (step.operation().equals("RegisterTaskDefinition")) {
        arn = response.path("taskDefinition").path("taskDefinitionArn").asText(null);
        registered = true;
      }
    }
    if (arn == null) {
      arn = live.latestRevision(declared.name());
    }
    return new RunRevision(arn, registered);
  }

  /** Plans against a previous build's output, offline. */
  public static Plan planAgainst(EcsModel model, Path build) throws IOException {
    LiveState live = BuildState.load(build, Refresher.OWNER_TAG);
    try {
      return Planner.plan(model, live, build.toString(), Planner.DEFAULT_KEEP_REVISIONS);
    } catch (UncheckedIOException e) {
      throw e.getCause(); // a request file of the build could not be read (its resources are read as planned)
    }
  }

  /** A plan that deletes everything the project owns in the target (and nothing else). */
  public static Plan destroyPlan(EcsModel model, AwsApi api, String target) {
    LiveState live = new Refresher(api, REFRESH_PARALLELISM).refresh(query(model));
    return Planner.destroy(model, live, target);
  }

  /** Why a saved plan no longer describes the target (empty when it still does). */
  public static List<String> staleness(Plan saved, AwsApi api) {
    Set<ResourceId> wanted = new HashSet<>();
    Set<String> families = new TreeSet<>();
    Set<String> clusters = new TreeSet<>();
    for (ResourcePlan r : saved.resources()) {
      wanted.add(r.id());
      if (r.id().kind() == ResourceKind.TASK_DEFINITION) {
        families.add(r.id().name());
      }
      if (r.id().cluster() != null) {
        clusters.add(r.id().cluster());
      }
      if (r.id().kind() == ResourceKind.CLUSTER) {
        clusters.add(r.id().name());
      }
    }
    LiveState live = new Refresher(api, REFRESH_PARALLELISM).refresh(
        new Refresher.Query(saved.project(), wanted, families, clusters));
    return StaleCheck.check(saved, live);
  }

  private static String family(String ref) {
    String s = ref.startsWith("arn:") ? ref.substring(ref.lastIndexOf('/') + 1) : ref;
    int colon = s.indexOf(':');
    return colon < 0 ? s : s.substring(0, colon);
  }
}
