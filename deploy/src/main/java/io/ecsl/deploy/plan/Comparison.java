package io.ecsl.deploy.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.deploy.diff.Differ;
import io.ecsl.deploy.diff.EcsDefaults;
import io.ecsl.deploy.diff.FieldChange;
import io.ecsl.deploy.diff.Masking;
import io.ecsl.deploy.diff.Normalizer;
import io.ecsl.schema.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The comparison of one declared request with its live counterpart: owned-elsewhere fields take
 * the live value (and are reported as ignored), fields the service chooses when undeclared and
 * write-only fields are left out, tags are compared separately ({@link Tags}), then both sides are
 * normalized and diffed.
 *
 * @param changes what differs, live → declared
 * @param ignored owned-elsewhere fields
 * @param effective the declared request with owned-elsewhere fields set to their live values: what apply sends
 */
record Comparison(List<FieldChange> changes, List<IgnoredField> ignored, ObjectNode effective) {

  static Comparison of(Shape shape, ObjectNode declared, ObjectNode live, Map<String, String> owned) {
    ObjectNode d = declared.deepCopy();
    List<IgnoredField> ignored = new ArrayList<>();
    for (Map.Entry<String, String> o : owned.entrySet()) {
      String pointer = o.getKey();
      JsonNode declaredValue = Pointers.get(d, pointer);
      JsonNode liveValue = live == null ? null : Pointers.corresponding(d, live, pointer);
      String path = Pointers.path(d, pointer);
      boolean sensitive = Pointers.sensitive(shape, pointer);
      ignored.add(new IgnoredField(pointer, path, o.getValue(), show(declaredValue, sensitive), show(liveValue, sensitive)));
      if (live != null) {
        Pointers.set(d, pointer, liveValue);
      }
    }
    if (live == null) {
      return new Comparison(List.of(), ignored, d);
    }
    ObjectNode dc = withoutTags(d, shape);
    ObjectNode lc = withoutTags(live.deepCopy(), shape);
    for (String m : shape.members().keySet()) {
      if (EcsDefaults.writeOnly(shape.name(), m)) {
        dc.remove(m);
        lc.remove(m);
      } else if (EcsDefaults.serverChosen(shape.name(), m) && !dc.has(m)) {
        lc.remove(m);
      }
    }
    List<FieldChange> changes = Differ.diff(Normalizer.normalize(lc, shape), Normalizer.normalize(dc, shape), shape);
    return new Comparison(changes, ignored, d);
  }

  private static JsonNode show(JsonNode value, boolean sensitive) {
    if (value == null) {
      return null;
    }
    return sensitive ? Masking.mask(value) : Masking.maskSecretNames(value);
  }

  static ObjectNode withoutTags(ObjectNode body, Shape shape) {
    String member = Tags.member(shape);
    if (member != null) {
      body.remove(member);
    }
    return body;
  }
}
