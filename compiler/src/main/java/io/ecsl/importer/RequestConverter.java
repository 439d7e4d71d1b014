package io.ecsl.importer;

import static io.ecsl.diag.LanguageCode.IMPORT_DESCRIBE_ONLY;
import static io.ecsl.diag.LanguageCode.IMPORT_HEALTH_CHECK_FORM;
import static io.ecsl.diag.LanguageCode.IMPORT_INVALID_VALUE;
import static io.ecsl.diag.LanguageCode.IMPORT_MISSING_REQUIRED;
import static io.ecsl.diag.LanguageCode.IMPORT_NULL;
import static io.ecsl.diag.LanguageCode.IMPORT_SERVICE_UNNAMED;
import static io.ecsl.diag.LanguageCode.IMPORT_UNKNOWN_MEMBER;
import static io.ecsl.diag.LanguageCode.IMPORT_WRONG_TYPE;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.diag.Diagnostic;
import io.ecsl.diag.Diagnostics;
import io.ecsl.diag.Suggestions;
import io.ecsl.model.Canonical;
import io.ecsl.model.SpanIndex;
import io.ecsl.model.TaskDefinitionRef;
import io.ecsl.schema.ServiceModel;
import io.ecsl.schema.Shape;
import io.ecsl.source.Span;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns one recognised JSON object into the API request that creates the resource, checking every
 * value against the ECS model as the API would: a member of the wrong type, an enum value the API
 * does not know, a JSON {@code null} or a missing required member is an error at its JSON location;
 * a member the API does not have is a warning and is dropped; members only Describe returns are
 * dropped knowingly in Describe output and are errors in a request document.
 */
final class RequestConverter {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final JsonDocument doc;
  private final Diagnostics diagnostics;
  private final ServiceModel ecs = ServiceModel.get(ServiceModel.ECS);
  private SpanIndex spans;
  /** The ARN Describe output gives the Elastic Load Balancing resource being converted. */
  private String arn;
  /** How messages name the API of the resource being converted. */
  private String api = "ECS";

  RequestConverter(JsonDocument doc, Diagnostics diagnostics) {
    this.doc = doc;
    this.diagnostics = diagnostics;
  }

  ImportedResource convert(DocumentShapes.Found found) {
    ImportKind kind = found.kind();
    Shape input = kind.model().input(kind.operation);
    Shape output = kind.model().shape(kind.outputShape);
    Span span = doc.span(found.pointer());
    spans = new SpanIndex(span);
    arn = null;
    api = kind.elb() ? "ELBv2" : kind == ImportKind.DISCOVERY_SERVICE ? "Cloud Map" : "ECS";
    Map<String, JsonNode> members = new LinkedHashMap<>();
    ObjectNode obj = found.object();
    String base = found.pointer();
    for (Map.Entry<String, JsonNode> e : obj.properties()) {
      String key = e.getKey();
      String pointer = base + "/" + SpanIndex.escape(key);
      if (special(kind, key, e.getValue(), pointer, obj, members)) {
        continue;
      }
      if (input.members().containsKey(key)) {
        put(members, key, value(e.getValue(), input.member(key), pointer, "/" + SpanIndex.escape(key), key), pointer);
      } else if (output.members().containsKey(key)) {
        if (!found.response()) {
          diagnostics.add(Diagnostic.error(IMPORT_DESCRIBE_ONLY, doc.keySpan(pointer), "`" + key + "` is only returned by Describe"
              + kind.outputShape + "s; " + kind.operation + " does not take it")
              .withHint("remove it: ECS sets `" + key + "` itself (in a Describe document it would be dropped)"));
        }
      } else {
        unknown(key, input, pointer);
      }
    }
    if (found.tagsPointer() != null && input.members().containsKey("tags") && !members.containsKey("tags")) {
      put(members, "tags", value(doc.root().get("tags"), input.member("tags"), found.tagsPointer(), "/tags", "tags"),
          found.tagsPointer());
    }
    String name = nameOf(kind, members, found, span);
    ObjectNode request = JSON.objectNode();
    for (String m : input.members().keySet()) {
      if (members.get(m) != null) {
        request.set(m, members.get(m));
      }
    }
    if (kind == ImportKind.DAEMON && found.response()) {
      // DescribeDaemon does not say what the daemon runs: DaemonImports completes it from the
      // revisions, and says so when it cannot.
      ObjectNode check = request.deepCopy().put("daemonTaskDefinitionArn", "");
      required(input, check, span, kind.operation);
    } else {
      required(input, request, span, kind.operation);
    }
    if (kind == ImportKind.TASK_DEFINITION || kind == ImportKind.DAEMON_TASK_DEFINITION) {
      taskNormalForms(request);
    }
    if (kind.elb()) {
      ElbNormalForms.apply(request);
      name = ElbNormalForms.name(kind, request, name, arn);
    }
    Canonical.sort(request, input, spans, "");
    String cluster = kind == ImportKind.SERVICE && request.has("cluster") ? request.get("cluster").asText() : null;
    if (kind == ImportKind.DAEMON) {
      cluster = afterSlash(request.path("clusterArn").asText("default"));
    }
    Integer revision = kind == ImportKind.TASK_DEFINITION ? revision(obj)
        : kind == ImportKind.DAEMON_TASK_DEFINITION ? daemonRevision(obj) : null;
    return new ImportedResource(kind, name, cluster, request, spans, span, revision, arn);
  }

