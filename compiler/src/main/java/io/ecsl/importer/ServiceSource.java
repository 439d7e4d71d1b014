package io.ecsl.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.ast.Expr;
import io.ecsl.ast.Item;
import io.ecsl.facts.capacity.FargateProviders;
import io.ecsl.schema.ServiceModel;
import io.ecsl.schema.Shape;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Services, clusters and capacity providers as idiomatic source: {@code service web in prod},
 * {@code task = web}, {@code desired}, {@code deployment { min_healthy = 100%, … }},
 * {@code network { … }}, {@code load_balancer { … }}, {@code strategy = [FARGATE base 1 weight 1]},
 * {@code container_insights = enabled}, {@code auto_scaling_group = "arn"}.
 */
final class ServiceSource {
  private static final ServiceModel ECS = ServiceModel.get(ServiceModel.ECS);

  private ServiceSource() {}

  /**
   * What else this import declares, so references can be names instead of strings.
   *
   * @param elbLabels the label of each imported target group and load balancer, by its ARN placeholder
   * @param rules the imported listener rules, by their listener's ARN placeholder
   * @param daemonDefinitions the imported daemon task definitions, by family, each written inside its daemon
   */
  record Declared(Set<String> families, Set<String> clusters, Set<String> providers, Map<String, String> elbLabels,
      Map<String, List<ImportedResource>> rules, Map<String, ImportedResource> daemonDefinitions) {

    /** A declared target group or load balancer's label for its placeholder; else the text as a string. */
    Expr elbReference(String arnOrPlaceholder) {
      String label = elbLabels.get(arnOrPlaceholder);
      return label != null ? Ast.name(label) : Ast.str(arnOrPlaceholder);
    }
  }

  static Item service(ImportedResource r, Declared declared) {
    Shape shape = ECS.input("CreateService");
    List<Item> body = new ArrayList<>();
    Expr in = null;
    for (Map.Entry<String, JsonNode> e : r.request().properties()) {
      String m = e.getKey();
      JsonNode v = e.getValue();
      Shape ms = shape.member(m);
      switch (m) {
        case "serviceName" -> {
          if (!v.asText().equals(r.name())) {
            body.add(Ast.attr("service_name", Ast.str(v.asText())));
          }
        }
        case "cluster" -> in = reference(v.asText(), declared.clusters());
        case "taskDefinition" -> body.add(Ast.attr("task", reference(v.asText(), declared.families())));
        case "desiredCount" -> body.add(Ast.attr("desired", Ast.integer(v.asLong())));
        case "healthCheckGracePeriodSeconds" -> body.add(Ast.attr("grace_period", Units.duration(v.asLong())));
        case "deploymentConfiguration" -> body.add(Ast.block("deployment", deployment((ObjectNode) v, ms)));
        case "networkConfiguration" -> body.addAll(network((ObjectNode) v, ms));
        case "loadBalancers" -> {
          for (JsonNode lb : v) {
            body.add(Ast.block("load_balancer", loadBalancer((ObjectNode) lb, ms.element(), declared)));
          }
        }
        case "capacityProviderStrategy" -> body.add(Ast.attr("strategy", strategy(v, declared)));
        case "serviceConnectConfiguration" -> body.add(Ast.block("service_connect", serviceConnect((ObjectNode) v, ms)));
        default -> body.addAll(GenericItems.member(Shape.snake(m), v, ms));
      }
    }
    return Ast.declaration("service", r.name(), in, body);
  }

  /** A name declared in this import is referenced by name; anything else is a string (managed elsewhere). */
  private static Expr reference(String name, Set<String> declared) {
    return declared.contains(name) && Ast.isName(name) ? Ast.name(name) : Ast.str(name);
  }

