package io.ecsl.lsp;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the editor configures (initialization options, or {@code ecsl} in the workspace settings):
 * the same inputs the command line takes, so the editor's diagnostics are {@code ecsl check}'s.
 *
 * <pre>{ "vars": { "env": "prod" }, "varFiles": ["prod.vars"], "region": "eu-west-1", "accountId": "123456789012" }</pre>
 *
 * Relative var files are relative to the project directory.
 */
record Settings(List<String> vars, List<String> varFiles, String region, String accountId) {
  static final Settings NONE = new Settings(List.of(), List.of(), null, null);

  /** The settings in a JSON value: the object itself, or its {@code ecsl} member. */
  static Settings from(Object json) {
    if (!(json instanceof JsonObject o)) {
      return NONE;
    }
    if (o.has("ecsl") && o.get("ecsl").isJsonObject()) {
      o = o.getAsJsonObject("ecsl");
    }
    List<String> vars = new ArrayList<>();
    if (o.get("vars") instanceof JsonObject v) {
      for (Map.Entry<String, JsonElement> e : v.entrySet()) {
        JsonElement value = e.getValue();
        vars.add(e.getKey() + "=" + (value.isJsonPrimitive() ? value.getAsString() : value.toString()));
      }
    }
    List<String> files = new ArrayList<>();
    if (o.get("varFiles") instanceof JsonArray a) {
      a.forEach(f -> files.add(f.getAsString()));
    }
    return new Settings(vars, files, text(o, "region"), text(o, "accountId"));
  }

  private static String text(JsonObject o, String key) {
    JsonElement e = o.get(key);
    return e != null && e.isJsonPrimitive() && !e.getAsString().isBlank() ? e.getAsString() : null;
  }

  List<Path> varFilesIn(Path project) {
    return varFiles.stream().map(f -> project.resolve(f).normalize()).toList();
  }
}
