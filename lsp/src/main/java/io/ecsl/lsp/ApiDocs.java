package io.ecsl.lsp;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The AWS API documentation of every member of the four models ecsl checks against, as Markdown
 * (lsp/tools/update-api-docs.py). Loaded per service on first use: the compiler itself carries no
 * documentation, so commands that never hover never pay for it.
 */
public final class ApiDocs {
  private static final Map<String, JsonObject> LOADED = new ConcurrentHashMap<>();

  private ApiDocs() {}

  /**
   * The documentation for a key such as {@code ecs:ContainerDefinition.memory} (see
   * {@link io.ecsl.lower.Vocabulary.Attribute#docKey()}) or {@code ecs:HealthCheck}; null if none.
   */
  public static String of(String key) {
    if (key == null) {
      return null;
    }
    int colon = key.indexOf(':');
    if (colon < 0) {
      return null;
    }
    JsonObject docs = LOADED.computeIfAbsent(key.substring(0, colon), ApiDocs::load);
    var doc = docs.get(key.substring(colon + 1));
    return doc == null ? null : doc.getAsString();
  }

  private static JsonObject load(String service) {
    String resource = "io/ecsl/lsp/api-docs/" + service + ".json";
    try (InputStream in = ApiDocs.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        return new JsonObject();
      }
      return JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8)).getAsJsonObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