  private static List<Item> deployment(ObjectNode d, Shape shape) {
    List<Item> items = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : d.properties()) {
      JsonNode v = e.getValue();
      switch (e.getKey()) {
        case "minimumHealthyPercent" -> items.add(Ast.attr("min_healthy", percent(v)));
        case "maximumPercent" -> items.add(Ast.attr("max", percent(v)));
        case "deploymentCircuitBreaker" -> {
          String word = circuitBreaker(v);
          items.addAll(word != null ? List.of(Ast.attr("circuit_breaker", Ast.name(word)))
              : GenericItems.member("circuit_breaker", v, shape.member("deploymentCircuitBreaker")));
        }
        default -> items.addAll(GenericItems.member(Shape.snake(e.getKey()), v, shape.member(e.getKey())));
      }
    }
    return items;
  }

  private static Expr percent(JsonNode v) {
    return v.asLong() >= 0 ? Ast.quantity(BigDecimal.valueOf(v.asLong()), "%") : Ast.integer(v.asLong());
  }

  /** {@code rollback}, {@code enabled} or {@code disabled} when the breaker is exactly one of them. */
  private static String circuitBreaker(JsonNode b) {
    if (b.size() != 2 || !b.path("enable").isBoolean() || !b.path("rollback").isBoolean()) {
      return null;
    }
    boolean enable = b.get("enable").asBoolean();
    boolean rollback = b.get("rollback").asBoolean();
    return enable ? (rollback ? "rollback" : "enabled") : (rollback ? null : "disabled");
  }

  /** {@code network { subnets = […], security_groups = […], public_ip = true }}. */
  private static List<Item> network(ObjectNode n, Shape shape) {
    if (n.size() != 1 || !(n.get("awsvpcConfiguration") instanceof ObjectNode vpc)) {
      return GenericItems.member("network_configuration", n, shape);
    }
    Shape vpcShape = shape.member("awsvpcConfiguration");
    List<Item> items = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : vpc.properties()) {
      if (e.getKey().equals("assignPublicIp")) {
        items.add(Ast.attr("public_ip", Ast.bool(e.getValue().asText().equals("ENABLED"))));
      } else {
        items.addAll(GenericItems.member(Shape.snake(e.getKey()), e.getValue(), vpcShape.member(e.getKey())));
      }
    }
    return List.of(Ast.block("network", items));
  }

  private static List<Item> loadBalancer(ObjectNode lb, Shape shape, Declared declared) {
    List<Item> items = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : lb.properties()) {
      JsonNode v = e.getValue();
      switch (e.getKey()) {
        case "targetGroupArn" -> items.add(Ast.attr("target_group", declared.elbReference(v.asText())));
        case "containerName" -> items.add(Ast.attr("container", Ast.str(v.asText())));
        case "containerPort" -> items.add(Ast.attr("port", Ast.integer(v.asLong())));
        default -> items.addAll(GenericItems.member(Shape.snake(e.getKey()), v, shape.member(e.getKey())));
      }
    }
    return items;
  }

  /** {@code [FARGATE base 1 weight 1, "my-provider" weight 3]}. */
  private static Expr strategy(JsonNode list, Declared declared) {
    List<Expr> items = new ArrayList<>();
    for (JsonNode s : list) {
      String name = s.path("capacityProvider").asText();
      Expr provider = FargateProviders.is(name) ? Ast.name(name) : reference(name, declared.providers());
      items.add(Ast.strategyItem(provider, s.has("base") ? Ast.integer(s.get("base").asLong()) : null,
          s.has("weight") ? Ast.integer(s.get("weight").asLong()) : null));
    }
    return Ast.list(items);
  }

  /** {@code service_connect { … }}: declaring it enables it, so {@code enabled = true} goes without saying. */
  private static List<Item> serviceConnect(ObjectNode sc, Shape shape) {
    boolean enabled = sc.path("enabled").asBoolean(false);
    List<Item> items = new ArrayList<>();
    if (!enabled) {
      items.add(Ast.attr("enabled", Ast.bool(false)));
    }
    items.addAll(GenericItems.members(sc, shape, Set.of("enabled")));
    return items;
  }

  // ------------------------------------------------------------------------------- clusters

  static Item cluster(ImportedResource r, Declared declared) {
    Shape shape = ECS.input("CreateCluster");
    List<Item> body = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : r.request().properties()) {
      String m = e.getKey();
      JsonNode v = e.getValue();
      switch (m) {
        case "clusterName" -> {
          if (!v.asText().equals(r.name())) {
            body.add(Ast.attr("cluster_name", Ast.str(v.asText())));
          }
        }
        case "capacityProviders" -> {
          List<Expr> names = new ArrayList<>();
          for (JsonNode p : v) {
            String name = p.asText();
            names.add(FargateProviders.is(name) ? Ast.name(name) : reference(name, declared.providers()));
          }
          body.add(Ast.attr("capacity_providers", Ast.list(names)));
        }
        case "defaultCapacityProviderStrategy" -> body.add(Ast.attr("default_strategy", strategy(v, declared)));
        case "settings" -> {
          JsonNode only = v.size() == 1 ? v.get(0) : null;
          if (only != null && only.size() == 2 && "containerInsights".equals(only.path("name").asText())
              && only.path("value").isTextual() && Ast.isName(only.get("value").asText())) {
            body.add(Ast.attr("container_insights", Ast.name(only.get("value").asText())));
          } else {
            body.addAll(GenericItems.member("settings", v, shape.member(m)));
          }
        }
        default -> body.addAll(GenericItems.member(Shape.snake(m), v, shape.member(m)));
      }
    }
    return Ast.declaration("cluster", r.name(), null, body);
  }

  static Item capacityProvider(ImportedResource r, Declared declared) {
    Shape shape = ECS.input("CreateCapacityProvider");
    List<Item> body = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : r.request().properties()) {
      String m = e.getKey();
      JsonNode v = e.getValue();
      switch (m) {
        case "name" -> {
          if (!v.asText().equals(r.name())) {
            body.add(Ast.attr("name", Ast.str(v.asText())));
          }
        }
        case "autoScalingGroupProvider" -> {
          // The Auto Scaling group's settings are written directly in the capacity provider block.
          Shape asg = shape.member(m);
          for (Iterator<Map.Entry<String, JsonNode>> a = v.fields(); a.hasNext(); ) {
            Map.Entry<String, JsonNode> f = a.next();
            String key = f.getKey().equals("autoScalingGroupArn") ? "auto_scaling_group" : Shape.snake(f.getKey());
            body.addAll(GenericItems.member(key, f.getValue(), asg.member(f.getKey())));
          }
        }
        case "managedInstancesProvider" -> body.add(ManagedInstancesSource.block((ObjectNode) v, shape));
        // A Managed Instances provider belongs to one cluster: a reference when that cluster is imported too.
        case "cluster" -> body.add(Ast.attr("cluster", reference(v.asText(), declared.clusters())));
        default -> body.addAll(GenericItems.member(Shape.snake(m), v, shape.member(m)));
      }
    }
    return Ast.declaration("capacity_provider", r.name(), null, body);
  }
}
