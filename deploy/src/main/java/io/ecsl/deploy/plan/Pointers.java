package io.ecsl.deploy.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.schema.Shape;
import java.util.ArrayList;
import java.util.List;

/**
 * JSON pointers into API documents, and the same place in another document of the same shape:
 * {@code /containerDefinitions/0/image} in the declaration is the image of the live container with
 * the same name, wherever it sits in the live list.
 */
final class Pointers {
  private Pointers() {}

  static List<String> segments(String pointer) {
    List<String> out = new ArrayList<>();
    if (pointer == null || pointer.isEmpty()) {
      return out;
    }
    for (String s : pointer.substring(1).split("/", -1)) {
      out.add(s.replace("~1", "/").replace("~0", "~"));
    }
    return out;
  }

  static JsonNode get(JsonNode doc, String pointer) {
    JsonNode n = doc;
    for (String s : segments(pointer)) {
      if (n == null) {
        return null;
      }
      n = n.isArray() ? n.get(index(s)) : n.get(s);
    }
    return n;
  }

  /** The value at the place in {@code live} that corresponds to {@code pointer} in {@code declared}. */
  static JsonNode corresponding(JsonNode declared, JsonNode live, String pointer) {
    JsonNode d = declared;
    JsonNode l = live;
    for (String s : segments(pointer)) {
      if (d == null || l == null) {
        return null;
      }
      if (d.isArray()) {
        int i = index(s);
        JsonNode element = d.get(i);
        d = element;
        l = match(element, l, i);
      } else {
        d = d.get(s);
        l = l.get(s);
      }
    }
    return l;
  }

  private static JsonNode match(JsonNode element, JsonNode liveList, int index) {
    if (element != null) {
      for (String key : List.of("name", "Id", "containerName")) {
        JsonNode k = element.get(key);
        if (k != null && k.isTextual()) {
          for (JsonNode candidate : liveList) {
            if (k.equals(candidate.get(key))) {
              return candidate;
            }
          }
          return null;
        }
      }
    }
    return liveList.get(index);
  }

  /**
   * {@code doc} with the value at {@code pointer} replaced by {@code value}, or removed when it is
   * null, leaving {@code doc} untouched: only the containers on the way to the pointer are copied
   * (shallowly), everything else is shared. Missing parents are not created; when there is nothing
   * to change, {@code doc} itself is returned.
   */
  static ObjectNode with(ObjectNode doc, String pointer, JsonNode value) {
    List<String> segs = segments(pointer);
    return segs.isEmpty() ? doc : (ObjectNode) with(doc, segs, 0, value, false);
  }

  /**
   * {@code doc} without the value at {@code pointer}, copied like {@link #with}; a structure or
   * list left empty by the removal goes too, as in canonical form, where nothing is empty.
   */
  static ObjectNode without(ObjectNode doc, String pointer) {
    List<String> segs = segments(pointer);
    if (segs.isEmpty()) {
      return doc;
    }
    JsonNode out = with(doc, segs, 0, null, true);
    return out == null ? doc.objectNode() : (ObjectNode) out;
  }

  /** The new node, the same node when nothing changed, or null when pruning left it empty. */
  private static JsonNode with(JsonNode node, List<String> segs, int i, JsonNode value, boolean prune) {
    String s = segs.get(i);
    JsonNode child = node.isArray() ? node.get(index(s)) : node.get(s);
    JsonNode replacement;
    if (i == segs.size() - 1) {
      if (value == null && child == null || node.isArray() && (child == null || value == null)) {
        return node; // nothing to remove; list elements are replaced, never removed
      }
      replacement = value == null ? null : value.deepCopy();
    } else {
      if (child == null || !child.isContainerNode()) {
        return node;
      }
      replacement = with(child, segs, i + 1, value, prune);
      if (replacement == child) {
        return node;
      }
    }
    if (node instanceof ObjectNode o) {
      ObjectNode copy = o.objectNode();
      copy.setAll(o);
      if (replacement == null) {
        copy.remove(s);
      } else {
        copy.set(s, replacement);
      }
      return prune && copy.isEmpty() ? null : copy;
    }
    ArrayNode a = (ArrayNode) node;
    ArrayNode copy = a.arrayNode(a.size());
    copy.addAll(a);
    if (replacement == null) {
      copy.remove(index(s)); // an element pruned because it became empty
    } else {
      copy.set(index(s), replacement);
    }
    return prune && copy.isEmpty() ? null : copy;
  }

  /** A readable path: {@code containerDefinitions[app].image}. */
  static String path(JsonNode doc, String pointer) {
    StringBuilder sb = new StringBuilder();
    JsonNode n = doc;
    for (String s : segments(pointer)) {
      if (n != null && n.isArray()) {
        JsonNode e = n.get(index(s));
        String name = e == null ? null : e.path("name").asText(null);
        sb.append('[').append(name != null ? name : s).append(']');
        n = e;
      } else {
        sb.append(sb.isEmpty() ? "" : ".").append(s);
        n = n == null ? null : n.get(s);
      }
    }
    return sb.toString();
  }

  /** True when any shape on the way to {@code pointer} is marked sensitive. */
  static boolean sensitive(Shape root, String pointer) {
    Shape s = root;
    for (String seg : segments(pointer)) {
      if (s == null) {
        return false;
      }
      if (s.sensitive()) {
        return true;
      }
      s = s.isList() ? s.element() : s.isMap() ? s.value() : s.member(seg);
    }
    return s != null && s.sensitive();
  }

  private static int index(String s) {
    try {
      return Integer.parseInt(s);
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
