package io.ecsl.lower;

import static io.ecsl.diag.LanguageCode.OWNED_ELSEWHERE_PATH;
import static io.ecsl.diag.LanguageCode.TYPE;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.diag.Diagnostic;
import io.ecsl.diag.Suggestions;
import io.ecsl.eval.Declaration;
import io.ecsl.eval.Value;
import io.ecsl.model.ResourceKind;
import io.ecsl.schema.Shape;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code owned_elsewhere { desired = "autoscaling", "app.image" = "CI" }}: fields another system
 * manages. The plan shows them as ignored (and by whom), never as changes. Keys are attribute
 * paths as written in the declaration; a task's containers are addressed by name.
 */
final class OwnedElsewhere {
  private OwnedElsewhere() {}

  /** {@code root}: the request shape the declaration lowers to, whose members the paths name. */
  static Map<String, String> read(ModelBuilder b, Declaration d, ObjectNode json, ResourceKind kind, Shape root) {
    Value v = d.body(b.interpreter()).get("owned_elsewhere");
    Map<String, String> out = new LinkedHashMap<>();
    if (v == null) {
      return out;
    }
    if (!(v instanceof Value.Obj o)) {
      b.interpreter().report(Diagnostic.error(TYPE, v.span(), "`owned_elsewhere` takes a block of path = \"owner\"")
          .withHint("owned_elsewhere { desired = \"autoscaling\" }"));
      return out;
    }
    Sugars sugars = b.lower().sugars();
    for (Value.Field f : o.fields()) {
      String owner = f.value() instanceof Value.Str s ? s.value() : null;
      if (owner == null) {
        b.interpreter().report(Diagnostic.error(TYPE, f.valueSpan(), "say who owns `" + f.key() + "` as a string")
            .withHint(f.key() + " = \"autoscaling\""));
        continue;
      }
      String pointer = pointer(sugars, root, json, f.key());
      if (pointer == null) {
        List<String> names = new ArrayList<>();
        root.members().keySet().forEach(m -> names.add(Shape.snake(m)));
        b.interpreter().report(Diagnostic.error(OWNED_ELSEWHERE_PATH, f.keySpan(), "`" + f.key() + "` is not a field of " + kind.word()
            + " `" + d.label() + "`").withHint(orElse(Suggestions.didYouMean(f.key(), names),
                "write a field name, or CONTAINER.FIELD for a container's field")));
        continue;
      }
      out.put(pointer, owner);
    }
    return out;
  }

  private static String pointer(Sugars sugars, Shape root, ObjectNode json, String path) {
    String[] parts = path.split("\\.");
    Shape shape = root;
    StringBuilder pointer = new StringBuilder();
    int i = 0;
    JsonNode containers = json.path("containerDefinitions");
    if (containers.isArray() && parts.length > 1) {
      for (int c = 0; c < containers.size(); c++) {
        if (containers.get(c).path("name").asText().equals(parts[0])) {
          pointer.append("/containerDefinitions/").append(c);
          shape = root.member("containerDefinitions").element();
          i = 1;
          break;
        }
      }
    }
    for (; i < parts.length; i++) {
      if (!shape.isStructure()) {
        return null;
      }
      String member = sugars.memberFor(shape, parts[i]);
      if (member == null) {
        return null;
      }
      pointer.append('/').append(member);
      shape = shape.member(member);
    }
    return pointer.toString();
  }

  private static String orElse(String a, String b) {
    return a != null ? a : b;
  }
}
