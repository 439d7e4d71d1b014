package io.ecsl.deploy.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.emit.Json;
import io.ecsl.model.ResourceKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A previous {@code ecsl build} output read as if it were the live state ({@code plan --against
 * DIR}): what the main branch built is taken to be what is deployed, so a pull request gets a plan
 * without credentials. Everything in it counts as owned by its project.
 */
public final class BuildState {
  private BuildState() {}

  /** Reads {@code dir/manifest.json} and the request files it lists. */
  public static LiveState load(Path dir, String ownerTag) throws IOException {
    Path manifestFile = dir.resolve("manifest.json");
    if (!Files.isRegularFile(manifestFile)) {
      throw new IOException(dir + " is not an ecsl build output (no manifest.json); run `ecsl build -o " + dir + "` first");
    }
    JsonNode manifest = Json.MAPPER.readTree(manifestFile.toFile());
    String project = manifest.path("project").asText();
    List<JsonNode> entries = new ArrayList<>();
    manifest.path("entries").forEach(entries::add);
    List<ObjectNode> bodies;
    try {
      bodies = entries.parallelStream().map(e -> {
        String file = e.path("file").asText();
        if (file.contains("..") || file.startsWith("/")) {
          throw new UncheckedIOException(new IOException("manifest entry leaves the build directory: " + file));
        }
        try {
          return (ObjectNode) Json.MAPPER.readTree(dir.resolve(file).toFile());
        } catch (IOException ex) {
          throw new UncheckedIOException(new IOException("cannot read " + dir.resolve(file) + ": " + ex.getMessage(), ex));
        }
      }).toList();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    Map<ResourceId, Map<String, ObjectNode>> grouped = new LinkedHashMap<>();
    for (int i = 0; i < entries.size(); i++) {
      JsonNode e = entries.get(i);
      ResourceKind kind = ResourceKind.valueOf(e.path("kind").asText().toUpperCase(Locale.ROOT).replace('-', '_'));
      ResourceId id = new ResourceId(kind, e.path("cluster").isNull() ? null : e.path("cluster").asText(null),
          e.path("name").asText());
      String op = apiName(e.path("operation").asText());
      ObjectNode body = bodies.get(i);
      String key = op.equals("PutScalingPolicy") ? op + ":" + body.path("PolicyName").asText() : op;
      grouped.computeIfAbsent(id, k -> new LinkedHashMap<>()).put(key, body);
    }
    LiveState state = new LiveState(true);
    grouped.forEach((id, requests) -> {
      Map<String, String> tags = tags(requests.values().iterator().next());
      tags.put(ownerTag, project);
      if (id.kind() == ResourceKind.NAMESPACE) {
        String type = requests.keySet().iterator().next();
        state.put(new LiveResource(id, requests, tags, null, null, Map.of("Type", type)));
      } else {
        state.put(new LiveResource(id, requests, tags, null, null, Map.of()));
      }
    });
    return state;
  }

  /** {@code register-task-definition} → {@code RegisterTaskDefinition}. */
  static String apiName(String cli) {
    StringBuilder sb = new StringBuilder();
    for (String part : cli.split("-")) {
      if (!part.isEmpty()) {
        sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
      }
    }
    return sb.toString();
  }

  private static Map<String, String> tags(ObjectNode body) {
    Map<String, String> out = new LinkedHashMap<>();
    JsonNode tags = body.has("tags") ? body.get("tags") : body.get("Tags");
    if (tags == null) {
      return out;
    }
    if (tags.isObject()) {
      tags.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
    } else {
      for (JsonNode t : tags) {
        out.put(t.has("key") ? t.path("key").asText() : t.path("Key").asText(),
            t.has("value") ? t.path("value").asText() : t.path("Value").asText());
      }
    }
    return out;
  }
}