  /**
   * What ECS itself makes of a task definition: {@code "1 vCPU"} is stored as {@code "1024"},
   * {@code "2 GB"} as {@code "2048"}; a health check command that starts with neither CMD nor
   * CMD-SHELL is run as exec form, which the source states by a leading CMD (with a warning).
   */
  private void taskNormalForms(ObjectNode request) {
    if (request.get("cpu") instanceof com.fasterxml.jackson.databind.node.TextNode cpu) {
      Long units = Units.cpuUnits(cpu.asText());
      if (units != null) {
        request.put("cpu", String.valueOf(units));
      }
    }
    if (request.get("memory") instanceof com.fasterxml.jackson.databind.node.TextNode memory) {
      Long mib = Units.memoryMib(memory.asText());
      if (mib != null) {
        request.put("memory", String.valueOf(mib));
      }
    }
    JsonNode containers = request.path("containerDefinitions");
    for (int i = 0; i < containers.size(); i++) {
      if (containers.get(i).path("healthCheck").get("command") instanceof ArrayNode command) {
        String first = command.isEmpty() ? "" : command.get(0).asText();
        if (!first.equals("CMD") && !first.equals("CMD-SHELL") && !first.equals("NONE")) {
          command.insert(0, "CMD");
          diagnostics.add(Diagnostic.warning(IMPORT_HEALTH_CHECK_FORM, spans.at("/containerDefinitions/" + i + "/healthCheck/command"),
              "this health check command starts with neither CMD nor CMD-SHELL; imported as exec form (CMD)")
              .withHint("ECS needs [\"CMD\", …] (exec) or [\"CMD-SHELL\", \"…\"] (shell); check which one you mean"));
        }
      }
    }
  }

  private void put(Map<String, JsonNode> members, String member, JsonNode value, String pointer) {
    if (value != null) {
      members.put(member, value);
      spans.put("/" + SpanIndex.escape(member), doc.keySpan(pointer));
    }
  }

