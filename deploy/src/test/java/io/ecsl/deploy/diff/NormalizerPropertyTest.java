package io.ecsl.deploy.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.schema.ServiceModel;
import io.ecsl.schema.Shape;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Properties of the normalizer and the differ over generated request documents (plain randomized
 * tests with a fixed seed, so a failure reproduces): diff(a, a) is empty, normalizing is
 * idempotent, and reordering an order-insensitive list or spelling out a default changes nothing.
 */
class NormalizerPropertyTest {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final int CASES = 300;

  @ParameterizedTest
  @CsvSource({"ecs,RegisterTaskDefinition", "ecs,CreateService", "ecs,CreateCluster", "ecs,CreateCapacityProvider",
      "events,PutRule", "events,PutTargets", "application-autoscaling,PutScalingPolicy"})
  void diffOfADocumentWithItselfIsEmptyAndNormalizingIsIdempotent(String service, String operation) {
    Shape shape = ServiceModel.get(service).input(operation);
    Random random = new Random(42L + operation.hashCode());
    for (int i = 0; i < CASES; i++) {
      ObjectNode doc = (ObjectNode) generate(shape, random, 0);
      ObjectNode once = Normalizer.normalize(doc, shape);
      ObjectNode twice = Normalizer.normalize(once, shape);
      assertEquals(once, twice, "normalize is not idempotent for " + doc);
      assertTrue(Differ.diff(doc, doc, shape).isEmpty(), "diff(a, a) of the raw document is not empty: " + doc);
      assertTrue(Differ.diff(once, once, shape).isEmpty(), "diff(a, a) is not empty: " + once);
      assertTrue(Differ.diff(once, Normalizer.normalize(doc.deepCopy(), shape), shape).isEmpty());
    }
  }

  @ParameterizedTest
  @CsvSource({"ecs,RegisterTaskDefinition", "ecs,CreateService"})
  void reorderingOrderInsensitiveListsChangesNothing(String service, String operation) {
    Shape shape = ServiceModel.get(service).input(operation);
    Random random = new Random(7L + operation.hashCode());
    for (int i = 0; i < CASES; i++) {
      ObjectNode doc = (ObjectNode) generate(shape, random, 0);
      ObjectNode shuffled = doc.deepCopy();
      shuffleSets(shuffled, shape, random);
      assertTrue(Differ.diff(Normalizer.normalize(doc, shape), Normalizer.normalize(shuffled, shape), shape).isEmpty(),
          "reordering a set changed the document: " + doc + " vs " + shuffled);
    }
  }

  @ParameterizedTest
  @CsvSource({"ecs,RegisterTaskDefinition"})
  void spellingOutDefaultsChangesNothing(String service, String operation) {
    Shape shape = ServiceModel.get(service).input(operation);
    Random random = new Random(99);
    for (int i = 0; i < CASES; i++) {
      ObjectNode doc = (ObjectNode) generate(shape, random, 0);
      ObjectNode explicit = doc.deepCopy();
      for (JsonNode c : explicit.path("containerDefinitions")) {
        if (c instanceof ObjectNode o && !o.has("essential")) {
          o.put("essential", true);
        }
        if (c instanceof ObjectNode o && !o.has("cpu")) {
          o.put("cpu", 0);
        }
      }
      assertTrue(Differ.diff(Normalizer.normalize(doc, shape), Normalizer.normalize(explicit, shape), shape).isEmpty());
    }
  }

