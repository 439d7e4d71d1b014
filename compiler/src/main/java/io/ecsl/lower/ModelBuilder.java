package io.ecsl.lower;

import static io.ecsl.diag.LanguageCode.DECLARED_TWICE;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.diag.Diagnostic;
import io.ecsl.diag.Diagnostics;
import io.ecsl.eval.Declaration;
import io.ecsl.eval.EvalException;
import io.ecsl.eval.Interpreter;
import io.ecsl.eval.Kind;
import io.ecsl.eval.Value;
import io.ecsl.model.ApiRequest;
import io.ecsl.model.EcsModel;
import io.ecsl.model.Resource;
import io.ecsl.model.ResourceKind;
import io.ecsl.model.SpanIndex;
import io.ecsl.schema.ServiceModel;
import io.ecsl.schema.Shape;
import io.ecsl.source.Span;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the compiled model: one {@link Resource} per declaration, each with the API requests
 * that create it. Attribute names, types and enums are checked against the AWS models here.
 */
public final class ModelBuilder {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final Interpreter interpreter;
  private final Diagnostics diagnostics;
  /** One per thread: a Lower records the spans of the request it is building. */
  private final ThreadLocal<Lower> lowers;
  private final Map<String, Span> seen = new HashMap<>();

  public ModelBuilder(Interpreter interpreter, Diagnostics diagnostics) {
    this.interpreter = interpreter;
    this.diagnostics = diagnostics;
    this.lowers = ThreadLocal.withInitial(() -> new Lower(interpreter, diagnostics, () -> targetGroups));
  }

  /** The project's target groups, known once {@link #build} starts (forward blocks name them). */
  private volatile TargetGroupNames targetGroups = TargetGroupNames.NONE;

  Lower lower() {
    return lowers.get();
  }

  Interpreter interpreter() {
    return interpreter;
  }

  /** Settings from the command line; each may be null (then the project block, then defaults apply). */
  public record Settings(String projectName, String region, String accountId) {}

  public EcsModel build(List<Declaration> declarations, Settings given) {
    ProjectSettings project = ProjectSettings.from(this, declarations, given);
    targetGroups = new TargetGroupNames(declarations, interpreter);
    // Declarations lower independently (their bodies were evaluated already), so large projects
    // use every core; results are collected in declaration order, so output stays deterministic.
    List<List<Resource>> lowered = java.util.stream.IntStream.range(0, declarations.size())
        .parallel()
        .mapToObj(i -> lowerOne(declarations.get(i), project))
        .toList();
    List<Resource> resources = new ArrayList<>();
    for (List<Resource> some : lowered) {
      for (Resource r : some) {
        add(resources, r);
      }
    }
    resources.sort(Comparator.comparing(Resource::kind));
    return new EcsModel(project.name(), project.region(), project.accountId(), RequestCountLabels.apply(TrafficShiftOwners.apply(resources)));
  }

  private List<Resource> lowerOne(Declaration d, ProjectSettings project) {
    List<Resource> out = new ArrayList<>(2);
    try {
      switch (d.kind()) {
        case PROJECT -> {}
        case TASK -> out.add(taskDefinition(d, project));
        case SERVICE -> {
          Resource service = service(d, project);
          out.add(service);
          if (service != null) {
            out.add(new Scaling(this, project).lower(d, service));
          }
        }
        case CLUSTER -> out.add(simple(d, project, ResourceKind.CLUSTER, ServiceModel.ECS, "CreateCluster",
            "clusterName", "clusters/"));
        case CAPACITY_PROVIDER -> {
          Resource provider = simple(d, project, ResourceKind.CAPACITY_PROVIDER, ServiceModel.ECS,
              "CreateCapacityProvider", "name", "capacity-providers/");
          io.ecsl.model.LocalGroup group = LocalGroups.read(this, d);
          out.add(group == null ? provider : new Resource(provider.kind(), provider.name(), provider.cluster(),
              provider.span(), provider.requests(), provider.ownedElsewhere(), group));
        }
        case NAMESPACE -> out.add(new Namespaces(this, project).lower(d));
        case DISCOVERY_SERVICE -> out.add(new DiscoveryServices(this, project).lower(d));
        case TARGET_GROUP -> out.add(withAttributes(d, project, ResourceKind.TARGET_GROUP, "CreateTargetGroup",
            "ModifyTargetGroupAttributes", "target-groups/"));
        case LOAD_BALANCER -> out.add(withAttributes(d, project, ResourceKind.LOAD_BALANCER, "CreateLoadBalancer",
            "ModifyLoadBalancerAttributes", "load-balancers/"));
        case LISTENER -> out.addAll(new Listeners(this, project).lower(d));
        case SCHEDULE -> out.add(new Schedules(this, project).lower(d));
        case EXPRESS_SERVICE -> out.add(new ExpressServices(this, project).lower(d));
        case DAEMON -> out.addAll(new Daemons(this, project).lower(d));
        case ACCOUNT_SETTINGS -> out.addAll(new AccountSettings(this).lower(d));
      }
    } catch (EvalException e) {
      interpreter.report(e.diagnostic());
    }
    out.removeIf(java.util.Objects::isNull);
    for (Resource r : out) {
      r.requests().forEach(req -> req.spans().compact());
    }
    return out;
  }

