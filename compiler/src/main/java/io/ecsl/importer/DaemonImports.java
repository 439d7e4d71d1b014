package io.ecsl.importer;

import static io.ecsl.diag.LanguageCode.IMPORT_DAEMON_DEFINITION_ALONE;
import static io.ecsl.diag.LanguageCode.IMPORT_DAEMON_NO_DEPLOYMENT;
import static io.ecsl.diag.LanguageCode.IMPORT_DAEMON_OTHER_REVISION;
import static io.ecsl.diag.LanguageCode.IMPORT_DAEMON_RUNS_UNKNOWN;
import static io.ecsl.diag.LanguageCode.IMPORT_DAEMON_TAGS_DIFFER;
import static io.ecsl.diag.LanguageCode.IMPORT_DAEMON_WITHOUT_DEFINITION;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.diag.Diagnostic;
import io.ecsl.diag.Diagnostics;
import io.ecsl.model.ArnPlaceholder;
import io.ecsl.model.ResourceKind;
import io.ecsl.schema.ServiceModel;
import io.ecsl.source.SourceFile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Managed Daemons in {@code ecsl import}. The language declares a daemon and its daemon task
 * definition as one {@code daemon} (ecs-runtime-integrations §7.4), so each imported daemon is paired
 * with the imported definition of the family it runs, which is then written inside it.
 *
 * <p>DescribeDaemon answers only the daemon's ARN, cluster and current revisions with their capacity
 * providers; what it runs (task definition, tag propagation, managed tags, execute command) is in
 * {@code aws ecs describe-daemon-revisions} output, and its deployment configuration in
 * {@code describe-daemon-deployments} output. Those two documents are read here beside the
 * daemon's, and complete it: the newest revision of the daemon, and the deployment that targets it.
 */
final class DaemonImports {
  /** daemonArn → its revisions (DescribeDaemonRevisions). */
  private final Map<String, List<JsonNode>> revisions = new HashMap<>();
  /** daemon revision ARN → the deployment that targets it (DescribeDaemonDeployments). */
  private final Map<String, JsonNode> deployments = new HashMap<>();

  /** True (after keeping what it says) when the document is describe-daemon-revisions or -deployments output. */
  boolean supplement(JsonDocument doc) {
    JsonNode root = doc.root();
    boolean found = false;
    for (JsonNode r : root.path("daemonRevisions")) {
      revisions.computeIfAbsent(r.path("daemonArn").asText(), k -> new ArrayList<>()).add(r);
      found = true;
    }
    for (JsonNode d : root.path("daemonDeployments")) {
      String target = d.path("targetDaemonRevision").path("arn").asText(null);
      if (target != null) {
        deployments.merge(target, d, (a, b) -> b.path("createdAt").asDouble(0) >= a.path("createdAt").asDouble(0) ? b : a);
      }
      found = true;
    }
    return found || root.has("daemonRevisions") && root.path("daemonRevisions").isArray()
        || root.has("daemonDeployments") && root.path("daemonDeployments").isArray();
  }

