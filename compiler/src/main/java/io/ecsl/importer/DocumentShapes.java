package io.ecsl.importer;

import static io.ecsl.diag.LanguageCode.IMPORT_UNKNOWN_DOCUMENT;
import static io.ecsl.diag.LanguageCode.IMPORT_UNKNOWN_MEMBER;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.diag.Diagnostic;
import io.ecsl.diag.Diagnostics;
import io.ecsl.model.SpanIndex;
import io.ecsl.schema.ServiceModel;
import io.ecsl.schema.Shape;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Recognises what a JSON document holds: the request itself (RegisterTaskDefinition,
 * CreateService/UpdateService, CreateCluster, CreateCapacityProvider input), a Describe or Create
 * response wrapper ({@code {"taskDefinition": …}}, {@code {"services": […]}}, {@code {"cluster": …}},
 * {@code {"capacityProviders": […]}}), or a bare Describe object.
 */
final class DocumentShapes {
  private DocumentShapes() {}

  /**
   * One resource found in a document.
   *
   * @param pointer where its object is in the document
   * @param response true when it is Describe/Create output (response-only members are dropped knowingly)
   * @param tagsPointer a top-level {@code tags} beside the object (DescribeTaskDefinition), or null
   */
  record Found(ImportKind kind, String pointer, ObjectNode object, boolean response, String tagsPointer) {}

  /** Wrapper members of responses that carry no configuration, dropped knowingly. */
  private static final Set<String> RESPONSE_EXTRAS = Set.of("failures", "nextToken", "ResponseMetadata");

  static List<Found> recognize(JsonDocument doc, Diagnostics diagnostics) {
    JsonNode root = doc.root();
    List<Found> found = new ArrayList<>();
    if (!(root instanceof ObjectNode obj)) {
      diagnostics.add(Diagnostic.error(IMPORT_UNKNOWN_DOCUMENT, doc.span(""), "expected a JSON object, found " + describe(root))
          .withHint(root.isArray() ? "a bare list of container definitions is not a task definition: wrap it as "
              + "{\"family\": \"NAME\", \"containerDefinitions\": [ … ]}" : "import a task definition, service, cluster "
              + "or capacity provider (request or Describe output)"));
      return found;
    }
    if (wrapper(doc, obj, found, diagnostics)) {
      return found;
    }
    ImportKind kind = bareKind(obj);
    if (kind == null) {
      diagnostics.add(Diagnostic.error(IMPORT_UNKNOWN_DOCUMENT, doc.span(""), "this JSON is not an ECS task definition, service, "
          + "cluster or capacity provider, nor an ELB target group, load balancer, listener or rule")
          .withHint("`ecsl import` reads RegisterTaskDefinition, CreateService, CreateCluster and CreateCapacityProvider requests"
              + " and the Describe output of the same resources, and `aws elbv2 describe-target-groups`, `describe-load-balancers`,"
              + " `describe-listeners` and `describe-rules` output"));
      return found;
    }
    found.add(new Found(kind, "", obj, isResponse(kind, obj), null));
    return found;
  }

  /** Response wrappers; true when the document is one (even if it holds nothing usable). */
  private static boolean wrapper(JsonDocument doc, ObjectNode obj, List<Found> found, Diagnostics diagnostics) {
    if (obj.get("taskDefinition") instanceof ObjectNode td) {
      found.add(new Found(ImportKind.TASK_DEFINITION, "/taskDefinition", td, isResponse(ImportKind.TASK_DEFINITION, td),
          obj.has("tags") ? "/tags" : null));
      others(doc, obj, Set.of("taskDefinition", "tags"), diagnostics);
      return true;
    }
    if (obj.get("daemonTaskDefinition") instanceof ObjectNode td) { // describe-daemon-task-definition
      found.add(new Found(ImportKind.DAEMON_TASK_DEFINITION, "/daemonTaskDefinition", td,
          isResponse(ImportKind.DAEMON_TASK_DEFINITION, td), obj.has("tags") ? "/tags" : null));
      others(doc, obj, Set.of("daemonTaskDefinition", "tags"), diagnostics);
      return true;
    }
    for (ImportKind kind : ImportKind.values()) {
      String single = switch (kind) {
        case DAEMON -> "daemon"; // describe-daemon
        case SERVICE -> "service";
        case CLUSTER -> "cluster";
        case CAPACITY_PROVIDER -> "capacityProvider";
        case DISCOVERY_SERVICE -> "Service"; // servicediscovery get-service, create-service
        default -> null;
      };
      String plural = switch (kind) {
        // list-services does not say which namespace a Cloud Map service is in: get-service does
        case TASK_DEFINITION, DAEMON_TASK_DEFINITION, DAEMON, DISCOVERY_SERVICE -> null;
        // describe-target-groups, describe-load-balancers, describe-listeners, describe-rules
        case TARGET_GROUP -> "TargetGroups";
        case LOAD_BALANCER -> "LoadBalancers";
        case LISTENER -> "Listeners";
        case LISTENER_RULE -> "Rules";
        default -> single + "s";
      };
      if (single != null && obj.get(single) instanceof ObjectNode one) {
        found.add(new Found(kind, "/" + single, one, true, null));
        others(doc, obj, Set.of(single), diagnostics);
        return true;
      }
      if (plural != null && obj.get(plural) instanceof com.fasterxml.jackson.databind.node.ArrayNode empty && empty.isEmpty()
          && kind.elb()) {
        others(doc, obj, Set.of(plural), diagnostics);
        return true; // describe-… found none: nothing to import, and nothing wrong
      }
      if (plural != null && obj.get(plural) instanceof com.fasterxml.jackson.databind.node.ArrayNode list
          && !list.isEmpty() && allObjects(list)) {
        for (int i = 0; i < list.size(); i++) {
          found.add(new Found(kind, "/" + plural + "/" + i, (ObjectNode) list.get(i), true, null));
        }
        others(doc, obj, Set.of(plural), diagnostics);
        return true;
      }
    }
    return false;
  }

