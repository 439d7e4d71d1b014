package io.ecsl.lower;

import static io.ecsl.diag.LanguageCode.INVALID_VALUE;
import static io.ecsl.diag.LanguageCode.UNKNOWN_ATTRIBUTE;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.diag.Diagnostic;
import io.ecsl.eval.Kind;
import io.ecsl.eval.Value;
import io.ecsl.schema.Shape;
import java.util.List;

/** First-class service syntax: references, network, load balancers, placement, Service Connect. */
final class Service {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  /** The rules a {@code placement { … }} block takes, in the order they are documented. */
  static final List<String> PLACEMENT_RULES = List.of("spread", "binpack", "random", "member_of", "distinct_instance");

  private Service() {}

  static void register(Sugars sugars) {
    Lower lower = sugars.lower();
    sugars.sugar("CreateServiceRequest", "task", Fills.reference("taskDefinition", Kind.TASK), (s, f) -> taskDefinition(sugars, s, f));
    sugars.sugar("CreateServiceRequest", "task_definition", Fills.reference("taskDefinition", Kind.TASK), (s, f) -> taskDefinition(sugars, s, f));
    sugars.sugar("CreateServiceRequest", "cluster", Fills.reference("cluster", Kind.CLUSTER), (s, f) -> {
      String name = sugars.reference(f.value(), Kind.CLUSTER, s.memberLoc("cluster", f.key(), f.span()));
      if (name != null) {
        s.set("cluster", JSON.textNode(name), f.span());
      }
    });
    sugars.sugar("CreateServiceRequest", "network", Fills.member("networkConfiguration.awsvpcConfiguration"), (s, f) -> network(lower, s, f, "networkConfiguration", "awsvpcConfiguration"));
    sugars.sugar("CreateServiceRequest", "placement", Fills.member("placementStrategy").as(Fills.Form.PLACEMENT), (s, f) -> placement(lower, s, f));
    sugars.sugar("CreateServiceRequest", "service_connect", Fills.member("serviceConnectConfiguration"), (s, f) -> serviceConnect(s, f));
    sugars.sugar("LoadBalancer", "container", Fills.member("containerName").as(Fills.Form.CONTAINER_PORT), (s, f) -> loadBalancerContainer(sugars, s, f));
    sugars.sugar("DeploymentConfiguration", "circuit_breaker",
        Fills.member("deploymentCircuitBreaker").words("rollback", "enabled", "disabled"), (s, f) -> circuitBreaker(s, f));
    Deployments.register(sugars);
    // Both the ECS and the EventBridge model have an AwsVpcConfiguration (assignPublicIp / AssignPublicIp).
    sugars.sugar("AwsVpcConfiguration", "public_ip", Fills.member("assignPublicIp").words("true", "false"), (s, f) -> publicIp(lower, s, f, s.shape.memberFor("assign_public_ip")));
    sugars.sugar("AwsVpcConfiguration", "assign_public_ip", Fills.member("assignPublicIp").words("true", "false"), (s, f) -> publicIp(lower, s, f, s.shape.memberFor("assign_public_ip")));
    sugars.sugar("EcsParameters", "network", Fills.member("NetworkConfiguration.awsvpcConfiguration"), (s, f) -> network(lower, s, f, "NetworkConfiguration", "awsvpcConfiguration"));
    sugars.alias("EcsParameters", "count", "TaskCount");
    sugars.alias("EcsParameters", "strategy", "CapacityProviderStrategy");
    sugars.alias("EcsParameters", "placement_strategies", "PlacementStrategy");
    sugars.sugar("ServiceConnectConfiguration", "namespace", Fills.reference("namespace", Kind.NAMESPACE), (s, f) -> {
      String ns = sugars.reference(f.value(), Kind.NAMESPACE, s.memberLoc("namespace", f.key(), f.span()));
      if (ns != null) {
        s.set("namespace", JSON.textNode(ns), f.span());
      }
    });
    sugars.sugar("ServiceConnectService", "alias", Fills.member("clientAliases"), (s, f) -> clientAlias(lower, s, f));
  }

