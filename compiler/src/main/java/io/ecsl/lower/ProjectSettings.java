package io.ecsl.lower;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.diag.Diagnostic;
import io.ecsl.eval.Declaration;
import io.ecsl.eval.Kind;
import io.ecsl.eval.Value;
import io.ecsl.schema.Shape;
import io.ecsl.source.Span;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The optional {@code project { name, region, account_id, tags }} block, merged with the command
 * line (which wins) and the environment (AWS_REGION). Its tags go on every resource that takes tags.
 */
record ProjectSettings(String name, String region, String accountId, Map<String, String> tags, ModelBuilder builder) {
  /** What a {@code project { … }} block takes. */
  static final List<String> SETTINGS = List.of("name", "region", "account_id", "tags");

  static ProjectSettings from(ModelBuilder builder, List<Declaration> declarations, ModelBuilder.Settings given) {
    String name = null;
    String region = null;
    String account = null;
    Map<String, String> tags = new LinkedHashMap<>();
    Declaration first = null;
    for (Declaration d : declarations) {
      if (d.kind() != Kind.PROJECT) {
        continue;
      }
      if (first != null) {
        builder.interpreter().report(Diagnostic.error("E0215", d.span(), "the project is configured twice")
            .withLabel(first.span(), "first configured here").withHint("keep one `project { … }` block"));
        continue;
      }
      first = d;
      for (Value.Field f : d.body(builder.interpreter()).fields()) {
        switch (f.key()) {
          case "name" -> name = text(builder, f, "a project name such as \"shop\"");
          case "region" -> region = text(builder, f, "a region such as \"eu-west-1\"");
          case "account_id" -> account = text(builder, f, "a 12-digit account id as a string");
          case "tags" -> {
            if (f.value() instanceof Value.Obj o) {
              for (Value.Field t : o.fields()) {
                String v = t.value() instanceof Value.Str s ? s.value() : null;
                if (v == null) {
                  builder.interpreter().report(Diagnostic.error("E0302", t.valueSpan(), "tag values are strings").withHint(null));
                } else {
                  tags.put(t.key(), v);
                }
              }
            } else {
              builder.interpreter().report(Diagnostic.error("E0302", f.valueSpan(), "`tags` takes a block of key = \"value\"")
                  .withHint("tags { team = \"web\" }"));
            }
          }
          default -> builder.interpreter().report(Diagnostic.error("E0410", f.keySpan(), "unknown project setting `" + f.key() + "`")
              .withHint("project takes " + String.join(", ", SETTINGS.subList(0, 3)) + " and " + SETTINGS.get(3)));
        }
      }
    }
    if (given.projectName() != null && name == null) {
      name = given.projectName();
    }
    if (given.region() != null) {
      region = given.region();
    }
    if (region == null) {
      region = firstNonBlank(System.getenv("AWS_REGION"), System.getenv("AWS_DEFAULT_REGION"), "us-east-1");
    }
    if (given.accountId() != null) {
      account = given.accountId();
    }
    return new ProjectSettings(name == null ? "ecsl" : name, region, account, tags, builder);
  }

  private static String text(ModelBuilder builder, Value.Field f, String expected) {
    if (f.value() instanceof Value.Str s) {
      return s.value();
    }
    builder.interpreter().report(Diagnostic.error("E0302", f.valueSpan(), "`" + f.key() + "` must be " + expected).withHint(null));
    return null;
  }

  private static String firstNonBlank(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v;
      }
    }
    return null;
  }

  /** Adds the project's default tags to a resource's tag member, resource tags winning. */
  void applyTags(Struct s, String member, Span at) {
    if (tags.isEmpty()) {
      return;
    }
    String m = s.shape.memberFor(member);
    if (m == null) {
      return;
    }
    Shape tagShape = s.shape.member(m);
    if (tagShape.isMap()) {
      ObjectNode map = s.get(m) instanceof ObjectNode o ? o : com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
      tags.forEach((k, v) -> {
        if (!map.has(k)) {
          map.put(k, v);
        }
      });
      if (!s.has(m)) {
        s.setDefault(m, map);
      }
      return;
    }
    String[] kv = Sugars.keyValueMembers(tagShape.element());
    ArrayNode list = s.list(m, at);
    ModelBuilder.mergeTags(list, tags, kv[0], kv[1]);
  }

}