  private static boolean allObjects(JsonNode list) {
    for (JsonNode n : list) {
      if (!n.isObject()) {
        return false;
      }
    }
    return true;
  }

  /** Reports top-level members of a wrapper that are not part of the response. */
  private static void others(JsonDocument doc, ObjectNode obj, Set<String> used, Diagnostics diagnostics) {
    for (Iterator<String> it = obj.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!used.contains(key) && !RESPONSE_EXTRAS.contains(key)) {
        String pointer = "/" + SpanIndex.escape(key);
        diagnostics.add(Diagnostic.warning(IMPORT_UNKNOWN_MEMBER, doc.keySpan(pointer), "`" + key
            + "` is not part of the ECS API; dropped").withHint("this member sits beside the resource in a response wrapper"));
      }
    }
  }

  /** Which resource a bare object is: by the members that identify it, else by the most members in common. */
  static ImportKind bareKind(ObjectNode obj) {
    if (obj.has("NamespaceId") || obj.has("DnsConfig") || obj.has("HealthCheckCustomConfig")) {
      return ImportKind.DISCOVERY_SERVICE; // Cloud Map's members (ECS's are camelCase, ELB's others)
    }
    if (obj.has("daemonTaskDefinitionArn") && obj.has("containerDefinitions")) {
      return ImportKind.DAEMON_TASK_DEFINITION; // DescribeDaemonTaskDefinition's object (its request looks like a task's)
    }
    if (obj.has("daemonName") || obj.has("daemonArn")) {
      return ImportKind.DAEMON;
    }
    if (obj.has("containerDefinitions") || obj.has("family") || obj.has("taskDefinitionArn")) {
      return ImportKind.TASK_DEFINITION;
    }
    if (obj.has("serviceName") || obj.has("serviceArn") || obj.get("service") != null && obj.get("service").isTextual()
        || obj.get("taskDefinition") != null && obj.get("taskDefinition").isTextual()) {
      return ImportKind.SERVICE;
    }
    if (obj.has("clusterName") || obj.has("clusterArn")) {
      return ImportKind.CLUSTER;
    }
    if (obj.has("autoScalingGroupProvider") || obj.has("managedInstancesProvider") || obj.has("capacityProviderArn")) {
      return ImportKind.CAPACITY_PROVIDER;
    }
    if (obj.has("TargetGroupArn") && !obj.has("DefaultActions") || obj.has("TargetGroupName") || obj.has("HealthCheckProtocol")) {
      return ImportKind.TARGET_GROUP;
    }
    if (obj.has("LoadBalancerName") || obj.has("DNSName") || obj.has("Scheme")) {
      return ImportKind.LOAD_BALANCER;
    }
    if (obj.has("ListenerArn") || obj.has("DefaultActions")) {
      return ImportKind.LISTENER;
    }
    if (obj.has("RuleArn") || obj.has("Conditions")) {
      return ImportKind.LISTENER_RULE;
    }
    ImportKind best = null;
    int bestCount = 0;
    for (ImportKind kind : ImportKind.values()) {
      Shape input = kind.model().input(kind.operation);
      Shape output = kind.model().shape(kind.outputShape);
      int count = 0;
      for (Iterator<Map.Entry<String, JsonNode>> it = obj.fields(); it.hasNext(); ) {
        String key = it.next().getKey();
        if (input.members().containsKey(key) || output.members().containsKey(key)) {
          count++;
        }
      }
      if (count > bestCount) {
        best = kind;
        bestCount = count;
      }
    }
    return best;
  }

  private static boolean isResponse(ImportKind kind, ObjectNode obj) {
    if (kind == ImportKind.LISTENER_RULE && obj.path("Priority").isTextual()) {
      return true; // DescribeRules gives the priority as a string ("10"); CreateRule takes a number
    }
    for (String marker : kind.responseMarkers) {
      // platformFamily and roleArn alone do not make a Describe document: they are the usual mistakes.
      if (obj.has(marker) && !marker.equals("platformFamily") && !marker.equals("roleArn")) {
        return true;
      }
    }
    return false;
  }

  static String describe(JsonNode n) {
    return switch (n.getNodeType()) {
      case ARRAY -> "a list";
      case OBJECT -> "an object";
      case STRING -> "the string \"" + abbreviate(n.asText()) + "\"";
      case NUMBER -> "the number " + n.asText();
      case BOOLEAN -> n.asText();
      case NULL -> "null";
      default -> n.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    };
  }

  static String abbreviate(String s) {
    return s.length() > 40 ? s.substring(0, 37) + "…" : s;
  }
}