  /**
   * Completes DescribeDaemon output, pairs each daemon with its definition (its request then names
   * the definition by placeholder, as a build does) and leaves out definitions no daemon runs.
   */
  void pair(Map<SourceFile, List<ImportedResource>> files, Diagnostics diagnostics) {
    Map<String, ImportedResource> definitions = new LinkedHashMap<>();
    files.values().forEach(list -> list.stream().filter(r -> r.kind() == ImportKind.DAEMON_TASK_DEFINITION && r.name() != null)
        .forEach(r -> definitions.putIfAbsent(r.name(), r)));
    Map<String, ImportedResource> paired = new HashMap<>();
    java.util.Set<ImportedResource> leftOut = new java.util.HashSet<>();
    for (List<ImportedResource> list : files.values()) {
      for (ImportedResource daemon : list) {
        if (daemon.kind() != ImportKind.DAEMON || daemon.name() == null) {
          continue;
        }
        if (!daemon.request().has("daemonTaskDefinitionArn") && !complete(daemon, diagnostics)) {
          leftOut.add(daemon);
          continue;
        }
        String ref = daemon.request().path("daemonTaskDefinitionArn").asText();
        String family = family(daemon.request());
        ImportedResource definition = definitions.get(family);
        if (definition == null) {
          leftOut.add(daemon);
          diagnostics.add(Diagnostic.warning(IMPORT_DAEMON_WITHOUT_DEFINITION, daemon.span(), daemon.address() + " runs daemon"
              + " task definition " + shortRef(ref) + ", which is not among the imported documents; left out")
              .withHint("a `daemon` declaration holds its task definition: import the output of `aws ecs"
                  + " describe-daemon-task-definition --daemon-task-definition " + shortRef(ref) + "` with it"));
          continue;
        }
        Integer runs = revisionOf(ref);
        if (runs != null && definition.revision() != null && !runs.equals(definition.revision())) {
          diagnostics.add(Diagnostic.warning(IMPORT_DAEMON_OTHER_REVISION, daemon.span(), daemon.address() + " runs "
              + family + ":" + runs + ", but the imported definition is " + family + ":" + definition.revision()
              + "; the declaration describes the imported one, and apply deploys it as a new revision")
              .withHint("import the revision the daemon runs if it is the one to keep"));
        }
        Map<String, String> daemonTags = tags(daemon.request());
        Map<String, String> definitionTags = tags(definition.request());
        // DescribeDaemonTaskDefinition gives no tags: only a document that states some can disagree.
        if (!definitionTags.isEmpty() && !daemonTags.equals(definitionTags)) {
          diagnostics.add(Diagnostic.warning(IMPORT_DAEMON_TAGS_DIFFER, daemon.span(), daemon.address() + " and its daemon"
              + " task definition have different tags (" + daemonTags + " and " + definitionTags + "); a `daemon`"
              + " declaration's tags go to both, so the daemon's are written")
              .withHint("check the tags of the declaration: the definition's next revision gets them too"));
        }
        daemon.request().put("daemonTaskDefinitionArn", ArnPlaceholder.of(ResourceKind.DAEMON_TASK_DEFINITION, family));
        paired.put(family, definition);
      }
    }
    for (List<ImportedResource> list : files.values()) {
      list.removeIf(leftOut::contains);
      list.removeIf(r -> {
        if (r.kind() != ImportKind.DAEMON_TASK_DEFINITION || r.name() == null || paired.get(r.name()) == r) {
          return false;
        }
        diagnostics.add(Diagnostic.warning(IMPORT_DAEMON_DEFINITION_ALONE, r.span(), r.address() + " is run by no imported"
            + " daemon; it is left out (a daemon task definition is declared inside its `daemon`)")
            .withHint("import the daemon that runs it too (`aws ecs describe-daemon` and `describe-daemon-revisions` output)"));
        return true;
      });
    }
  }

  /** The definitions paired with daemons, by family: the source writes each inside its daemon. */
  static Map<String, ImportedResource> definitions(List<ImportedResource> all) {
    Map<String, ImportedResource> out = new HashMap<>();
    all.stream().filter(r -> r.kind() == ImportKind.DAEMON_TASK_DEFINITION && r.name() != null)
        .forEach(r -> out.putIfAbsent(r.name(), r));
    return out;
  }