  private static void taskDefinition(Sugars sugars, Struct s, Value.Field f) {
    String family = sugars.reference(f.value(), Kind.TASK, s.memberLoc("taskDefinition", f.key(), f.span()));
    if (family != null) {
      s.set("taskDefinition", JSON.textNode(family), f.span());
    }
  }

  /**
   * {@code network { subnets = [...], security_groups = [...], public_ip = true }}: the awsvpc
   * configuration, without the two levels of nesting the API wants.
   */
  static void network(Lower lower, Struct s, Value.Field f, String member, String inner) {
    Shape config = s.shape.member(member);
    if (f.value() instanceof Value.Obj o && o.get(Shape.snake(inner)) == null && o.get(inner) == null) {
      Loc loc = s.memberLoc(member, f.key(), f.span());
      Struct vpc = lower.structure(o, config.member(inner), loc.member(inner, f.key(), f.span(), null));
      vpc.checkRequired(f.span());
      ObjectNode wrapper = JSON.objectNode();
      wrapper.set(inner, vpc.build());
      s.set(member, wrapper, f.span());
      return;
    }
    s.set(member, s.lowerMember(member, f.key(), f.value(), f.span()), f.span());
  }

  private static void publicIp(Lower lower, Struct s, Value.Field f, String member) {
    if (f.value() instanceof Value.Bool b) {
      s.set(member, JSON.textNode(b.value() ? "ENABLED" : "DISABLED"), f.span());
      return;
    }
    s.set(member, s.lowerMember(member, f.key(), f.value(), f.span()), f.span());
  }

  /**
   * {@code placement { spread = az; binpack = memory; member_of = "…"; distinct_instance = true }}:
   * strategies and constraints in the order written (order is the tie-break order).
   */
  private static void placement(Lower lower, Struct s, Value.Field f) {
    if (!(f.value() instanceof Value.Obj o)) {
      lower.mismatch(f.value(), "a block", s.memberLoc("placementStrategy", f.key(), f.span()));
      return;
    }
    for (Value.Field p : o.fields()) {
      String kind = Shape.normalize(p.key());
      switch (kind) {
        case "spread", "binpack" -> {
          String field = Sugars.word(p.value());
          if (field == null) {
            lower.mismatch(p.value(), "a field such as `az`, `instance`, `memory` or `cpu`",
                s.memberLoc("placementStrategy", p.key(), p.span()));
            continue;
          }
          strategy(lower, s, p, kind, switch (field) {
            case "az", "zone", "availability_zone" -> "attribute:ecs.availability-zone";
            case "instance", "host", "instance_id" -> "instanceId";
            default -> field;
          });
        }
        case "random" -> strategy(lower, s, p, "random", null);
        case "memberof", "constraint" -> constraint(lower, s, p, "memberOf", Sugars.word(p.value()));
        case "distinctinstance" -> {
          if (p.value() instanceof Value.Bool b && b.value()) {
            constraint(lower, s, p, "distinctInstance", null);
          }
        }
        default -> lower.report(Diagnostic.error(UNKNOWN_ATTRIBUTE, p.keySpan(), "unknown placement rule `" + p.key() + "`")
            .withHint("placement takes " + String.join(", ", PLACEMENT_RULES.subList(0, PLACEMENT_RULES.size() - 1))
                + " and " + PLACEMENT_RULES.get(PLACEMENT_RULES.size() - 1)));
      }
    }
  }

  private static void strategy(Lower lower, Struct s, Value.Field p, String type, String field) {
    ArrayNode list = s.list("placementStrategy", p.keySpan());
    ObjectNode item = JSON.objectNode();
    item.put("type", type);
    if (field != null) {
      item.put("field", field);
    }
    lower.spans().put(s.at("placementStrategy").element(list.size(), p.span()), p.span());
    list.add(item);
  }