  @ParameterizedTest
  @CsvSource({"ecs,RegisterTaskDefinition", "ecs,CreateService", "events,PutTargets"})
  void identicalDocumentsNormalizeAlike(String service, String operation) {
    Shape shape = ServiceModel.get(service).input(operation);
    Random random = new Random(13L + operation.hashCode());
    for (int i = 0; i < CASES; i++) {
      ObjectNode doc = (ObjectNode) generate(shape, random, 0);
      JsonNode longs = widenIntegers(doc); // as the compiler makes them; a file read back has ints
      assertTrue(Normalizer.identical(doc, longs), doc.toString());
      assertEquals(Normalizer.normalize(doc, shape), Normalizer.normalize(longs, shape));
      ObjectNode changed = doc.deepCopy();
      changed.put("zzUnknown", 1);
      assertTrue(!Normalizer.identical(doc, changed), "a document with one more field is not identical");
    }
    assertTrue(!Normalizer.identical(JSON.numberNode(1), JSON.numberNode(1.0)), "1 and 1.0 print differently");
  }

  private static JsonNode widenIntegers(JsonNode n) {
    if (n.isInt()) {
      return JSON.numberNode(n.longValue());
    }
    if (n instanceof ObjectNode o) {
      ObjectNode out = JSON.objectNode();
      o.properties().forEach(e -> out.set(e.getKey(), widenIntegers(e.getValue())));
      return out;
    }
    if (n instanceof ArrayNode a) {
      ArrayNode out = JSON.arrayNode();
      a.forEach(e -> out.add(widenIntegers(e)));
      return out;
    }
    return n;
  }

  private static void shuffleSets(JsonNode node, Shape shape, Random random) {
    if (shape == null || node == null) {
      return;
    }
    if (shape.isStructure() && node instanceof ObjectNode o) {
      List<String> names = new ArrayList<>();
      o.fieldNames().forEachRemaining(names::add);
      for (String m : names) {
        Shape ms = shape.member(m);
        shuffleSets(o.get(m), ms, random);
        if (io.ecsl.model.Canonical.isOrderInsensitive(shape, m) && o.get(m) instanceof ArrayNode a) {
          List<JsonNode> items = new ArrayList<>();
          a.forEach(items::add);
          Collections.shuffle(items, random);
          a.removeAll();
          a.addAll(items);
        }
      }
    } else if (shape.isList() && node instanceof ArrayNode a) {
      a.forEach(e -> shuffleSets(e, shape.element(), random));
    }
  }

  /** A random document of a shape: random members, short lists, enum values from the model. */
  static JsonNode generate(Shape shape, Random random, int depth) {
    switch (shape.type()) {
      case "structure" -> {
        ObjectNode o = JSON.objectNode();
        for (String m : shape.members().keySet()) {
          boolean take = shape.required().contains(m) || random.nextInt(depth < 2 ? 3 : 6) == 0;
          if (take && depth < 5) {
            o.set(m, generate(shape.member(m), random, depth + 1));
          }
        }
        return o;
      }
      case "list" -> {
        ArrayNode a = JSON.arrayNode();
        int n = depth < 4 ? random.nextInt(4) : 0;
        for (int i = 0; i < n; i++) {
          a.add(generate(shape.element(), random, depth + 1));
        }
        return a;
      }
      case "map" -> {
        ObjectNode o = JSON.objectNode();
        int n = random.nextInt(3);
        for (int i = 0; i < n; i++) {
          o.set("k" + random.nextInt(5), generate(shape.value(), random, depth + 1));
        }
        return o;
      }
      case "integer", "long" -> {
        return JSON.numberNode(random.nextInt(5) == 0 ? 0 : random.nextInt(4096));
      }
      case "double", "float" -> {
        return JSON.numberNode(random.nextInt(1000) / 4.0);
      }
      case "boolean" -> {
        return JSON.booleanNode(random.nextBoolean());
      }
      case "timestamp" -> {
        return JSON.numberNode(1_700_000_000 + random.nextInt(1000));
      }
      default -> {
        if (shape.isEnum()) {
          return JSON.textNode(shape.enumValues().get(random.nextInt(shape.enumValues().size())));
        }
        String[] words = {"web", "api", "1 vCPU", "2 GB", "512", "LOG_LEVEL", "DB_PASSWORD", "tcp", "/ecs/web", "a"};
        return JSON.textNode(words[random.nextInt(words.length)]);
      }
    }
  }
}
