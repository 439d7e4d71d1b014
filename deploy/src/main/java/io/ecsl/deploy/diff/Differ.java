package io.ecsl.deploy.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.ecsl.deploy.diff.ShapeRules.Kind;
import io.ecsl.deploy.diff.ShapeRules.Member;
import io.ecsl.model.SpanIndex;
import io.ecsl.schema.Shape;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Field-by-field difference of two normalized documents of one request shape. Lists whose
 * elements have an identity (containers and volumes by name, environment by name, tags by key,
 * EventBridge targets by Id) are matched by it, so adding a container in the middle shows as one
 * added container rather than every later container "changing". Values under sensitive shapes or
 * with secret-looking names come out masked ({@link Masking}).
 *
 * <p>Equal subtrees are skipped with one equality test; the pointer and path of a field are only
 * spelled out for fields that differ. The planner calls this only for documents that are not equal
 * as a whole, so an unchanged resource costs one {@link JsonNode#equals}.
 */
public final class Differ {
  private Differ() {}

  /** Every difference, in document order; empty when the documents are equal. */
  public static List<FieldChange> diff(JsonNode live, JsonNode declared, Shape shape) {
    List<FieldChange> out = new ArrayList<>();
    walk(live, declared, ShapeRules.of(shape), null, Place.ROOT, false, out);
    return out;
  }

  /**
   * Where a field is, kept as a chain of segments and turned into text only for a change:
   * {@code /containerDefinitions/0/image} for machines, {@code containerDefinitions[app].image} for people.
   */
  private record Place(Place parent, String pointerSegment, String pathSegment, boolean bracketed) {
    static final Place ROOT = new Place(null, null, null, false);

    Place member(String name) {
      return new Place(this, name, name, false);
    }

    Place element(String pointerSegment, String label) {
      return new Place(this, pointerSegment, label, true);
    }

    String pointer() {
      StringBuilder sb = new StringBuilder();
      pointer(sb);
      return sb.toString();
    }

    private void pointer(StringBuilder sb) {
      if (parent != null) {
        parent.pointer(sb);
        sb.append('/').append(SpanIndex.escape(pointerSegment));
      }
    }

    String path() {
      StringBuilder sb = new StringBuilder();
      path(sb);
      return sb.toString();
    }

    private void path(StringBuilder sb) {
      if (parent == null) {
        return;
      }
      parent.path(sb);
      if (bracketed) {
        sb.append('[').append(pathSegment).append(']');
      } else {
        sb.append(sb.isEmpty() ? "" : ".").append(pathSegment);
      }
    }
  }

  private static void walk(JsonNode before, JsonNode after, ShapeRules rules, Member member, Place place,
      boolean sensitive, List<FieldChange> out) {
    if (Normalizer.same(before, after)) {
      return;
    }
    boolean sens = sensitive || rules != null && rules.shape.sensitive();
    if (before != null && after != null && rules != null) {
      if (rules.kind == Kind.STRUCTURE && before.isObject() && after.isObject()) {
        for (Member m : rules.members()) {
          JsonNode b = before.get(m.name);
          JsonNode a = after.get(m.name);
          if (b != null || a != null) {
            walk(b, a, m.rules(), m, place.member(m.name), sens, out);
          }
        }
        return;
      }
      if (rules.kind == Kind.MAP && before.isObject() && after.isObject()) {
        Set<String> keys = new LinkedHashSet<>();
        before.fieldNames().forEachRemaining(keys::add);
        after.fieldNames().forEachRemaining(keys::add);
        for (String k : keys) {
          walk(before.get(k), after.get(k), rules.element(), null, place.element(k, k), sens || Masking.secretName(k), out);
        }
        return;
      }
      if (rules.kind == Kind.LIST && before instanceof ArrayNode b && after instanceof ArrayNode a) {
        list(b, a, rules, member, place, sens, out);
        return;
      }
    }
    out.add(change(place, before, after, sens));
  }

  private static void list(ArrayNode before, ArrayNode after, ShapeRules rules, Member member, Place place,
      boolean sens, List<FieldChange> out) {
    String key = member == null ? null : member.identity;
    ShapeRules element = rules.element();
    if (key != null && !key.isEmpty() && uniqueKeys(before, key) && uniqueKeys(after, key)) {
      Map<String, Integer> beforeAt = index(before, key);
      Map<String, Integer> afterAt = index(after, key);
      Set<String> keys = new LinkedHashSet<>(afterAt.keySet());
      keys.addAll(beforeAt.keySet());
      boolean pairs = element != null && (element.member("value") != null || element.member("Value") != null);
      for (String k : keys) {
        Integer bi = beforeAt.get(k);
        Integer ai = afterAt.get(k);
        JsonNode b = bi == null ? null : before.get(bi);
        JsonNode a = ai == null ? null : after.get(ai);
        boolean secretPair = pairs && Masking.secretName(k);
        walk(b, a, element, member, place.element(String.valueOf(ai != null ? ai : bi), k), sens || secretPair, out);
      }
      return;
    }
    if (key != null && key.isEmpty()) {
      // A set of strings: show what was added and removed.
      if (!texts(before).equals(texts(after))) {
        out.add(change(place, before, after, sens));
      }
      return;
    }
    if (before.size() != after.size()) {
      out.add(change(place, before, after, sens));
      return;
    }
    for (int i = 0; i < after.size(); i++) {
      walk(before.get(i), after.get(i), element, member, place.element(String.valueOf(i), String.valueOf(i)), sens, out);
    }
  }

  private static FieldChange change(Place place, JsonNode before, JsonNode after, boolean sensitive) {
    if (sensitive) {
      return new FieldChange(place.pointer(), place.path(), Masking.mask(before), Masking.mask(after), true);
    }
    return new FieldChange(place.pointer(), place.path(), before == null ? null : Masking.maskSecretNames(before),
        after == null ? null : Masking.maskSecretNames(after), false);
  }

  private static boolean uniqueKeys(ArrayNode list, String key) {
    Set<String> seen = new HashSet<>();
    for (JsonNode e : list) {
      JsonNode k = e.get(key);
      if (k == null || !k.isValueNode() || !seen.add(k.asText())) {
        return false;
      }
    }
    return true;
  }

  /** Key → index, in document order (for stable output). */
  private static Map<String, Integer> index(ArrayNode list, String key) {
    Map<String, Integer> out = new LinkedHashMap<>();
    for (int i = 0; i < list.size(); i++) {
      out.put(list.get(i).get(key).asText(), i);
    }
    return out;
  }

  private static Set<String> texts(ArrayNode list) {
    Set<String> out = new HashSet<>();
    list.forEach(e -> out.add(e.asText()));
    return out;
  }
}
