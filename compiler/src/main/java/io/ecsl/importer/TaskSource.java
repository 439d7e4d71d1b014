package io.ecsl.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.ast.Expr;
import io.ecsl.ast.Item;
import io.ecsl.schema.ServiceModel;
import io.ecsl.schema.Shape;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A task definition as idiomatic source: {@code cpu = 0.5 vcpu}, {@code memory = 1 GiB},
 * {@code network = awsvpc}, {@code container NAME { … }}, {@code volume NAME { … }},
 * {@code tags { … }}, and in containers named ports, {@code env}, {@code secret … from},
 * {@code health}, {@code logs}, {@code depends_on}, {@code mount}, {@code volumes_from},
 * {@code ulimit}, {@code system_control}, {@code extra_host}. A first-class form is used only when
 * it builds exactly the same JSON; otherwise the member is written by its API name.
 */
final class TaskSource {
  private static final ServiceModel ECS = ServiceModel.get(ServiceModel.ECS);

  private TaskSource() {}

  static Item declaration(ImportedResource r) {
    ObjectNode td = r.request();
    Shape shape = ECS.input("RegisterTaskDefinition");
    List<Item> body = new ArrayList<>();
    for (String m : readingOrder(td)) {
      JsonNode v = td.get(m);
      switch (m) {
        case "family" -> {
          if (!v.asText().equals(r.name())) {
            body.add(Ast.attr("family", Ast.str(v.asText())));
          }
        }
        case "cpu" -> body.add(Ast.attr("cpu", Units.taskCpu(v.asText())));
        case "memory" -> body.add(Ast.attr("memory", Units.taskMemory(v.asText())));
        case "networkMode" -> body.add(Ast.attr("network", GenericItems.word(v.asText(), shape.member(m))));
        case "requiresCompatibilities" -> body.add(Ast.attr("compatibilities", GenericItems.expr(v, shape.member(m))));
        case "executionRoleArn" -> body.add(Ast.attr("execution_role", Ast.str(v.asText())));
        case "taskRoleArn" -> body.add(Ast.attr("task_role", Ast.str(v.asText())));
        case "runtimePlatform" -> body.add(Ast.block("platform", runtimePlatform((ObjectNode) v, shape.member(m))));
        case "ephemeralStorage" -> body.addAll(v.size() == 1 && v.path("sizeInGiB").canConvertToLong()
            // `ephemeral_storage = 50 GiB`, not `ephemeral_storage { size_in_gi_b = 50 }`
            ? List.of(Ast.attr("ephemeral_storage", Ast.quantity(BigDecimal.valueOf(v.get("sizeInGiB").asLong()), "GiB")))
            : GenericItems.member("ephemeral_storage", v, shape.member(m)));
        case "tags" -> body.addAll(GenericItems.member("tags", v, shape.member(m)));
        case "containerDefinitions" -> {
          if (GenericItems.uniqueBy(v, "name")) {
            for (JsonNode c : v) {
              body.add(container((ObjectNode) c));
            }
          } else {
            body.addAll(GenericItems.member("container_definitions", v, shape.member(m)));
          }
        }
        case "volumes" -> {
          if (GenericItems.uniqueBy(v, "name")) {
            for (JsonNode vol : v) {
              body.add(volume((ObjectNode) vol));
            }
          } else {
            body.addAll(GenericItems.member("volumes", v, shape.member(m)));
          }
        }
        default -> body.addAll(GenericItems.member(Shape.snake(m), v, shape.member(m)));
      }
    }
    return Ast.declaration("task", r.name(), null, body);
  }

  /** Sizes and network first, then the rest in API order, volumes, containers, and tags last: how people write it. */
  private static List<String> readingOrder(ObjectNode td) {
    List<String> first = List.of("family", "cpu", "memory", "networkMode", "requiresCompatibilities", "runtimePlatform",
        "executionRoleArn", "taskRoleArn");
    List<String> last = List.of("volumes", "containerDefinitions", "tags");
    List<String> order = new ArrayList<>();
    first.stream().filter(td::has).forEach(order::add);
    td.fieldNames().forEachRemaining(m -> {
      if (!first.contains(m) && !last.contains(m)) {
        order.add(m);
      }
    });
    last.stream().filter(td::has).forEach(order::add);
    return order;
  }

