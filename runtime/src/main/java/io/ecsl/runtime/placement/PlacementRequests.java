package io.ecsl.runtime.placement;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.runtime.json.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the API's {@code placementConstraints} and {@code placementStrategy} members; throws
 * {@link IllegalArgumentException} with the reason ECS would give for one it refuses.
 */
public final class PlacementRequests {
  /** ECS's limit on a memberOf expression. */
  public static final int MAX_EXPRESSION = 2000;

  private PlacementRequests() {}

  public static List<PlacementStrategy> strategies(JsonNode json) {
    List<PlacementStrategy> out = new ArrayList<>();
    if (json == null || json.isNull()) {
      return out;
    }
    for (JsonNode item : json) {
      out.add(PlacementStrategy.of(Json.text(item, "type"), Json.text(item, "field")));
    }
    return PlacementStrategy.list(out);
  }

  public static List<PlacementConstraint> constraints(JsonNode json) {
    List<PlacementConstraint> out = new ArrayList<>();
    if (json == null || json.isNull()) {
      return out;
    }
    for (JsonNode item : json) {
      String type = Json.text(item, "type");
      String expression = Json.text(item, "expression");
      if ("distinctInstance".equals(type)) {
        if (expression != null && !expression.isEmpty()) {
          throw new IllegalArgumentException("The distinctInstance placement constraint takes no expression; remove"
              + " expression '" + expression + "'.");
        }
        out.add(new PlacementConstraint.DistinctInstance());
      } else if ("memberOf".equals(type)) {
        if (expression == null || expression.isBlank()) {
          throw new IllegalArgumentException("The memberOf placement constraint needs an expression in the cluster"
              + " query language, e.g. attribute:ecs.availability-zone in [us-east-1a, us-east-1b].");
        }
        if (expression.length() > MAX_EXPRESSION) {
          throw new IllegalArgumentException("A memberOf expression has at most " + MAX_EXPRESSION
              + " characters; this one has " + expression.length() + ".");
        }
        out.add(new PlacementConstraint.MemberOf(InstanceConditions.parse(expression)));
      } else {
        throw new IllegalArgumentException("Invalid placement constraint type: " + type
            + ". Use distinctInstance or memberOf.");
      }
    }
    if (out.size() > PlacementConstraint.MAX) {
      throw new IllegalArgumentException("At most " + PlacementConstraint.MAX + " placement constraints can be given;"
          + " got " + out.size() + ".");
    }
    return out;
  }
}
