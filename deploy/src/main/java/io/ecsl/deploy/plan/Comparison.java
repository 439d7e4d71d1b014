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
 * normalized once and compared as whole documents; only documents that differ are diffed field by
 * field. Neither input is modified or copied whole: the effective request shares everything but
 * the owned fields' path with the declaration.
 *
 * @param changes what differs, live → declared
 * @param ignored owned-elsewhere fields
 * @param effective the declared request with owned-elsewhere fields set to their live values: what apply sends
 * @param canonicalLive the live request in canonical form without its tags, for the fingerprint; null when there is none
 */
record Comparison(List<FieldChange> changes, List<IgnoredField> ignored, ObjectNode effective, ObjectNode canonicalLive) {

  static Comparison of(Shape shape, ObjectNode declared, ObjectNode live, Map<String, String> owned) {
    return of(shape, declared, live, owned, Map.of(), Map.of());
  }

  /**
   * @param declaredAs top-level members compared with another value than the declared one (a
   *     service's {@code taskDefinition} as the revision it will run); apply still sends the declared value
   * @param liveAs the same for the live side
   */
  static Comparison of(Shape shape, ObjectNode declared, ObjectNode live, Map<String, String> owned,
      Map<String, JsonNode> declaredAs, Map<String, JsonNode> liveAs) {
    ObjectNode effective = declared;
    List<IgnoredField> ignored = new ArrayList<>();
    for (Map.Entry<String, String> o : owned.entrySet()) {
      String pointer = o.getKey();
      JsonNode declaredValue = Pointers.get(effective, pointer);
      JsonNode liveValue = live == null ? null : Pointers.corresponding(effective, live, pointer);
      String path = Pointers.path(effective, pointer);
      boolean sensitive = Pointers.sensitive(shape, pointer);
      ignored.add(new IgnoredField(pointer, path, o.getValue(), show(declaredValue, sensitive), show(liveValue, sensitive)));
      if (live != null) {
        effective = Pointers.with(effective, pointer, liveValue);
      }
    }
    if (live == null) {
      return new Comparison(List.of(), ignored, effective, null);
    }
    String tags = Tags.member(shape);
    ObjectNode canonicalLive = Normalizer.normalize(live, shape, tags);
    // A request unchanged since a previous build is the same document (numbers aside: a file
    // read back has ints where the compiler made longs): one equality test, which stops at the
    // first difference (at once for a Describe answer: it has more fields), spares normalizing
    // the same document twice.
    ObjectNode d = Normalizer.same(effective, live) ? shallowCopy(canonicalLive) : Normalizer.normalize(effective, shape, tags);
    ObjectNode l = canonicalLive; // d is ours from here on, and changed in place below
    List<String> writeOnly = EcsDefaults.writeOnlyMembers(shape.name());
    List<String> serverChosen = EcsDefaults.serverChosenMembers(shape.name());
    if (!writeOnly.isEmpty() || !serverChosen.isEmpty() || !liveAs.isEmpty()) {
      l = shallowCopy(canonicalLive); // canonicalLive stays whole for the fingerprint
      for (String m : writeOnly) {
        d.remove(m);
        l.remove(m);
      }
      for (String m : serverChosen) {
        if (!effective.has(m)) {
          l.remove(m); // undeclared: whatever the service chose is not a change
        }
      }
      override(l, shape, liveAs);
    }
    override(d, shape, declaredAs);
    List<FieldChange> changes = l.equals(d) ? List.of() : Differ.diff(l, d, shape);
    return new Comparison(changes, ignored, effective, canonicalLive);
  }

  /** A copy of the top level only: what is changed below is only ever top-level members. */
  private static ObjectNode shallowCopy(ObjectNode doc) {
    ObjectNode copy = doc.objectNode();
    copy.setAll(doc);
    return copy;
  }

  private static void override(ObjectNode doc, Shape shape, Map<String, JsonNode> values) {
    values.forEach((member, value) -> {
      JsonNode canonical = Normalizer.member(shape, member, value);
      if (canonical == null) {
        doc.remove(member);
      } else {
        doc.set(member, canonical);
      }
    });
  }

  private static JsonNode show(JsonNode value, boolean sensitive) {
    if (value == null) {
      return null;
    }
    return sensitive ? Masking.mask(value) : Masking.maskSecretNames(value);
  }

  /** A shallow copy of {@code body} without its tags (nothing is copied when it has none). */
  static ObjectNode withoutTags(ObjectNode body, Shape shape) {
    String member = Tags.member(shape);
    if (member == null || !body.has(member)) {
      return body;
    }
    ObjectNode copy = body.objectNode();
    copy.setAll(body);
    copy.remove(member);
    return copy;
  }
}