  private static List<Item> runtimePlatform(ObjectNode p, Shape shape) {
    List<Item> items = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : p.properties()) {
      String key = switch (e.getKey()) {
        case "operatingSystemFamily" -> "os";
        case "cpuArchitecture" -> "arch";
        default -> Shape.snake(e.getKey());
      };
      items.add(Ast.attr(key, GenericItems.word(e.getValue().asText(), shape.member(e.getKey()))));
    }
    return items;
  }

  private static Item volume(ObjectNode vol) {
    Shape shape = ECS.shape("Volume");
    List<Item> body = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : vol.properties()) {
      String key = switch (e.getKey()) {
        case "name" -> null;
        case "efsVolumeConfiguration" -> "efs";
        case "dockerVolumeConfiguration" -> "docker";
        case "fsxWindowsFileServerVolumeConfiguration" -> "fsx";
        default -> Shape.snake(e.getKey());
      };
      if (key != null) {
        body.addAll(GenericItems.member(key, e.getValue(), shape.member(e.getKey())));
      }
    }
    return Ast.labelled("volume", vol.get("name").asText(), null, body);
  }

  // ------------------------------------------------------------------------------- containers

  static Item container(ObjectNode c) {
    Shape shape = ECS.shape("ContainerDefinition");
    List<Item> body = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : c.properties()) {
      String m = e.getKey();
      JsonNode v = e.getValue();
      Shape ms = shape.member(m);
      switch (m) {
        case "name" -> {}
        case "memory", "memoryReservation" -> body.add(Ast.attr(Shape.snake(m), Ast.quantity(BigDecimal.valueOf(v.asLong()), "MiB")));
        case "portMappings" -> body.addAll(ports((ArrayNode) v, ms));
        case "environment" -> body.addAll(GenericItems.member("env", v, ms));
        case "secrets" -> body.addAll(labelledList(v, ms, "secrets", "secret", "name", "valueFrom", true));
        case "mountPoints" -> body.addAll(labelledList(v, ms, "mount_points", "mount", "sourceVolume", "containerPath", false));
        case "volumesFrom" -> body.addAll(labelledList(v, ms, "volumes_from", "volumes_from", "sourceContainer", null, false));
        case "extraHosts" -> body.addAll(labelledList(v, ms, "extra_hosts", "extra_host", "hostname", "ipAddress", false));
        case "systemControls" -> body.addAll(labelledList(v, ms, "system_controls", "system_control", "namespace", "value", false));
        case "ulimits" -> body.addAll(ulimits((ArrayNode) v, ms));
        case "dependsOn" -> body.addAll(dependsOn((ArrayNode) v, ms));
        case "healthCheck" -> body.add(Ast.block("health", health((ObjectNode) v, ms)));
        case "logConfiguration" -> body.add(Ast.block("logs", logs((ObjectNode) v, ms)));
        case "dockerLabels" -> body.addAll(GenericItems.member("labels", v, ms));
        case "firelensConfiguration" -> body.addAll(GenericItems.member("firelens", v, ms));
        case "startTimeout", "stopTimeout" -> body.add(Ast.attr(Shape.snake(m), Units.duration(v.asLong())));
        default -> body.addAll(GenericItems.member(Shape.snake(m), v, ms));
      }
    }
    return Ast.labelled("container", c.get("name").asText(), null, body);
  }

  /**
   * {@code port http = 8080/tcp { host_port = 80 }}: one entry per mapping. Unnamed mappings
   * cannot repeat {@code port = …} (an attribute is set once), so several of them use the API form.
   */
  private static List<Item> ports(ArrayNode mappings, Shape shape) {
    Shape mapping = shape.element();
    int unnamed = 0;
    Set<String> names = new HashSet<>();
    boolean expressible = true;
    for (JsonNode p : mappings) {
      if (p.has("name")) {
        expressible &= names.add(p.get("name").asText());
      } else {
        unnamed++;
      }
      expressible &= p.has("containerPort") && !p.has("containerPortRange") || !p.has("containerPort")
          && p.path("containerPortRange").asText().matches("\\d+-\\d+") && p.has("protocol");
    }
    if (!expressible || unnamed > 1) {
      return GenericItems.member("port_mappings", mappings, shape);
    }
    List<Item> items = new ArrayList<>();
    for (JsonNode p : mappings) {
      Expr primary;
      String protocol = p.has("protocol") ? p.get("protocol").asText() : null;
      if (p.has("containerPortRange")) {
        String[] range = p.get("containerPortRange").asText().split("-");
        primary = Ast.port(Integer.parseInt(range[0]), Integer.parseInt(range[1]), protocol);
      } else {
        long port = p.get("containerPort").asLong();
        primary = protocol != null && port >= 0 && port <= Integer.MAX_VALUE ? Ast.port((int) port, 0, protocol) : Ast.integer(port);
      }
      List<Item> rest = GenericItems.members((ObjectNode) p, mapping, Set.of("name", "containerPort", "containerPortRange", "protocol"));
      if (protocol != null && p.has("containerPort") && (p.get("containerPort").asLong() < 0
          || p.get("containerPort").asLong() > Integer.MAX_VALUE)) {
        rest.add(Ast.attr("protocol", GenericItems.word(protocol, mapping.member("protocol"))));
      }
      List<Item> body = rest.isEmpty() ? null : rest;
      items.add(p.has("name") ? Ast.labelled("port", p.get("name").asText(), primary, body) : Ast.entry("port", primary, body));
    }
    return items;
  }

  /**
   * {@code secret NAME from "arn"}, {@code mount VOLUME = "/path" { read_only = true }},
   * {@code volumes_from C}, {@code extra_host H = "ip"}, {@code system_control "ns" = "v"}: one
   * labelled entry per element when labels are unique (the same labelled entry twice is an error).
   */
  private static List<Item> labelledList(JsonNode list, Shape shape, String apiKey, String keyword, String labelMember,
      String valueMember, boolean fromForm) {
    Shape element = shape.element();
    boolean expressible = GenericItems.uniqueBy(list, labelMember);
    for (JsonNode e : list) {
      expressible &= valueMember == null || e.path(valueMember).isTextual();
    }
    if (!expressible) {
      return GenericItems.member(apiKey, list, shape);
    }
    List<Item> items = new ArrayList<>();
    for (JsonNode e : list) {
      String label = e.get(labelMember).asText();
      Set<String> skip = valueMember == null ? Set.of(labelMember) : Set.of(labelMember, valueMember);
      List<Item> rest = GenericItems.members((ObjectNode) e, element, skip);
      Expr value = valueMember == null ? null : Ast.str(e.get(valueMember).asText());
      if (fromForm && rest.isEmpty()) {
        items.add(Ast.from(keyword, label, value));
      } else {
        items.add(Ast.labelled(keyword, label, value, rest.isEmpty() && value != null ? null : rest));
      }
    }
    return items;
  }

  /** {@code ulimit nofile = 65536} when soft and hard agree, else {@code ulimit nofile { soft = …, hard = … }}. */
  private static List<Item> ulimits(ArrayNode list, Shape shape) {
    if (!GenericItems.uniqueBy(list, "name")) {
      return GenericItems.member("ulimits", list, shape);
    }
    List<Item> items = new ArrayList<>();
    for (JsonNode u : list) {
      String name = u.get("name").asText();
      JsonNode soft = u.get("softLimit");
      JsonNode hard = u.get("hardLimit");
      if (soft != null && hard != null && soft.asLong() == hard.asLong() && u.size() == 3) {
        items.add(Ast.labelled("ulimit", name, Ast.integer(soft.asLong()), null));
      } else {
        List<Item> body = new ArrayList<>();
        if (soft != null) {
          body.add(Ast.attr("soft", Ast.integer(soft.asLong())));
        }
        if (hard != null) {
          body.add(Ast.attr("hard", Ast.integer(hard.asLong())));
        }
        items.add(Ast.labelled("ulimit", name, null, body));
      }
    }
    return items;
  }

  /** {@code depends_on { envoy = HEALTHY }}. */
  private static List<Item> dependsOn(ArrayNode list, Shape shape) {
    if (!GenericItems.uniqueBy(list, "containerName")) {
      return GenericItems.member("depends_on", list, shape);
    }
    List<Item> items = new ArrayList<>();
    Shape condition = shape.element().member("condition");
    for (JsonNode d : list) {
      items.add(Ast.attr(d.get("containerName").asText(), GenericItems.word(d.path("condition").asText(), condition)));
    }
    return List.of(Ast.block("depends_on", items));
  }

  /** {@code command = "…"} for CMD-SHELL, a list for exec form; timings as durations. */
  private static List<Item> health(ObjectNode h, Shape shape) {
    List<Item> items = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : h.properties()) {
      JsonNode v = e.getValue();
      switch (e.getKey()) {
        case "command" -> items.add(Ast.attr("command", healthCommand((ArrayNode) v)));
        case "interval", "timeout", "startPeriod" -> items.add(Ast.attr(Shape.snake(e.getKey()), Units.duration(v.asLong())));
        default -> items.addAll(GenericItems.member(Shape.snake(e.getKey()), v, shape.member(e.getKey())));
      }
    }
    return items;
  }

  /**
   * The compiler reads a string as {@code ["CMD-SHELL", s]} and a list as exec form, adding
   * {@code CMD} unless it starts with CMD, CMD-SHELL or NONE; the importer has already put CMD in
   * front of a command that started with none of them.
   */
  private static Expr healthCommand(ArrayNode command) {
    String first = command.isEmpty() ? "" : command.get(0).asText();
    if (first.equals("CMD-SHELL") && command.size() == 2) {
      return Ast.str(command.get(1).asText());
    }
    List<Expr> elements = new ArrayList<>();
    boolean dropCmd = first.equals("CMD") && command.size() > 1 && !Set.of("CMD", "CMD-SHELL", "NONE").contains(command.get(1).asText());
    for (int i = dropCmd ? 1 : 0; i < command.size(); i++) {
      elements.add(Ast.str(command.get(i).asText()));
    }
    return Ast.list(elements);
  }

  /** {@code logs { driver = awslogs, options { … } }}. */
  private static List<Item> logs(ObjectNode l, Shape shape) {
    List<Item> items = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : l.properties()) {
      if (e.getKey().equals("logDriver")) {
        items.add(Ast.attr("driver", GenericItems.word(e.getValue().asText(), shape.member("logDriver"))));
      } else if (e.getKey().equals("secretOptions")) {
        items.addAll(labelledList(e.getValue(), shape.member("secretOptions"), "secret_options", "secret_option", "name",
            "valueFrom", true));
      } else {
        items.addAll(GenericItems.member(Shape.snake(e.getKey()), e.getValue(), shape.member(e.getKey())));
      }
    }
    return items;
  }
}
