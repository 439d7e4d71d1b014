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

  /** Sets (or, for a null value, removes) the value at {@code pointer}; missing parents are not created. */
  static void set(JsonNode doc, String pointer, JsonNode value) {
    List<String> segs = segments(pointer);
    if (segs.isEmpty()) {
      return;
    }
    JsonNode parent = get(doc, pointer.substring(0, pointer.lastIndexOf('/')));
    String last = segs.get(segs.size() - 1);
    if (parent instanceof ObjectNode o) {
      if (value == null) {
        o.remove(last);
      } else {
        o.set(last, value.deepCopy());
      }
    } else if (parent instanceof ArrayNode a && value != null) {
      a.set(index(last), value.deepCopy());
    }
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