  /** Members whose meaning moves between Describe output and the request; true when handled. */
  private boolean special(ImportKind kind, String key, JsonNode value, String pointer, ObjectNode obj,
      Map<String, JsonNode> members) {
    switch (kind) {
      case SERVICE -> {
        switch (key) {
          case "service" -> {
            // UpdateService names the service `service`; CreateService calls it `serviceName`.
            if (value.isTextual() && !obj.has("serviceName")) {
              put(members, "serviceName", JSON.textNode(value.asText()), pointer);
              return true;
            }
            return false;
          }
          case "serviceArn" -> {
            if (value.isTextual() && !obj.has("serviceName")) {
              put(members, "serviceName", JSON.textNode(afterSlash(value.asText())), pointer);
            }
            return true;
          }
          case "clusterArn" -> {
            if (value.isTextual() && !obj.has("cluster")) {
              put(members, "cluster", JSON.textNode(afterSlash(value.asText())), pointer);
            }
            return true;
          }
          case "cluster" -> {
            if (value.isTextual()) {
              put(members, "cluster", JSON.textNode(clusterName(value.asText())), pointer);
              return true;
            }
            return false;
          }
          case "roleArn" -> {
            // Describe reports the service-linked role ECS chose itself; only another role was asked for.
            if (value.isTextual() && !obj.has("role") && !value.asText().contains("/aws-service-role/")) {
              put(members, "role", JSON.textNode(value.asText()), pointer);
            }
            return true;
          }
          case "deployments" -> {
            liftPrimaryDeployment(value, pointer, obj, members);
            return true;
          }
          default -> {
            return false;
          }
        }
      }
      case CLUSTER -> {
        if (key.equals("clusterArn")) {
          if (value.isTextual() && !obj.has("clusterName")) {
            put(members, "clusterName", JSON.textNode(afterSlash(value.asText())), pointer);
          }
          return true;
        }
        return false;
      }
      case CAPACITY_PROVIDER -> {
        if (key.equals("capacityProviderArn")) {
          if (value.isTextual() && !obj.has("name")) {
            put(members, "name", JSON.textNode(afterSlash(value.asText())), pointer);
          }
          return true;
        }
        return false;
      }
      case TARGET_GROUP, LOAD_BALANCER, LISTENER, LISTENER_RULE -> {
        return elbSpecial(kind, key, value, pointer, obj, members);
      }
      case DAEMON_TASK_DEFINITION -> {
        if (key.equals("daemonTaskDefinitionArn")) {
          if (value.isTextual() && !obj.has("family")) {
            put(members, "family", JSON.textNode(afterSlash(value.asText()).replaceFirst(":\\d+$", "")), pointer);
          }
          return true;
        }
        return false;
      }
      case DAEMON -> {
        switch (key) {
          case "daemonArn" -> {
            if (value.isTextual()) {
              arn = value.asText();
              if (!obj.has("daemonName")) {
                put(members, "daemonName", JSON.textNode(afterSlash(value.asText())), pointer);
              }
            }
            return true;
          }
          case "currentRevisions" -> {
            // DescribeDaemon gives the capacity providers only per revision it runs.
            if (value.isArray() && !obj.has("capacityProviderArns")) {
              java.util.Set<String> providers = new java.util.LinkedHashSet<>();
              value.forEach(r -> r.path("capacityProviders").forEach(c -> providers.add(c.path("arn").asText())));
              providers.remove("");
              if (!providers.isEmpty()) {
                ArrayNode list = JSON.arrayNode();
                providers.forEach(list::add);
                put(members, "capacityProviderArns", list, pointer);
              }
            }
            return true;
          }
          default -> {
            return false;
          }
        }
      }
      case DISCOVERY_SERVICE -> {
        return discoverySpecial(key, value, pointer, obj, members);
      }
      case TASK_DEFINITION -> {
        if (key.equals("taskDefinitionArn")) {
          if (value.isTextual() && !obj.has("family")) {
            String family = afterSlash(value.asText()).replaceFirst(":\\d+$", "");
            put(members, "family", JSON.textNode(family), pointer);
          }
          return true;
        }
        return false;
      }
      default -> {
        return false;
      }
    }
  }

  /**
   * GetService output of Cloud Map: its {@code Type} follows its namespace and records (DNS_HTTP is
   * not a value CreateService takes), its {@code CreatorRequestId} was the creator's token,
   * {@code DnsConfig.NamespaceId} is the deprecated copy of the service's namespace, and a custom
   * health check's {@code FailureThreshold} is always 1 whatever was sent: {@code health_check = custom}.
   */
  private boolean discoverySpecial(String key, JsonNode value, String pointer, ObjectNode obj, Map<String, JsonNode> members) {
    boolean response = obj.has("Id") || obj.has("Arn") || obj.has("CreateDate");
    switch (key) {
      case "Type", "CreatorRequestId" -> {
        return response; // what Cloud Map derived, and the creator's idempotency token: not configuration
      }
      case "DnsConfig" -> {
        if (value instanceof ObjectNode dns && dns.has("NamespaceId")) {
          ObjectNode copy = dns.deepCopy();
          JsonNode namespace = copy.remove("NamespaceId");
          if (!obj.has("NamespaceId") && namespace.isTextual()) {
            put(members, "NamespaceId", namespace, pointer);
          }
          put(members, "DnsConfig", value(copy, ServiceModel.get(ServiceModel.CLOUD_MAP).input("CreateService")
              .member("DnsConfig"), pointer, "/DnsConfig", "DnsConfig"), pointer);
          return true;
        }
        return false;
      }
      case "HealthCheckCustomConfig" -> {
        if (response && value.isObject()) {
          put(members, "HealthCheckCustomConfig", JSON.objectNode(), pointer);
          return true;
        }
        return false;
      }
      default -> {
        return false;
      }
    }
  }

