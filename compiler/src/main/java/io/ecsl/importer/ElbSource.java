package io.ecsl.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.ast.Expr;
import io.ecsl.ast.Item;
import io.ecsl.model.ArnPlaceholder;
import io.ecsl.model.ResourceKind;
import io.ecsl.schema.ServiceModel;
import io.ecsl.schema.Shape;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Target groups, load balancers and listeners as idiomatic source, the inverse of the compiler's
 * first-class ELB syntax: {@code health_check { path = "/", interval = 30s, … }},
 * {@code internal = false}, {@code forward = web} / {@code forward { web = 90, green = 10 }},
 * {@code listener http_80 in public { … rule priority_10 { path = "/api/*", forward = api } }};
 * anything else by its ELBv2 member name.
 */
final class ElbSource {
  private static final ServiceModel ELBV2 = ServiceModel.get(ServiceModel.ELBV2);

  /** CreateTargetGroup's health check members, as {@code health_check { … }} writes them. */
  private static final Map<String, String> HEALTH_CHECK = Map.of(
      "HealthCheckPath", "path",
      "HealthCheckPort", "port",
      "HealthCheckProtocol", "protocol",
      "HealthCheckEnabled", "enabled",
      "HealthCheckIntervalSeconds", "interval",
      "HealthCheckTimeoutSeconds", "timeout",
      "HealthyThresholdCount", "healthy",
      "UnhealthyThresholdCount", "unhealthy",
      "Matcher", "matcher");

  private ElbSource() {}

  /** The declaration label of a target group or load balancer named {@code name} ({@code web-green} → {@code web_green}). */
  static String label(String name) {
    String label = name.replace('-', '_');
    return Ast.isName(label) && !Character.isDigit(label.charAt(0)) ? label : "elb_" + label;
  }

