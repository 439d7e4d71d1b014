package io.ecsl.rules;

import com.fasterxml.jackson.databind.JsonNode;

/** Reading capacity provider strategy items (the same members in ECS and EventBridge). */
public final class Strategies {
  private Strategies() {}

  public static String provider(JsonNode item) {
    return Nodes.text(item, "capacityProvider");
  }

  public static long weight(JsonNode item) {
    Long w = Nodes.integer(item, "weight");
    return w == null ? 0 : w;
  }

  public static long base(JsonNode item) {
    Long b = Nodes.integer(item, "base");
    return b == null ? 0 : b;
  }
}