  /**
   * Describe output of Elastic Load Balancing: the ARN is kept for the references between the
   * resources, the name moves to {@code Name}, a load balancer's availability zones give its
   * subnets, and a rule's priority (a string in DescribeRules) is the number CreateRule takes.
   */
  private boolean elbSpecial(ImportKind kind, String key, JsonNode value, String pointer, ObjectNode obj,
      Map<String, JsonNode> members) {
    switch (key) {
      case "TargetGroupArn", "LoadBalancerArn", "ListenerArn", "RuleArn" -> {
        boolean own = switch (kind) {
          case TARGET_GROUP -> key.equals("TargetGroupArn");
          case LOAD_BALANCER -> key.equals("LoadBalancerArn");
          case LISTENER -> key.equals("ListenerArn");
          default -> key.equals("RuleArn");
        };
        if (!own) {
          return false;
        }
        if (value.isTextual()) {
          arn = value.asText();
          if (kind == ImportKind.LISTENER_RULE && !obj.has("ListenerArn") && arn.contains(":listener-rule/")) {
            // arn:…:listener-rule/app/LB/ID/LISTENER-ID/RULE-ID belongs to arn:…:listener/app/LB/ID/LISTENER-ID
            String listener = arn.replace(":listener-rule/", ":listener/");
            put(members, "ListenerArn", JSON.textNode(listener.substring(0, listener.lastIndexOf('/'))), pointer);
          }
        }
        return true;
      }
      case "TargetGroupName", "LoadBalancerName" -> {
        if (value.isTextual() && !obj.has("Name")) {
          put(members, "Name", JSON.textNode(value.asText()), pointer);
        }
        return true;
      }
      case "AvailabilityZones" -> {
        if (kind == ImportKind.LOAD_BALANCER && value.isArray() && !obj.has("Subnets") && !obj.has("SubnetMappings")) {
          com.fasterxml.jackson.databind.node.ArrayNode subnets = JSON.arrayNode();
          value.forEach(az -> {
            if (az.path("SubnetId").isTextual()) {
              subnets.add(az.get("SubnetId").asText());
            }
          });
          if (!subnets.isEmpty()) {
            put(members, "Subnets", subnets, pointer);
          }
        }
        return true;
      }
      case "Priority" -> {
        if (kind == ImportKind.LISTENER_RULE && value.isTextual() && value.asText().matches("\\d{1,5}")) {
          put(members, "Priority", JSON.numberNode(Long.parseLong(value.asText())), pointer);
          return true;
        }
        return false;
      }
      default -> {
        return false;
      }
    }
  }

  /**
   * DescribeServices reports Service Connect and volume configuration only per deployment: the
   * PRIMARY deployment's is the service's own configuration.
   */
  private void liftPrimaryDeployment(JsonNode deployments, String pointer, ObjectNode obj, Map<String, JsonNode> members) {
    Shape input = ecs.input("CreateService");
    for (int i = 0; i < deployments.size(); i++) {
      JsonNode d = deployments.get(i);
      if (!"PRIMARY".equals(d.path("status").asText())) {
        continue;
      }
      for (String m : List.of("serviceConnectConfiguration", "volumeConfigurations", "vpcLatticeConfigurations")) {
        if (d.has(m) && !obj.has(m) && input.members().containsKey(m)) {
          String p = pointer + "/" + i + "/" + m;
          put(members, m, value(d.get(m), input.member(m), p, "/" + m, m), p);
        }
      }
    }
  }

  /** The revision Describe output gives a task definition: `revision`, else the end of `taskDefinitionArn`. */
  private static Integer revision(ObjectNode td) {
    if (td.path("revision").canConvertToInt()) {
      return td.get("revision").asInt();
    }
    TaskDefinitionRef arn = TaskDefinitionRef.parse(td.path("taskDefinitionArn").asText(""));
    return arn == null ? null : arn.revision();
  }

