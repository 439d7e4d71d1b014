package io.ecsl.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

/**
 * An AWS API model (a compact copy of botocore's, see compiler/tools/update-aws-models.py):
 * ECS, EventBridge, Application Auto Scaling, Cloud Map, Elastic Load Balancing v2 and EventBridge Scheduler. Loaded once, on first use,
 * from the compact form the build makes of the JSON ({@link CompactModels}); a shape is decoded when first asked for.
 */
public final class ServiceModel {
  public static final String ECS = "ecs";
  public static final String EVENTS = "events";
  public static final String AUTOSCALING = "application-autoscaling";
  public static final String CLOUD_MAP = "servicediscovery";
  /** Elastic Load Balancing v2 (Application and Network Load Balancers), as the AWS CLI names it. */
  public static final String ELBV2 = "elbv2";
  /** EventBridge Scheduler (REST-JSON: no target prefix), for schedules declared {@code via = scheduler}. */
  public static final String SCHEDULER = "scheduler";

  private static final Map<String, ServiceModel> LOADED = new ConcurrentHashMap<>();

  private final String name;
  /** A shape by name, or null, made when first asked (from the compact form, or a tree in tests). */
  private final BiFunction<ServiceModel, String, Shape> source;
  private final Map<String, Shape> shapes = new ConcurrentHashMap<>();
  private final Map<String, String[]> operations;
  private final String targetPrefix;

  private ServiceModel(String name, BiFunction<ServiceModel, String, Shape> source,
      Map<String, String[]> operations, String targetPrefix) {
    this.name = name;
    this.source = source;
    this.operations = operations;
    this.targetPrefix = targetPrefix;
  }

  public static ServiceModel get(String name) {
    return LOADED.computeIfAbsent(name, ServiceModel::load);
  }

  private static ServiceModel load(String name) {
    try (InputStream in = ServiceModel.class.getClassLoader().getResourceAsStream(compactResource(name))) {
      if (in != null) {
        return compact(name, in.readAllBytes());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // A build that skipped Maven's process-classes (an IDE's own compiler) has only the JSON: read
    // it whole, as before the compact form (slower to start, same shapes). The jar always has both
    // (CompactModelsTest.theBuildShipsTheCompactForm).
    String json = "io/ecsl/schema/models/" + name + ".json";
    try (InputStream in = ServiceModel.class.getClassLoader().getResourceAsStream(json)) {
      if (in == null) {
        throw new IllegalStateException("missing model resource " + json);
      }
      return fromTree(name, JsonTrees.read(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Where the build puts a model's compact form. */
  static String compactResource(String name) {
    return "io/ecsl/schema/models/" + name + ".compact";
  }

  /** A model from its compact form ({@link CompactModels}): the header now, each shape when first asked. */
  static ServiceModel compact(String name, byte[] bytes) throws IOException {
    CompactModels.Header h = CompactModels.readHeader(bytes);
    return new ServiceModel(name, (model, shape) -> {
      Integer offset = h.offsets().get(shape);
      if (offset == null) {
        return null;
      }
      try {
        return CompactModels.readShape(model, shape, bytes, h.shapesStart() + offset);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }, h.operations(), h.targetPrefix());
  }

  /**
   * A model from its JSON read whole into a tree (how every model was loaded until the compact
   * form): what {@link CompactModels} writes the compact form from, and what tests compare it with.
   */
  static ServiceModel fromTree(String name, JsonNode root) {
    JsonNode shapesJson = root.get("shapes");
    Map<String, String[]> operations = new HashMap<>();
    root.get("operations").fields().forEachRemaining(e -> operations.put(e.getKey(),
        new String[] {text(e.getValue().get("input")), text(e.getValue().get("output"))}));
    return new ServiceModel(name, (model, shape) -> {
      JsonNode node = shapesJson.get(shape);
      return node == null ? null : model.parse(shape, node);
    }, operations, text(root.get("metadata").get("targetPrefix")));
  }

  /** The model's operations, name to {input shape, output shape} (for the compact form and tests). */
  Map<String, String[]> operationsForCompactForm() {
    return operations;
  }

  public String name() {
    return name;
  }

  /** The JSON 1.1 {@code X-Amz-Target} prefix, e.g. {@code AmazonEC2ContainerServiceV20141113}. */
  public String targetPrefix() {
    return targetPrefix;
  }

  /** The input shape of an operation such as {@code RegisterTaskDefinition}. */
  public Shape input(String operation) {
    String[] io = operations.get(operation);
    return io == null || io[0] == null ? null : shape(io[0]);
  }

  public Shape output(String operation) {
    String[] io = operations.get(operation);
    return io == null || io[1] == null ? null : shape(io[1]);
  }

  private final Map<String, Map<String, String>> membersByNormalizedName = new ConcurrentHashMap<>();

  /** The member of a structure whose normalized name is {@code normalized}, or null. */
  String memberFor(Shape shape, String normalized) {
    Map<String, String> index = membersByNormalizedName.computeIfAbsent(shape.name(), n -> {
      Map<String, String> m = new HashMap<>();
      for (String member : shape.members().keySet()) {
        m.putIfAbsent(Shape.normalize(member), member);
      }
      return m;
    });
    return index.get(normalized);
  }

  public Shape shape(String shapeName) {
    Shape s = shapes.get(shapeName);
    if (s != null) {
      return s;
    }
    // Atomic: shapes compare by identity, so two threads must never each create one for a name.
    return shapes.computeIfAbsent(shapeName, n -> source.apply(this, n));
  }

  private Shape parse(String shapeName, JsonNode n) {
    Map<String, String> members = new LinkedHashMap<>();
    if (n.has("members")) {
      n.get("members").fields().forEachRemaining(e -> members.put(e.getKey(), e.getValue().get("shape").asText()));
    }
    Set<String> required = new LinkedHashSet<>();
    if (n.has("required")) {
      n.get("required").forEach(r -> required.add(r.asText()));
    }
    List<String> enums = null;
    if (n.has("enum")) {
      enums = new ArrayList<>();
      for (JsonNode e : n.get("enum")) {
        enums.add(e.asText());
      }
    }
    // A `document` is free JSON (a lifecycle hook's details), whatever its nominal type.
    String type = n.path("document").asBoolean(false) ? "document" : n.get("type").asText();
    return new Shape(this, shapeName, type, members, required, enums,
        n.has("min") ? n.get("min").asLong() : null, n.has("max") ? n.get("max").asLong() : null,
        n.has("member") ? n.get("member").get("shape").asText() : null,
        n.has("key") ? n.get("key").get("shape").asText() : null,
        n.has("value") ? n.get("value").get("shape").asText() : null,
        n.path("sensitive").asBoolean(false));
  }

  private static String text(JsonNode n) {
    return n == null || n.isNull() ? null : n.asText();
  }
}
