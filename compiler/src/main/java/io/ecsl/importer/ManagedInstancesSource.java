package io.ecsl.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.ast.Item;
import io.ecsl.lower.ManagedInstances;
import io.ecsl.schema.Shape;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A Managed Instances capacity provider's {@code managedInstancesProvider} as the language
 * reference writes it: the short names the compiler reads ({@link ManagedInstances#ALIASES}:
 * {@code managed_instances}, {@code infrastructure_role}, {@code instance_profile},
 * {@code network}, {@code storage}, {@code vcpus}, {@code memory}), quantities with their units
 * ({@code storage { size = 50 GiB }}, {@code memory { min = 8 GiB }}), and
 * {@code scale_in_after = 5m} for {@code infrastructureOptimization}. Everything else is written
 * by its model name, as {@link GenericItems} does.
 */
final class ManagedInstancesSource {
  private static final Map<String, Map<String, String>> WRITTEN = new HashMap<>();

  static {
    for (ManagedInstances.Alias a : ManagedInstances.ALIASES) {
      if (a.imported()) {
        WRITTEN.computeIfAbsent(a.shape(), k -> new HashMap<>()).put(a.member(), a.written());
      }
    }
  }

  private ManagedInstancesSource() {}

  /** The {@code managed_instances { … }} block of a CreateCapacityProvider request's member. */
  static Item block(ObjectNode provider, Shape requestShape) {
    String key = written(requestShape, "managedInstancesProvider");
    return Ast.block(key, items(provider, requestShape.member("managedInstancesProvider")));
  }

  private static List<Item> items(ObjectNode obj, Shape shape) {
    List<Item> out = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : obj.properties()) {
      String member = e.getKey();
      JsonNode value = e.getValue();
      Shape ms = shape.member(member);
      if (ms == null) {
        continue;
      }
      String key = written(shape, member);
      if (member.equals("infrastructureOptimization") && value.size() == 1 && value.path("scaleInAfter").canConvertToLong()) {
        out.add(Ast.attr("scale_in_after", Units.duration(value.get("scaleInAfter").asLong())));
      } else if (member.equals("storageSizeGiB") && value.canConvertToLong()) {
        out.add(Ast.attr(key, Ast.quantity(BigDecimal.valueOf(value.asLong()), "GiB")));
      } else if (shape.name().equals("MemoryMiBRequest") && value.canConvertToLong() && value.asLong() > 0) {
        out.add(Ast.attr(key, Units.taskMemory(String.valueOf(value.asLong()))));
      } else if (ms.isStructure() && value instanceof ObjectNode o) {
        out.add(Ast.block(key, items(o, ms)));
      } else {
        out.addAll(GenericItems.member(key, value, ms));
      }
    }
    return out;
  }

  private static String written(Shape shape, String member) {
    String alias = WRITTEN.getOrDefault(shape.name(), Map.of()).get(member);
    return alias != null ? alias : Shape.snake(member);
  }
}
