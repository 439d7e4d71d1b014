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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The comparison of one declared request with its live counterpart: owned-elsewhere fields take
 * the live value (and are reported as ignored), fields the service chooses when undeclared and
 * write-only fields are left out, tags are compared separately ({@link Tags}), then both sides are
 * normalized once and compared as whole documents; only documents that differ are diffed field by
 * field. Neither input is modified or copied whole: the effective request shares everything but
 * the owned fields' path with the declaration.
 *
 * <p>A request unchanged since a previous build ({@code plan --against}) is the very document the
 * declaration is: one {@link Normalizer#identical} test, which stops at the first difference (at
 * once for a Describe answer: it has more fields), settles it without normalizing either side.
 */
final class Comparison {
  private final List<FieldChange> changes;
  private final List<IgnoredField> ignored;
  private final ObjectNode effective;
  private final Shape shape;
  private final ObjectNode live;
  private ObjectNode canonicalLive;

  private Comparison(List<FieldChange> changes, List<IgnoredField> ignored, ObjectNode effective, Shape shape,
      ObjectNode live, ObjectNode canonicalLive) {
    this.changes = changes;
    this.ignored = ignored;
    this.effective = effective;
    this.shape = shape;
    this.live = live;
    this.canonicalLive = canonicalLive;
  }

  /** What differs, live → declared. */
  List<FieldChange> changes() {
    return changes;
  }

  /** Owned-elsewhere fields. */
  List<IgnoredField> ignored() {
    return ignored;
  }

  /** The declared request with owned-elsewhere fields set to their live values: what apply sends. */
  ObjectNode effective() {
    return effective;
  }

  /**
   * The live request in canonical form without its tags, for the fingerprint (normalized now if
   * the comparison did not need it); null when the resource does not exist.
   */
  ObjectNode canonicalLive() {
    if (canonicalLive == null && live != null) {
      canonicalLive = Normalizer.normalize(live, shape, Tags.member(shape));
    }
    return canonicalLive;
  }

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
      return new Comparison(List.of(), ignored, effective, shape, null, null);
    }
    if (Normalizer.identical(effective, live) && sameOverrides(shape, effective, live, declaredAs, liveAs)) {
      // Identical documents normalize alike, and what is left out is left out of both.
      return new Comparison(List.of(), ignored, effective, shape, live, null);
    }
    String tags = Tags.member(shape);
    ObjectNode canonicalLive = Normalizer.normalize(live, shape, tags);
    ObjectNode d = Normalizer.normalize(effective, shape, tags); // ours: changed in place below
    ObjectNode l = canonicalLive;
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
    return new Comparison(changes, ignored, effective, shape, live, canonicalLive);
  }

  /** True when the members compared as other values compare the same on both sides. */
  private static boolean sameOverrides(Shape shape, ObjectNode declared, ObjectNode live, Map<String, JsonNode> declaredAs,
      Map<String, JsonNode> liveAs) {
    for (String m : union(declaredAs.keySet(), liveAs.keySet())) {
      JsonNode d = Normalizer.member(shape, m, declaredAs.containsKey(m) ? declaredAs.get(m) : declared.get(m));
      JsonNode l = Normalizer.member(shape, m, liveAs.containsKey(m) ? liveAs.get(m) : live.get(m));
      if (!Objects.equals(d, l)) {
        return false;
      }
    }
    return true;
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> out = new LinkedHashSet<>(a);
    out.addAll(b);
    return out;
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