  /** The revision DescribeDaemonTaskDefinition gives: `revision`, else the end of its ARN. */
  private static Integer daemonRevision(ObjectNode td) {
    if (td.path("revision").canConvertToInt()) {
      return td.get("revision").asInt();
    }
    java.util.regex.Matcher m = java.util.regex.Pattern.compile(":(\\d+)$").matcher(td.path("daemonTaskDefinitionArn").asText(""));
    return m.find() ? Integer.valueOf(m.group(1)) : null;
  }

  private static String afterSlash(String arn) {
    int slash = arn.lastIndexOf('/');
    return slash < 0 ? arn : arn.substring(slash + 1);
  }

  /** A cluster given as an ARN is the cluster of that name: the API takes either. */
  private static String clusterName(String cluster) {
    return cluster.startsWith("arn:") && cluster.contains(":cluster/") ? afterSlash(cluster) : cluster;
  }

  private String nameOf(ImportKind kind, Map<String, JsonNode> members, DocumentShapes.Found found, Span span) {
    JsonNode name = members.get(kind.nameMember);
    if (name != null && name.isTextual()) {
      return name.asText();
    }
    if (kind == ImportKind.SERVICE) {
      // ecspresso and similar tools keep the service name outside the JSON: name it after the file.
      String derived = fileStem();
      members.put("serviceName", JSON.textNode(derived));
      diagnostics.add(Diagnostic.warning(IMPORT_SERVICE_UNNAMED, span, "this service has no `serviceName`; named `" + derived
          + "` after the file").withHint("add \"serviceName\" to the JSON, or rename the service in the .ecs source"));
      return derived;
    }
    if (kind == ImportKind.CLUSTER) {
      return "default";
    }
    return null;
  }

  private String fileStem() {
    String name = doc.file().path() != null ? doc.file().path().getFileName().toString() : doc.file().displayName();
    int slash = name.lastIndexOf('/');
    name = slash < 0 ? name : name.substring(slash + 1);
    return name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
  }

  private void required(Shape shape, ObjectNode node, Span at, String where) {
    for (String m : shape.required()) {
      if (!node.has(m)) {
        diagnostics.add(Diagnostic.error(IMPORT_MISSING_REQUIRED, at, where + " needs `" + m + "`, and it is missing")
            .withHint("add \"" + m + "\" to the JSON"));
      }
    }
  }

  private void unknown(String key, Shape shape, String pointer) {
    String hint = Suggestions.didYouMean(key, shape.members().keySet());
    diagnostics.add(Diagnostic.warning(IMPORT_UNKNOWN_MEMBER, doc.keySpan(pointer), "`" + key + "` is not part of the " + api + " API ("
        + shape.name() + "); dropped").withHint(hint != null ? hint : "members here: " + String.join(", ",
        new ArrayList<>(shape.members().keySet()))));
  }

  // ------------------------------------------------------------------------------- values

  /**
   * The value checked against {@code shape}; null when it is dropped (an error was reported, or
   * it is an empty list or map, which the API treats as absent).
   */
  private JsonNode value(JsonNode n, Shape shape, String pointer, String requestPointer, String what) {
    if (n == null || n.isNull()) {
      diagnostics.add(Diagnostic.error(IMPORT_NULL, doc.keySpan(pointer), "`" + what + "` is null; the API takes "
          + expected(shape) + " here, or nothing").withHint("remove the member: null is not \"absent\" to the AWS API"));
      return null;
    }
    JsonNode out = switch (shape.type()) {
      case "structure" -> n instanceof ObjectNode o ? structure(o, shape, pointer, requestPointer, what) : mismatch(n, shape, pointer, what);
      case "list" -> n instanceof ArrayNode a ? list(a, shape, pointer, requestPointer, what) : mismatch(n, shape, pointer, what);
      case "map" -> n instanceof ObjectNode o ? map(o, shape, pointer, requestPointer, what) : mismatch(n, shape, pointer, what);
      case "string" -> n.isTextual() ? enumValue(n, shape, pointer, what) : mismatch(n, shape, pointer, what);
      case "integer", "long" -> n.isIntegralNumber() && n.canConvertToLong() ? JSON.numberNode(n.asLong()) : mismatch(n, shape, pointer, what);
      case "double", "float" -> n.isNumber() ? n : mismatch(n, shape, pointer, what);
      case "boolean" -> n.isBoolean() ? n : mismatch(n, shape, pointer, what);
      case "timestamp" -> n.isTextual() || n.isNumber() ? n : mismatch(n, shape, pointer, what);
      default -> n;
    };
    if (out != null) {
      spans.put(requestPointer, doc.keySpan(pointer));
    }
    return out;
  }