  /** Fills a DescribeDaemon daemon in from its newest revision and that revision's deployment; false when it cannot. */
  private boolean complete(ImportedResource daemon, Diagnostics diagnostics) {
    List<JsonNode> own = daemon.arn() == null ? List.of() : revisions.getOrDefault(daemon.arn(), List.of());
    if (own.isEmpty()) {
      diagnostics.add(Diagnostic.warning(IMPORT_DAEMON_RUNS_UNKNOWN, daemon.span(), "DescribeDaemon does not say what "
          + daemon.address() + " runs; left out").withHint("import the output of `aws ecs describe-daemon-revisions"
          + " --daemon-revision-arns ARN` (ARN: the daemon's `currentRevisions[].arn`) with it, and `aws ecs"
          + " describe-daemon-deployments --daemon-deployment-arns ARN` (its `deploymentArn`) for its deployment configuration"));
      return false;
    }
    JsonNode newest = own.get(0);
    for (JsonNode r : own) {
      if (r.path("createdAt").asDouble(0) > newest.path("createdAt").asDouble(0)) {
        newest = r;
      }
    }
    ObjectNode request = daemon.request();
    request.put("daemonTaskDefinitionArn", newest.path("daemonTaskDefinitionArn").asText());
    for (String m : List.of("propagateTags", "enableECSManagedTags", "enableExecuteCommand")) {
      if (newest.hasNonNull(m) && !request.has(m)) {
        request.set(m, newest.get(m).deepCopy());
      }
    }
    JsonNode deployment = deployments.get(newest.path("daemonRevisionArn").asText());
    if (deployment == null) {
      diagnostics.add(Diagnostic.warning(IMPORT_DAEMON_NO_DEPLOYMENT, daemon.span(), "the deployment configuration of "
          + daemon.address() + " is not known (DescribeDaemon does not give it); the declaration leaves it to ECS")
          .withHint("import the output of `aws ecs describe-daemon-deployments --daemon-deployment-arns ARN` (ARN: the"
              + " daemon's `deploymentArn`) with it"));
    } else if (deployment.get("deploymentConfiguration") instanceof ObjectNode config && !request.has("deploymentConfiguration")) {
      ObjectNode kept = config.objectNode();
      for (String m : List.of("drainPercent", "alarms", "bakeTimeInMinutes")) {
        JsonNode v = config.get(m);
        if (v != null && !v.isNull()) {
          // The CLI prints a drain percent as a double (25.0); a build writes 25 for `25%`.
          kept.set(m, v.isFloatingPointNumber() && v.asDouble() == Math.rint(v.asDouble())
              ? kept.numberNode(v.asLong()) : v.deepCopy());
        }
      }
      request.set("deploymentConfiguration", kept);
    }
    inModelOrder(request);
    return true;
  }

  /** Members in CreateDaemon's order, as every imported request has them. */
  private static void inModelOrder(ObjectNode request) {
    ObjectNode copy = request.deepCopy();
    request.removeAll();
    for (String m : ServiceModel.get(ServiceModel.ECS).input("CreateDaemon").members().keySet()) {
      if (copy.has(m)) {
        request.set(m, copy.get(m));
      }
    }
  }

  private static Map<String, String> tags(ObjectNode request) {
    Map<String, String> out = new LinkedHashMap<>();
    request.path("tags").forEach(t -> out.put(t.path("key").asText(), t.path("value").asText()));
    return out;
  }

  /** The family a CreateDaemon request runs: its placeholder's name, or its ARN's family. */
  static String family(ObjectNode createDaemon) {
    String ref = createDaemon.path("daemonTaskDefinitionArn").asText();
    ArnPlaceholder placeholder = ArnPlaceholder.parse(ref);
    return placeholder != null ? placeholder.name() : familyOf(ref);
  }

  /** {@code arn:…:daemon-task-definition/agent:3} → {@code agent}. */
  static String familyOf(String ref) {
    String s = shortRef(ref);
    int colon = s.lastIndexOf(':');
    return colon < 0 ? s : s.substring(0, colon);
  }

  private static String shortRef(String ref) {
    return ref.substring(ref.lastIndexOf('/') + 1);
  }

  private static Integer revisionOf(String ref) {
    String s = shortRef(ref);
    int colon = s.lastIndexOf(':');
    if (colon < 0) {
      return null;
    }
    try {
      return Integer.valueOf(s.substring(colon + 1));
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
