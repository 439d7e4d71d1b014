package io.ecsl.deploy.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.ecsl.model.Canonical;
import io.ecsl.model.SpanIndex;
import io.ecsl.schema.Shape;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
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
 */
public final class Differ {
  /** Lists matched by a member in addition to the order-insensitive ones of {@link Canonical}. */
  private static final Map<String, String> IDENTITY = Map.of(
      "RegisterTaskDefinitionRequest.containerDefinitions", "name",
      "RegisterTaskDefinitionRequest.volumes", "name",
      "PutTargetsRequest.Targets", "Id",
      "ContainerDefinition.dependsOn", "containerName",
      "ServiceConnectConfiguration.services", "portName");

  private Differ() {}

  /** Every difference, in document order; empty when the documents are equal. */
  public static List<FieldChange> diff(JsonNode live, JsonNode declared, Shape shape) {
    List<FieldChange> out = new ArrayList<>();
    walk(live, declared, shape, null, null, "", "", false, out);
    return out;
  }

  private static void walk(JsonNode before, JsonNode after, Shape shape, Shape owner, String member, String pointer,
      String path, boolean sensitive, List<FieldChange> out) {
    if (Normalizer.same(before, after)) {
      return;
    }
    boolean sens = sensitive || shape != null && shape.sensitive();
    if (before != null && after != null && shape != null) {
      if (shape.isStructure() && before.isObject() && after.isObject()) {
        for (String m : memberOrder(shape, before, after)) {
          walk(before.get(m), after.get(m), shape.member(m), shape, m, pointer + "/" + SpanIndex.escape(m),
              path.isEmpty() ? m : path + "." + m, sens, out);
        }
        return;
      }
      if (shape.isMap() && before.isObject() && after.isObject()) {
        Set<String> keys = new LinkedHashSet<>();
        before.fieldNames().forEachRemaining(keys::add);
        after.fieldNames().forEachRemaining(keys::add);
        for (String k : keys) {
          walk(before.get(k), after.get(k), shape.value(), null, null, pointer + "/" + SpanIndex.escape(k),
              path + "[" + k + "]", sens || Masking.secretName(k), out);
        }
        return;
      }
      if (shape.isList() && before instanceof ArrayNode b && after instanceof ArrayNode a) {
        list(b, a, shape, owner, member, pointer, path, sens, out);
        return;
      }
    }
    out.add(change(pointer, path, before, after, sens));
  }

  private static void list(ArrayNode before, ArrayNode after, Shape shape, Shape owner, String member, String pointer,
      String path, boolean sens, List<FieldChange> out) {
    String key = identity(owner, member);
    Shape element = shape.element();
    if (key != null && !key.isEmpty() && uniqueKeys(before, key) && uniqueKeys(after, key)) {
      Map<String, Integer> beforeAt = index(before, key);
      Map<String, Integer> afterAt = index(after, key);
      Set<String> keys = new LinkedHashSet<>(afterAt.keySet());
      keys.addAll(beforeAt.keySet());
      for (String k : keys) {
        Integer bi = beforeAt.get(k);
        Integer ai = afterAt.get(k);
        JsonNode b = bi == null ? null : before.get(bi);
        JsonNode a = ai == null ? null : after.get(ai);
        boolean secretPair = Masking.secretName(k) && (element.members().containsKey("value") || element.members().containsKey("Value"));
        walk(b, a, element, owner, member, pointer + "/" + (ai != null ? ai : bi), path + "[" + k + "]", sens || secretPair, out);
      }
      return;
    }
    if (key != null && key.isEmpty()) {
      // A set of strings: show what was added and removed.
      Set<String> b = texts(before);
      Set<String> a = texts(after);
      if (!b.equals(a)) {
        out.add(change(pointer, path, before, after, sens));
      }
      return;
    }
    if (before.size() != after.size()) {
      out.add(change(pointer, path, before, after, sens));
      return;
    }
    for (int i = 0; i < after.size(); i++) {
      walk(before.get(i), after.get(i), element, owner, member, pointer + "/" + i, path + "[" + i + "]", sens, out);
    }
  }

  private static FieldChange change(String pointer, String path, JsonNode before, JsonNode after, boolean sensitive) {
    if (sensitive) {
      return new FieldChange(pointer, path, Masking.mask(before), Masking.mask(after), true);
    }
    return new FieldChange(pointer, path, before == null ? null : Masking.maskSecretNames(before),
        after == null ? null : Masking.maskSecretNames(after), false);
  }

  private static String identity(Shape owner, String member) {
    if (owner == null) {
      return null;
    }
    String id = IDENTITY.get(owner.name() + "." + member);
    return id != null ? id : Canonical.sortKey(owner, member);
  }

  private static List<String> memberOrder(Shape shape, JsonNode before, JsonNode after) {
    List<String> out = new ArrayList<>();
    for (String m : shape.members().keySet()) {
      if (before.has(m) || after.has(m)) {
        out.add(m);
      }
    }
    return out;
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

  private static Map<String, Integer> index(ArrayNode list, String key) {
    Map<String, Integer> out = new HashMap<>();
    for (int i = 0; i < list.size(); i++) {
      out.put(list.get(i).get(key).asText(), i);
    }
    // keep document order for stable output
    Map<String, Integer> ordered = new java.util.LinkedHashMap<>();
    for (int i = 0; i < list.size(); i++) {
      String k = list.get(i).get(key).asText();
      ordered.put(k, out.get(k));
    }
    return ordered;
  }

  private static Set<String> texts(ArrayNode list) {
    Set<String> out = new HashSet<>();
    list.forEach(e -> out.add(e.asText()));
    return out;
  }
}
