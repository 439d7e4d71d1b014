package io.ecsl.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.ast.Expr;
import io.ecsl.ast.Item;
import io.ecsl.schema.ServiceModel;
import io.ecsl.schema.Shape;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Managed Daemon and its daemon task definition as one {@code daemon} declaration, written as
 * docs/language.md teaches it: {@code daemon NAME in CLUSTER} (or {@code cluster = "arn:…"} for a
 * cluster the import does not declare), sizes with units, containers as a task's, capacity
 * providers by name when declared here, {@code deployment { drain_percent = 25%, bake = 5m }}.
 */
final class DaemonSource {
  private static final ServiceModel ECS = ServiceModel.get(ServiceModel.ECS);

  private DaemonSource() {}

  static Item declaration(ImportedResource daemon, ImportedResource definition, ServiceSource.Declared declared) {
    ObjectNode create = daemon.request();
    ObjectNode td = definition.request();
    Shape createShape = ECS.input("CreateDaemon");
    Shape tdShape = ECS.input("RegisterDaemonTaskDefinition");
    List<Item> body = new ArrayList<>();
    String label = daemon.name();
    if (!td.path("family").asText().equals(label)) {
      body.add(Ast.attr("family", Ast.str(td.path("family").asText())));
    }
    Expr in = null;
    String clusterArn = create.path("clusterArn").asText(null);
    if (clusterArn != null) {
      String cluster = clusterArn.substring(clusterArn.lastIndexOf('/') + 1);
      if (declared.clusters().contains(cluster) && Ast.isName(cluster)) {
        in = Ast.name(cluster);
      } else {
        body.add(Ast.attr("cluster", Ast.str(clusterArn)));
      }
    }
    for (String m : List.of("cpu", "memory", "executionRoleArn", "taskRoleArn", "pidMode", "ipcMode")) {
      JsonNode v = td.get(m);
      if (v == null) {
        continue;
      }
      body.add(switch (m) {
        case "cpu" -> Ast.attr("cpu", Units.taskCpu(v.asText()));
        case "memory" -> Ast.attr("memory", Units.taskMemory(v.asText()));
        case "executionRoleArn" -> Ast.attr("execution_role", Ast.str(v.asText()));
        case "taskRoleArn" -> Ast.attr("task_role", Ast.str(v.asText()));
        case "pidMode" -> Ast.attr("pid", GenericItems.word(v.asText(), tdShape.member(m)));
        default -> Ast.attr("ipc", GenericItems.word(v.asText(), tdShape.member(m)));
      });
    }
    for (Map.Entry<String, JsonNode> e : td.properties()) {
      if (!List.of("family", "cpu", "memory", "executionRoleArn", "taskRoleArn", "pidMode", "ipcMode", "tags",
          "volumes", "containerDefinitions").contains(e.getKey())) {
        body.addAll(GenericItems.member(Shape.snake(e.getKey()), e.getValue(), tdShape.member(e.getKey())));
      }
    }
    if (td.get("volumes") instanceof JsonNode volumes) {
      if (GenericItems.uniqueBy(volumes, "name")) {
        volumes.forEach(v -> body.add(volume((ObjectNode) v)));
      } else {
        body.addAll(GenericItems.member("volumes", volumes, tdShape.member("volumes")));
      }
    }
    JsonNode containers = td.path("containerDefinitions");
    if (GenericItems.uniqueBy(containers, "name")) {
      containers.forEach(c -> body.add(TaskSource.container((ObjectNode) c)));
    } else {
      body.addAll(GenericItems.member("container_definitions", containers, tdShape.member("containerDefinitions")));
    }
    for (Map.Entry<String, JsonNode> e : create.properties()) {
      String m = e.getKey();
      JsonNode v = e.getValue();
      switch (m) {
        case "daemonName", "clusterArn", "daemonTaskDefinitionArn", "tags" -> {}
        case "capacityProviderArns" -> {
          // By name only beside a cluster named too: names need the project's account id for their ARNs.
          boolean byName = in != null;
          List<Expr> providers = new ArrayList<>();
          v.forEach(p -> {
            String name = p.asText().substring(p.asText().lastIndexOf('/') + 1);
            providers.add(declared.providers().contains(name) && Ast.isName(name) && byName ? Ast.name(name)
                : Ast.str(p.asText()));
          });
          body.add(Ast.attr("capacity_providers", Ast.list(providers)));
        }
        case "deploymentConfiguration" -> body.add(Ast.block("deployment", deployment((ObjectNode) v,
            createShape.member(m))));
        default -> body.addAll(GenericItems.member(Shape.snake(m), v, createShape.member(m)));
      }
    }
    JsonNode tags = create.has("tags") ? create.get("tags") : td.get("tags");
    if (tags != null) {
      body.addAll(GenericItems.member("tags", tags, createShape.member("tags")));
    }
    return Ast.declaration("daemon", label, in, body);
  }

  /** {@code drain_percent = 25%}, {@code bake = 5m}, {@code alarms = ["a"]} (enabled), else by model names. */
  private static List<Item> deployment(ObjectNode d, Shape shape) {
    List<Item> items = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : d.properties()) {
      JsonNode v = e.getValue();
      switch (e.getKey()) {
        case "drainPercent" -> items.add(Ast.attr("drain_percent",
            Ast.quantity(new BigDecimal(v.decimalValue().stripTrailingZeros().toPlainString()), "%")));
        case "bakeTimeInMinutes" -> items.add(Ast.attr("bake", Units.duration(v.asLong() * 60)));
        case "alarms" -> {
          if (v.size() == 2 && v.path("enable").asBoolean(false) && v.path("alarmNames").isArray()) {
            List<Expr> names = new ArrayList<>();
            v.path("alarmNames").forEach(n -> names.add(Ast.str(n.asText())));
            items.add(Ast.attr("alarms", Ast.list(names)));
          } else {
            items.addAll(GenericItems.member("alarms", v, shape.member("alarms")));
          }
        }
        default -> items.addAll(GenericItems.member(Shape.snake(e.getKey()), v, shape.member(e.getKey())));
      }
    }
    return items;
  }

  /** {@code volume proc { host = "/proc" }}. */
  private static Item volume(ObjectNode vol) {
    Shape shape = ECS.shape("DaemonVolume");
    List<Item> body = new ArrayList<>();
    JsonNode host = vol.get("host");
    if (host != null && host.size() == 1 && host.path("sourcePath").isTextual()) {
      body.add(Ast.attr("host", Ast.str(host.get("sourcePath").asText())));
    } else if (host != null) {
      body.addAll(GenericItems.member("host", host, shape.member("host")));
    }
    return Ast.labelled("volume", vol.get("name").asText(), null, body);
  }
}
