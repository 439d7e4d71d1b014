package io.ecsl.deploy.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.ecsl.deploy.diff.FieldChange;
import io.ecsl.deploy.target.Refresher;
import io.ecsl.schema.Shape;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Tags in their three API spellings ({@code tags: [{key, value}]} in ECS, {@code Tags: [{Key,
 * Value}]} in EventBridge and Cloud Map, {@code Tags: {k: v}} in Application Auto Scaling), and
 * the ownership tag ecsl adds at apply time ({@code ecsl:project}); tags AWS adds ({@code aws:…})
 * are never compared.
 */
final class Tags {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private Tags() {}

  /** The request member holding tags, or null. */
  static String member(Shape shape) {
    if (shape.members().containsKey("tags")) {
      return "tags";
    }
    return shape.members().containsKey("Tags") ? "Tags" : null;
  }

  /** The declared tags of a request, as a map. */
  static Map<String, String> of(ObjectNode body, Shape shape) {
    Map<String, String> out = new LinkedHashMap<>();
    String m = member(shape);
    JsonNode tags = m == null ? null : body.get(m);
    if (tags == null) {
      return out;
    }
    if (tags.isObject()) {
      tags.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
    } else {
      for (JsonNode t : tags) {
        out.put(t.has("key") ? t.path("key").asText() : t.path("Key").asText(),
            t.has("value") ? t.path("value").asText() : t.path("Value").asText());
      }
    }
    return out;
  }

  /** The declared tags plus the ownership tag. */
  static Map<String, String> desired(ObjectNode body, Shape shape, String project) {
    Map<String, String> out = of(body, shape);
    out.put(Refresher.OWNER_TAG, project);
    return out;
  }

  /** A copy of the request with the ownership tag added in the request's own tag spelling. */
  static ObjectNode withOwner(ObjectNode body, Shape shape, String project) {
    // A shallow copy with a new tag container: the rest is shared with the input, which is never changed.
    ObjectNode copy = body.objectNode();
    copy.setAll(body);
    String m = member(shape);
    if (m == null) {
      return copy;
    }
    Shape tagShape = shape.member(m);
    if (tagShape.isMap()) {
      ObjectNode map = copy.putObject(m);
      if (body.get(m) instanceof ObjectNode o) {
        map.setAll(o);
      }
      map.put(Refresher.OWNER_TAG, project);
      return copy;
    }
    boolean lower = tagShape.element().members().containsKey("key");
    ArrayNode list = copy.putArray(m);
    if (body.get(m) instanceof ArrayNode a) {
      list.addAll(a);
    }
    for (int i = list.size() - 1; i >= 0; i--) {
      if (Refresher.OWNER_TAG.equals(list.get(i).path(lower ? "key" : "Key").asText())) {
        list.remove(i);
      }
    }
    ObjectNode tag = list.addObject();
    tag.put(lower ? "key" : "Key", Refresher.OWNER_TAG);
    tag.put(lower ? "value" : "Value", project);
    return copy;
  }

  /** The differences between live and desired tags, one change per key. */
  static List<FieldChange> diff(Map<String, String> live, Map<String, String> desired, String member) {
    if (live.equals(desired)) {
      return List.of(); // the common case, without sorting keys
    }
    List<FieldChange> out = new ArrayList<>();
    TreeSet<String> keys = new TreeSet<>(desired.keySet());
    live.keySet().stream().filter(k -> !k.startsWith("aws:")).forEach(keys::add);
    for (String k : keys) {
      String before = live.get(k);
      String after = desired.get(k);
      if (before == null ? after != null : !before.equals(after)) {
        // a tag named like a secret (`api_token`) is masked like an environment variable would be
        boolean secret = io.ecsl.deploy.diff.Masking.secretName(k);
        out.add(new FieldChange("/" + member + "/" + k, member + "[" + k + "]", shown(before, secret), shown(after, secret),
            secret));
      }
    }
    return out;
  }

  private static TextNode shown(String value, boolean secret) {
    return value == null ? null : TextNode.valueOf(secret ? io.ecsl.deploy.diff.Masking.MASK : value);
  }

  /** Tags to add or change, as a list in the given spelling. */
  static ArrayNode list(Map<String, String> live, Map<String, String> desired, boolean lower) {
    ArrayNode out = JSON.arrayNode();
    desired.forEach((k, v) -> {
      if (!v.equals(live.get(k))) {
        ObjectNode t = out.addObject();
        t.put(lower ? "key" : "Key", k);
        t.put(lower ? "value" : "Value", v);
      }
    });
    return out;
  }

  /** Tag keys to remove. */
  static ArrayNode removed(Map<String, String> live, Map<String, String> desired) {
    ArrayNode out = JSON.arrayNode();
    live.keySet().stream().filter(k -> !k.startsWith("aws:") && !desired.containsKey(k)).sorted().forEach(out::add);
    return out;
  }
}