  private static void constraint(Lower lower, Struct s, Value.Field p, String type, String expression) {
    ArrayNode list = s.list("placementConstraints", p.keySpan());
    ObjectNode item = JSON.objectNode();
    item.put("type", type);
    if (expression != null) {
      item.put("expression", expression);
    }
    lower.spans().put(s.at("placementConstraints").element(list.size(), p.span()), p.span());
    list.add(item);
  }

  /** Service Connect is enabled by declaring it; `enabled = false` turns it off explicitly. */
  private static void serviceConnect(Struct s, Value.Field f) {
    JsonNode config = s.lowerMember("serviceConnectConfiguration", f.key(), f.value() instanceof Value.Obj o
        && o.get("enabled") == null ? withEnabled(o) : f.value(), f.span());
    s.set("serviceConnectConfiguration", config, f.span());
  }

  private static Value withEnabled(Value.Obj o) {
    List<Value.Field> fields = new java.util.ArrayList<>();
    fields.add(new Value.Field("enabled", List.of(), new Value.Bool(o.span(), true), o.span(), o.span(), null, false, false));
    fields.addAll(o.fields());
    return new Value.Obj(o.span(), fields);
  }

  /** {@code container = app.http} (name and port at once) or {@code container = app} with {@code port}. */
  private static void loadBalancerContainer(Sugars sugars, Struct s, Value.Field f) {
    switch (f.value()) {
      case Value.PortRef p -> {
        s.set("containerName", JSON.textNode(p.container()), f.span());
        s.set("containerPort", JSON.numberNode(sugars.lower().interpreter().containerPortNumber(p)), f.span());
      }
      case Value.ContainerRef c -> s.set("containerName", JSON.textNode(c.container()), f.span());
      case Value.Str str -> s.set("containerName", JSON.textNode(str.value()), f.span());
      case Value.Symbol sym -> throw sugars.lower().interpreter().unknownName(sym);
      default -> sugars.lower().mismatch(f.value(), "a container port such as `app.http`", s.memberLoc("containerName", f.key(), f.span()));
    }
  }

  /** {@code circuit_breaker = rollback | enabled | disabled}, or the full block. */
  private static void circuitBreaker(Struct s, Value.Field f) {
    String word = Sugars.word(f.value());
    if (f.value() instanceof Value.Bool b) {
      word = b.value() ? "enabled" : "disabled";
    }
    if (word == null || f.value() instanceof Value.Str) {
      s.set("deploymentCircuitBreaker", s.lowerMember("deploymentCircuitBreaker", f.key(), f.value(), f.span()), f.span());
      return;
    }
    ObjectNode breaker = JSON.objectNode();
    switch (word) {
      case "rollback" -> {
        breaker.put("enable", true);
        breaker.put("rollback", true);
      }
      case "enabled", "on", "enable" -> {
        breaker.put("enable", true);
        breaker.put("rollback", false);
      }
      case "disabled", "off", "disable" -> {
        breaker.put("enable", false);
        breaker.put("rollback", false);
      }
      default -> {
        s.lower.report(Diagnostic.error(INVALID_VALUE, f.valueSpan(), "`" + word + "` is not a circuit breaker setting")
            .withHint("write `rollback`, `enabled` or `disabled`, or a block { enable = …, rollback = … }"));
        return;
      }
    }
    s.set("deploymentCircuitBreaker", breaker, f.span());
  }

  /** {@code alias = 80} or {@code alias = { port = 80, dns_name = "api" }}. */
  private static void clientAlias(Lower lower, Struct s, Value.Field f) {
    Shape aliasShape = s.shape.member("clientAliases").element();
    Loc loc = s.memberLoc("clientAliases", f.key(), f.span()).element(0, f.span());
    ArrayNode list = s.list("clientAliases", f.keySpan());
    if (f.value() instanceof Value.Obj o) {
      list.add(lower.value(o, aliasShape, loc));
      return;
    }
    JsonNode port = lower.value(f.value(), aliasShape.member("port"), loc.member("port", f.key(), f.valueSpan(), null));
    if (port != null) {
      ObjectNode alias = JSON.objectNode();
      alias.set("port", port);
      list.add(alias);
    }
  }
}
