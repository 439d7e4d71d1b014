package io.ecsl.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * The ARN of a resource the build creates, before it exists: {@code ${target-group:web}}.
 *
 * <p>Elastic Load Balancing names its resources by ARNs that end in an id AWS picks at creation
 * ({@code …:targetgroup/web/73e2d6bc24d8a067}), and its API takes only ARNs: a listener takes its
 * load balancer's, a forward action and an ECS service their target group's. A request of the build
 * that needs such an ARN holds this placeholder instead; whoever sends the request (apply,
 * {@code deploy.sh}, a replay of the manifest) puts the ARN in its place, taken from the answer of the
 * request that created the resource. The placeholder is {@code ${KIND:NAME}} with KIND and NAME the
 * {@code kind} and {@code name} of that request's manifest entry; the answer of a create call holds
 * the ARN at {@code TargetGroups[0].TargetGroupArn}, {@code LoadBalancers[0].LoadBalancerArn},
 * {@code Listeners[0].ListenerArn} or {@code Rules[0].RuleArn} (docs/outputs.md). A resource label
 * made of two of them is a {@link ResourceLabelPlaceholder}, resolved here too.
 *
 * @param kind the resource's kind
 * @param name the resource's name, as its manifest entry gives it
 */
public record ArnPlaceholder(ResourceKind kind, String name) {

  /** {@code ${target-group:web}}. */
  public String text() {
    return "${" + kind.id() + ":" + name + "}";
  }

  @Override
  public String toString() {
    return text();
  }

  /** The placeholder of a resource: {@code ${listener:web:80}}. */
  public static String of(ResourceKind kind, String name) {
    return new ArnPlaceholder(kind, name).text();
  }

  /** The placeholder a string is, or null when it is not one (an ARN, a name). */
  public static ArnPlaceholder parse(String text) {
    if (text == null || !text.startsWith("${") || !text.endsWith("}")) {
      return null;
    }
    String inner = text.substring(2, text.length() - 1);
    int colon = inner.indexOf(':');
    if (colon <= 0 || colon == inner.length() - 1) {
      return null;
    }
    String id = inner.substring(0, colon);
    for (ResourceKind k : ResourceKind.values()) {
      if (k.id().equals(id)) {
        return new ArnPlaceholder(k, inner.substring(colon + 1));
      }
    }
    return null;
  }

  /** The ARN placeholders in a request, by JSON pointer, in document order (not the resource labels: {@link #distinct}). */
  public static Map<String, ArnPlaceholder> in(JsonNode body) {
    Map<String, ArnPlaceholder> out = new java.util.LinkedHashMap<>();
    collect(body, "", out);
    return out;
  }

  private static void collect(JsonNode node, String at, Map<String, ArnPlaceholder> out) {
    if (node instanceof ObjectNode obj) {
      for (Map.Entry<String, JsonNode> e : obj.properties()) {
        collect(e.getValue(), at + "/" + SpanIndex.escape(e.getKey()), out);
      }
    } else if (node instanceof ArrayNode list) {
      for (int i = 0; i < list.size(); i++) {
        collect(list.get(i), at + "/" + i, out);
      }
    } else if (node != null && node.isTextual()) {
      ArnPlaceholder p = parse(node.textValue());
      if (p != null) {
        out.put(at, p);
      }
    }
  }

  /**
   * A copy of {@code body} with every placeholder replaced by what {@code arns} gives for it; a
   * placeholder it gives null for stays. The input is not changed.
   */
  public static ObjectNode resolve(ObjectNode body, Function<ArnPlaceholder, String> arns) {
    return (ObjectNode) replace(body, arns);
  }

  private static JsonNode replace(JsonNode node, Function<ArnPlaceholder, String> arns) {
    if (node instanceof ObjectNode obj) {
      ObjectNode out = obj.objectNode();
      obj.fields().forEachRemaining(e -> out.set(e.getKey(), replace(e.getValue(), arns)));
      return out;
    }
    if (node instanceof ArrayNode list) {
      ArrayNode out = list.arrayNode(list.size());
      list.forEach(item -> out.add(replace(item, arns)));
      return out;
    }
    if (node != null && node.isTextual()) {
      ResourceLabelPlaceholder label = ResourceLabelPlaceholder.parse(node.textValue());
      if (label != null) {
        String resolved = label.resolve(arns);
        return resolved == null ? node : TextNode.valueOf(resolved);
      }
      ArnPlaceholder p = parse(node.textValue());
      String arn = p == null ? null : arns.apply(p);
      return arn == null ? node : TextNode.valueOf(arn);
    }
    return node;
  }

  /**
   * The distinct placeholders a request needs resolved before it is sent, in document order: its
   * own, and the two ARNs each {@link ResourceLabelPlaceholder} in it is made of.
   */
  public static List<ArnPlaceholder> distinct(JsonNode body) {
    List<ArnPlaceholder> out = new ArrayList<>();
    collectNeeded(body, out);
    return out;
  }

  private static void collectNeeded(JsonNode node, List<ArnPlaceholder> out) {
    if (node instanceof ObjectNode || node instanceof ArrayNode) {
      node.forEach(child -> collectNeeded(child, out));
    } else if (node != null && node.isTextual()) {
      ResourceLabelPlaceholder label = ResourceLabelPlaceholder.parse(node.textValue());
      List<ArnPlaceholder> found = label != null ? label.parts()
          : parse(node.textValue()) == null ? List.of() : List.of(parse(node.textValue()));
      for (ArnPlaceholder p : found) {
        if (!out.contains(p)) {
          out.add(p);
        }
      }
    }
  }
}