  static Item targetGroup(ImportedResource r) {
    Shape shape = ELBV2.input("CreateTargetGroup");
    List<Item> body = new ArrayList<>();
    List<Item> check = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : r.request().properties()) {
      String m = e.getKey();
      JsonNode v = e.getValue();
      String word = HEALTH_CHECK.get(m);
      if (m.equals("Name")) {
        if (!label(v.asText()).equals(v.asText())) {
          body.add(Ast.attr("name", Ast.str(v.asText())));
        }
      } else if (word == null) {
        body.addAll(GenericItems.member(Shape.snake(m), v, shape.member(m)));
      } else if (m.endsWith("Seconds") && v.canConvertToLong()) {
        check.add(Ast.attr(word, Units.duration(v.asLong())));
      } else if (m.equals("HealthCheckPort") && v.asText().matches("\\d{1,5}")) {
        check.add(Ast.attr(word, Ast.integer(Long.parseLong(v.asText()))));
      } else if (m.equals("Matcher") && v.size() == 1 && v.path("HttpCode").isTextual()) {
        check.add(Ast.attr(word, Ast.str(v.get("HttpCode").asText())));
      } else {
        check.addAll(GenericItems.member(word, v, shape.member(m)));
      }
    }
    if (!check.isEmpty()) {
      body.add(Ast.block("health_check", check));
    }
    return Ast.declaration("target_group", label(r.name()), null, body);
  }

  static Item loadBalancer(ImportedResource r) {
    Shape shape = ELBV2.input("CreateLoadBalancer");
    List<Item> body = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : r.request().properties()) {
      String m = e.getKey();
      JsonNode v = e.getValue();
      switch (m) {
        case "Name" -> {
          if (!label(v.asText()).equals(v.asText())) {
            body.add(Ast.attr("name", Ast.str(v.asText())));
          }
        }
        case "Scheme" -> body.add(Ast.attr("internal", Ast.bool(v.asText().equals("internal"))));
        default -> body.addAll(GenericItems.member(Shape.snake(m), v, shape.member(m)));
      }
    }
    return Ast.declaration("load_balancer", label(r.name()), null, body);
  }

  /** A listener with its rules inside, in priority order; {@code in} its load balancer. */
  static Item listener(ImportedResource r, ServiceSource.Declared declared) {
    Shape shape = ELBV2.input("CreateListener");
    List<Item> body = new ArrayList<>();
    Expr in = null;
    for (Map.Entry<String, JsonNode> e : r.request().properties()) {
      String m = e.getKey();
      JsonNode v = e.getValue();
      switch (m) {
        case "LoadBalancerArn" -> in = declared.elbReference(v.asText());
        case "DefaultActions" -> body.addAll(actions("default_actions", v, shape.member(m), declared));
        default -> body.addAll(GenericItems.member(Shape.snake(m), v, shape.member(m)));
      }
    }
    List<ImportedResource> rules = new ArrayList<>(declared.rules().getOrDefault(
        ArnPlaceholder.of(ResourceKind.LISTENER, r.name()), List.of()));
    rules.sort(Comparator.comparingLong(rule -> rule.request().path("Priority").asLong()));
    for (ImportedResource rule : rules) {
      body.add(rule(rule, declared));
    }
    String label = r.request().path("Protocol").asText("listener").toLowerCase(java.util.Locale.ROOT) + "_"
        + r.request().path("Port").asText("");
    return Ast.declaration("listener", label, in, body);
  }

  private static Item rule(ImportedResource r, ServiceSource.Declared declared) {
    Shape shape = ELBV2.input("CreateRule");
    List<Item> body = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : r.request().properties()) {
      String m = e.getKey();
      JsonNode v = e.getValue();
      switch (m) {
        case "ListenerArn" -> {}
        case "Conditions" -> {
          for (JsonNode c : v) {
            body.add(condition((ObjectNode) c, shape.member(m).element()));
          }
        }
        case "Actions" -> body.addAll(actions("actions", v, shape.member(m), declared));
        default -> body.addAll(GenericItems.member(Shape.snake(m), v, shape.member(m)));
      }
    }
    return Ast.labelled("rule", "priority_" + r.request().path("Priority").asText(), null, body);
  }

  /** {@code path = "/api/*"}, {@code host = […]}, {@code method = […]} when the condition is exactly that; else its fields. */
  private static Item condition(ObjectNode c, Shape shape) {
    String field = c.path("Field").asText();
    String[] sugar = switch (field) {
      case "path-pattern" -> new String[] {"path", "PathPatternConfig"};
      case "host-header" -> new String[] {"host", "HostHeaderConfig"};
      case "http-request-method" -> new String[] {"method", "HttpRequestMethodConfig"};
      default -> null;
    };
    JsonNode values = sugar == null ? null : c.path(sugar[1]).path("Values");
    if (sugar != null && c.size() == 2 && c.path(sugar[1]).size() == 1 && values.isArray() && !values.isEmpty()) {
      List<Expr> items = new ArrayList<>();
      values.forEach(x -> items.add(Ast.str(x.asText())));
      return Ast.attr(sugar[0], items.size() == 1 ? items.get(0) : Ast.list(items));
    }
    return Ast.block("conditions", GenericItems.members(c, shape, java.util.Set.of()));
  }

  /**
   * One action that forwards to target groups as {@code forward = web} or {@code forward { web = 90,
   * green = 10 }} (weighted: every group imported, so each key names a declaration); anything else
   * as the API's members.
   */
  private static List<Item> actions(String key, JsonNode actions, Shape shape, ServiceSource.Declared declared) {
    JsonNode only = actions.size() == 1 ? actions.get(0) : null;
    if (only != null && "forward".equals(only.path("Type").asText()) && only.size() == 2 && only.path("TargetGroupArn").isTextual()) {
      return List.of(Ast.attr("forward", declared.elbReference(only.get("TargetGroupArn").asText())));
    }
    if (only != null && "forward".equals(only.path("Type").asText()) && only.size() == 2
        && only.path("ForwardConfig").size() == 1 && weightedToDeclared(only.at("/ForwardConfig/TargetGroups"), declared)) {
      List<Item> weights = new ArrayList<>();
      for (JsonNode g : only.at("/ForwardConfig/TargetGroups")) {
        weights.add(Ast.attr(declared.elbLabels().get(g.get("TargetGroupArn").asText()), Ast.integer(g.path("Weight").asLong())));
      }
      return List.of(Ast.block("forward", weights));
    }
    return GenericItems.member(key, actions, shape);
  }

  private static boolean weightedToDeclared(JsonNode groups, ServiceSource.Declared declared) {
    for (JsonNode g : groups) {
      if (g.size() != 2 || !g.path("Weight").canConvertToLong() || !declared.elbLabels().containsKey(g.path("TargetGroupArn").asText())) {
        return false;
      }
    }
    return !groups.isEmpty();
  }
}
