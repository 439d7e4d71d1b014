package io.ecsl.deploy.state;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.emit.Json;
import io.ecsl.facts.shell.Shell;
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
 *
 * <p>A large project is tens of thousands of small files: the manifest is read with the streaming
 * parser (its entries are flat); each resource's files are read only when the plan asks for it, by
 * the planning thread that compares it (plans run in parallel), parsed by one shared, thread-safe
 * reader, and dropped once compared: the previous build is never in memory whole.
 */
public final class BuildState {

  private BuildState() {}

  /** One manifest entry: a request file and the resource it belongs to. */
  private record Entry(String operation, String file, String kind, String name, String cluster) {}

  /**
   * Reads {@code dir/manifest.json}; the request files it lists are read when the plan asks for
   * their resource ({@link LiveState#defer}), and a file that cannot be read then throws an
   * {@link UncheckedIOException} saying which.
   */
  public static LiveState load(Path dir, String ownerTag) throws IOException {
    Path manifestFile = dir.resolve("manifest.json");
    if (!Files.isRegularFile(manifestFile)) {
      throw new IOException(dir + " is not an ecsl build output (no manifest.json); run `"
          + Shell.command("ecsl", "build", "-o", dir.toString()) + "` first");
    }
    List<Entry> entries = new ArrayList<>();
    String project = readManifest(manifestFile, entries);
    Map<ResourceId, List<Entry>> grouped = new LinkedHashMap<>();
    for (Entry e : entries) {
      if (e.file() == null || e.file().contains("..") || e.file().startsWith("/")) {
        throw new IOException("manifest entry leaves the build directory: " + e.file());
      }
      ResourceKind kind = ResourceKind.valueOf(String.valueOf(e.kind()).toUpperCase(Locale.ROOT).replace('-', '_'));
      grouped.computeIfAbsent(new ResourceId(kind, e.cluster(), e.name()), k -> new ArrayList<>()).add(e);
    }
    LiveState state = new LiveState(true);
    String owner = project;
    grouped.forEach((id, group) -> state.defer(id, () -> resource(dir, id, group, owner, ownerTag)));
    return state;
  }

  /** The project, and every entry in order; other manifest fields are skipped. */
  private static String readManifest(Path file, List<Entry> entries) throws IOException {
    String project = "";
    try (JsonParser p = Json.FACTORY.createParser(file.toFile())) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new IOException(file + " is not an ecsl build manifest (not a JSON object)");
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken value = p.nextToken();
        if (field.equals("project") && value == JsonToken.VALUE_STRING) {
          project = p.getText();
        } else if (field.equals("entries") && value == JsonToken.START_ARRAY) {
          while (p.nextToken() == JsonToken.START_OBJECT) {
            entries.add(entry(p));
          }
        } else {
          p.skipChildren();
        }
      }
    }
    return project;
  }

  private static Entry entry(JsonParser p) throws IOException {
    String operation = null;
    String file = null;
    String kind = null;
    String name = null;
    String cluster = null;
    for (String field = p.nextFieldName(); field != null; field = p.nextFieldName()) {
      JsonToken value = p.nextToken();
      if (value != JsonToken.VALUE_STRING) {
        p.skipChildren(); // ownedElsewhere, nulls
        continue;
      }
      // Only the fields used are decoded: the parser skips the text of the others (address, service).
      switch (field) {
        case "operation" -> operation = p.getText();
        case "file" -> file = p.getText();
        case "kind" -> kind = p.getText();
        case "name" -> name = p.getText();
        case "cluster" -> cluster = p.getText();
        default -> {}
      }
    }
    return new Entry(operation, file, kind, name, cluster);
  }

  private static LiveResource resource(Path dir, ResourceId id, List<Entry> entries, String project, String ownerTag) {
    Map<String, ObjectNode> requests = new LinkedHashMap<>();
    for (Entry e : entries) {
      ObjectNode body = read(dir, dir.resolve(e.file()));
      String op = apiName(e.operation());
      String key = op.equals("PutScalingPolicy") ? op + ":" + body.path("PolicyName").asText() : op;
      requests.put(key, body);
    }
    Map<String, String> tags = tags(requests.values().iterator().next());
    tags.put(ownerTag, project);
    Map<String, String> ids = id.kind() == ResourceKind.NAMESPACE ? Map.of("Type", requests.keySet().iterator().next()) : Map.of();
    return new LiveResource(id, requests, tags, null, null, ids);
  }

  /** A request file of the build in {@code dir}; one that does not parse is named with what to do. */
  private static ObjectNode read(Path dir, Path file) {
    try {
      JsonNode n = io.ecsl.schema.JsonTrees.read(Files.readAllBytes(file)); // jackson-core alone: no databind set-up
      if (!(n instanceof ObjectNode obj)) {
        throw new IOException("not a JSON object");
      }
      return obj;
    } catch (IOException ex) {
      // Jackson's own message names a "[Source: REDACTED …]"; say line and column instead
      String why = ex instanceof com.fasterxml.jackson.core.JsonProcessingException j ? Json.describe(j) : ex.getMessage();
      throw new UncheckedIOException(new IOException("cannot read " + file + ": " + why
          + "; it was changed after ecsl wrote it: build the project into that directory again ("
          + "ecsl build … --out " + Shell.word(dir.toString()) + ")", ex));
    }
  }

  /** {@code register-task-definition} → {@code RegisterTaskDefinition}. */
  static String apiName(String cli) {
    StringBuilder sb = new StringBuilder();
    for (String part : String.valueOf(cli).split("-")) {
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
      tags.properties().forEach(e -> out.put(e.getKey(), e.getValue().asText()));
    } else {
      for (JsonNode t : tags) {
        out.put(t.has("key") ? t.path("key").asText() : t.path("Key").asText(),
            t.has("value") ? t.path("value").asText() : t.path("Value").asText());
      }
    }
    return out;
  }
}