  private JsonNode structure(ObjectNode o, Shape shape, String pointer, String requestPointer, String what) {
    Map<String, JsonNode> members = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : o.properties()) {
      String key = e.getKey();
      String child = pointer + "/" + SpanIndex.escape(key);
      if (!shape.members().containsKey(key)) {
        unknown(key, shape, child);
        continue;
      }
      JsonNode v = value(e.getValue(), shape.member(key), child, requestPointer + "/" + SpanIndex.escape(key), key);
      if (v != null) {
        members.put(key, v);
      }
    }
    ObjectNode out = JSON.objectNode();
    for (String m : shape.members().keySet()) {
      if (members.containsKey(m)) {
        out.set(m, members.get(m));
      }
    }
    required(shape, out, doc.keySpan(pointer), "`" + what + "` (" + shape.name() + ")");
    return out;
  }

  private JsonNode list(ArrayNode a, Shape shape, String pointer, String requestPointer, String what) {
    ArrayNode out = JSON.arrayNode();
    for (int i = 0; i < a.size(); i++) {
      JsonNode v = value(a.get(i), shape.element(), pointer + "/" + i, requestPointer + "/" + out.size(), what + "[" + i + "]");
      if (v != null) {
        out.add(v);
      }
    }
    return out.isEmpty() ? null : out;
  }

  private JsonNode map(ObjectNode o, Shape shape, String pointer, String requestPointer, String what) {
    ObjectNode out = JSON.objectNode();
    for (Map.Entry<String, JsonNode> e : o.properties()) {
      String key = SpanIndex.escape(e.getKey());
      JsonNode v = value(e.getValue(), shape.value(), pointer + "/" + key, requestPointer + "/" + key, e.getKey());
      if (v != null) {
        out.set(e.getKey(), v);
      }
    }
    return out.isEmpty() ? null : out;
  }

  private JsonNode enumValue(JsonNode n, Shape shape, String pointer, String what) {
    if (!shape.isEnum() || shape.enumValues().contains(n.asText())) {
      return n;
    }
    String hint = Suggestions.didYouMean(n.asText(), shape.enumValues());
    diagnostics.add(Diagnostic.error(IMPORT_INVALID_VALUE, doc.span(pointer), "\"" + DocumentShapes.abbreviate(n.asText())
        + "\" is not a valid value for `" + what + "` (" + shape.name() + ")")
        .withHint((hint != null ? hint + "; " : "") + "expected one of: " + String.join(", ", shape.enumValues())));
    return null;
  }

  private JsonNode mismatch(JsonNode n, Shape shape, String pointer, String what) {
    diagnostics.add(Diagnostic.error(IMPORT_WRONG_TYPE, doc.span(pointer), "`" + what + "` must be " + expected(shape)
        + ", found " + DocumentShapes.describe(n)).withHint(hintFor(n, shape)));
    return null;
  }

  private static String hintFor(JsonNode n, Shape shape) {
    if (shape.isInteger() && n.isTextual() && n.asText().matches("-?\\d+")) {
      return "remove the quotes: " + n.asText();
    }
    if (shape.isString() && n.isNumber()) {
      return "quote it: \"" + n.asText() + "\"";
    }
    if (shape.isList() && n.isObject()) {
      return "write it as a list: [ { … } ]";
    }
    return "the ECS API model (" + shape.name() + ") takes " + expected(shape);
  }

  static String expected(Shape shape) {
    return switch (shape.type()) {
      case "structure" -> "an object (" + shape.name() + ")";
      case "list" -> "a list (" + shape.name() + ")";
      case "map" -> "an object of string keys (" + shape.name() + ")";
      case "string" -> shape.isEnum() ? "one of " + String.join(", ", shape.enumValues()) : "a string";
      case "integer", "long" -> "a whole number";
      case "double", "float" -> "a number";
      case "boolean" -> "true or false";
      case "timestamp" -> "a timestamp";
      default -> shape.type();
    };
  }
}