  /** The attribute that sets the AWS name of a kind, as a user writes it. */
  private static String renameHint(ResourceKind kind) {
    return switch (kind) {
      case TASK_DEFINITION -> "`family = …`, or its label";
      case SERVICE, EXPRESS_SERVICE -> "`service_name = …`, or its label";
      case CLUSTER -> "`cluster_name = …`, or its label";
      case DAEMON_TASK_DEFINITION -> "`family = …`, or its label";
      case DAEMON -> "`daemon_name = …`, or its label";
      default -> "its label";
    };
  }

  private void add(List<Resource> resources, Resource r) {
    if (r == null) {
      return;
    }
    String key = r.kind() + " " + r.cluster() + "/" + r.name();
    // Listeners are named by their port and rules by their priority: two of them on one port or
    // priority are ELB's own errors (E19xx), which say so in its terms; both stay for the rules to see.
    boolean checkedByRules = r.kind() == ResourceKind.LISTENER || r.kind() == ResourceKind.LISTENER_RULE;
    Span previous = checkedByRules ? null : seen.putIfAbsent(key, r.span());
    if (previous != null && r.kind() != ResourceKind.ACCOUNT_SETTING) {
      diagnostics.add(Diagnostic.error(DECLARED_TWICE, r.span(), r.address() + " is declared twice")
          .withLabel(previous, "first declared here")
          .withHint("AWS names must be unique; rename one (" + renameHint(r.kind()) + ")"));
      return;
    }
    resources.add(r);
  }

  private Resource taskDefinition(Declaration d, ProjectSettings project) {
    Request req = request(d, ServiceModel.ECS, "RegisterTaskDefinition", "task definition `" + d.label() + "`");
    Value.Obj body = without(d.body(interpreter), "owned_elsewhere");
    Struct s = lower().structure(body, req.shape, req.loc);
    defaultName(s, "family", d);
    project.applyTags(s, "tags", d.span());
    s.checkRequired(d.span());
    ObjectNode json = s.build();
    String family = json.path("family").asText(d.label());
    Map<String, String> owned = OwnedElsewhere.read(this, d, json, ResourceKind.TASK_DEFINITION, req.shape);
    return new Resource(ResourceKind.TASK_DEFINITION, family, null, d.span(),
        List.of(req.finish(json, "task-definitions/" + family + ".json")), owned);
  }

  private Resource service(Declaration d, ProjectSettings project) {
    Request req = request(d, ServiceModel.ECS, "CreateService", "service `" + d.label() + "`");
    Value.Obj body = without(d.body(interpreter), "autoscaling", "owned_elsewhere");
    Struct s = lower().structure(body, req.shape, req.loc);
    Value in = d.in(interpreter);
    if (in != null) {
      Sugars sugars = lower().sugars();
      String label = d.label();
      String cluster = sugars.reference(in, Kind.CLUSTER, req.loc.member("cluster", "in", in.span(), null)
          .named(() -> "`in` of service `" + label + "`"));
      if (cluster != null) {
        s.set("cluster", JSON.textNode(cluster), in.span());
      }
    }
    defaultName(s, "serviceName", d);
    project.applyTags(s, "tags", d.span());
    s.checkRequired(d.span());
    ObjectNode json = s.build();
    String name = json.path("serviceName").asText(d.label());
    String cluster = json.path("cluster").asText("default");
    Map<String, String> owned = new LinkedHashMap<>(OwnedElsewhere.read(this, d, json, ResourceKind.SERVICE, req.shape));
    if (d.body(interpreter).get("autoscaling") != null) {
      owned.putIfAbsent("/desiredCount", "application auto scaling");
    }
    return new Resource(ResourceKind.SERVICE, name, cluster, d.span(),
        List.of(req.finish(json, "services/" + cluster + "/" + name + ".json")), owned);
  }

  private Resource simple(Declaration d, ProjectSettings project, ResourceKind kind, String service, String operation,
      String nameMember, String dir) {
    return simple(d, project, kind, service, operation, nameMember, "tags", dir);
  }

  /**
   * A target group or load balancer: its Create request, and the Modify…Attributes request of the
   * attributes it declares ({@link ElbAttributes}), which ELBv2 sets after creation.
   */
  private Resource withAttributes(Declaration d, ProjectSettings project, ResourceKind kind, String create, String modify,
      String dir) {
    java.util.Set<String> attributes = ElbAttributes.names(kind);
    Resource r = simple(d, project, kind, ServiceModel.ELBV2, create, "Name", "Tags", dir, attributes);
    Value.Obj body = d.body(interpreter);
    if (r == null || body.fields().stream().noneMatch(f -> attributes.contains(f.key()))) {
      return r;
    }
    Request req = request(d, ServiceModel.ELBV2, modify, kind.word() + " `" + d.label() + "`");
    ApiRequest modifyRequest = ElbAttributes.lower(lower(), kind, body, r.name(), req, dir + r.name() + ".attributes.json");
    if (modifyRequest == null) {
      return r;
    }
    List<ApiRequest> requests = new java.util.ArrayList<>(r.requests());
    requests.add(modifyRequest);
    return new Resource(r.kind(), r.name(), r.cluster(), r.span(), requests, r.ownedElsewhere());
  }

  /** One request named by {@code nameMember}, tagged in {@code tagsMember} (ELB's are {@code Name}, {@code Tags}). */
  private Resource simple(Declaration d, ProjectSettings project, ResourceKind kind, String service, String operation,
      String nameMember, String tagsMember, String dir) {
    return simple(d, project, kind, service, operation, nameMember, tagsMember, dir, java.util.Set.of());
  }

  /** The same, leaving out the declaration's attributes named in {@code elsewhere} (lowered to another request). */
  private Resource simple(Declaration d, ProjectSettings project, ResourceKind kind, String service, String operation,
      String nameMember, String tagsMember, String dir, java.util.Set<String> elsewhere) {
    Request req = request(d, service, operation, kind.word() + " `" + d.label() + "`");
    List<String> left = new java.util.ArrayList<>(elsewhere);
    left.add("owned_elsewhere");
    if (kind == ResourceKind.CAPACITY_PROVIDER) {
      left.add(LocalGroups.KEY); // a capacity provider's local_group is the local runtime's, never part of the request
    }
    Struct s = lower().structure(without(d.body(interpreter), left.toArray(String[]::new)), req.shape, req.loc);
    defaultName(s, nameMember, d);
    project.applyTags(s, tagsMember, d.span());
    s.checkRequired(d.span());
    ObjectNode json = s.build();
    String name = json.path(nameMember).asText(d.label());
    return new Resource(kind, name, null, d.span(), List.of(req.finish(json, dir + name + ".json")),
        OwnedElsewhere.read(this, d, json, kind, req.shape));
  }

  // ------------------------------------------------------------------------------- helpers

  /** A request being built: its input shape, span index and root location. */
  final class Request {
    final String service;
    final String operation;
    final Shape shape;
    final SpanIndex spans;
    final Loc loc;

    Request(String service, String operation, Shape shape, SpanIndex spans, Loc loc) {
      this.service = service;
      this.operation = operation;
      this.shape = shape;
      this.spans = spans;
      this.loc = loc;
    }

    /** The finished request in canonical form (order-insensitive lists sorted, spans moved along). */
    ApiRequest finish(ObjectNode body, String file) {
      io.ecsl.model.Canonical.sort(body, shape, spans, "");
      return new ApiRequest(service, operation, body, spans, file);
    }
  }

  Request request(Declaration d, String service, String operation, String where) {
    return request(d.span(), service, operation, where);
  }

  /** A request of a part of a declaration (a listener's rule), located at {@code span}. */
  Request request(Span span, String service, String operation, String where) {
    ServiceModel model = ServiceModel.get(service);
    Shape shape = model.input(operation);
    SpanIndex spans = new SpanIndex(span);
    lower().beginRequest(spans);
    return new Request(service, operation, shape, spans, Loc.root(where, span));
  }

  /** The label is the default AWS name; an explicit attribute wins. */
  void defaultName(Struct s, String member, Declaration d) {
    if (!s.has(member)) {
      s.setDefault(member, JSON.textNode(d.label()));
      lower().spans().put(s.at(member), d.labelSpan());
    }
  }

  /** The object without some fields (handled outside the API request). */
  static Value.Obj without(Value.Obj obj, String... keys) {
    List<Value.Field> fields = new ArrayList<>();
    outer:
    for (Value.Field f : obj.fields()) {
      for (String k : keys) {
        if (f.key().equals(k)) {
          continue outer;
        }
      }
      fields.add(f);
    }
    return new Value.Obj(obj.span(), fields);
  }

  /** Appends tags ({@code key/value} or {@code Key/Value}) that are not already set. */
  static void mergeTags(ArrayNode tags, Map<String, String> defaults, String keyField, String valueField) {
    for (Map.Entry<String, String> e : defaults.entrySet()) {
      boolean present = false;
      for (JsonNode t : tags) {
        present |= t.path(keyField).asText().equals(e.getKey());
      }
      if (!present) {
        ObjectNode tag = tags.addObject();
        tag.put(keyField, e.getKey());
        tag.put(valueField, e.getValue());
      }
    }
  }
}
