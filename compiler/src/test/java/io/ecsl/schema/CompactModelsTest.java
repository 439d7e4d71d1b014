package io.ecsl.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The models loaded from the compact form the build makes ({@link CompactModels}) give every user
 * what the models read whole from their JSON gave: the same target prefix, operations and, for
 * every shape of every model, the same {@link Shape}.
 */
class CompactModelsTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String[] MODELS = {ServiceModel.ECS, ServiceModel.EVENTS, ServiceModel.AUTOSCALING,
      ServiceModel.CLOUD_MAP, ServiceModel.ELBV2, ServiceModel.SCHEDULER};

  @Test
  void everyShapeOfEveryModelIsTheWholeTreesShape() throws IOException {
    int shapes = 0;
    for (String name : MODELS) {
      byte[] json = bytes(name);
      JsonNode root = MAPPER.readTree(json);
      ServiceModel compact = ServiceModel.get(name);
      ServiceModel tree = ServiceModel.fromTree(name, root);
      assertEquals(tree.targetPrefix(), compact.targetPrefix(), name);
      assertEquals(tree.operationsForCompactForm().keySet(), compact.operationsForCompactForm().keySet(), name);
      for (String op : tree.operationsForCompactForm().keySet()) {
        assertEquals(describe(tree.input(op)), describe(compact.input(op)), name + " " + op);
        assertEquals(describe(tree.output(op)), describe(compact.output(op)), name + " " + op);
      }
      for (var e : root.get("shapes").properties()) {
        Shape s = compact.shape(e.getKey());
        assertEquals(describe(tree.shape(e.getKey())), describe(s), name + " " + e.getKey());
        assertSame(s, compact.shape(e.getKey()), "one object per shape");
        shapes++;
      }
      assertNull(compact.shape("NoSuchShape"), name);
      assertNull(compact.input("NoSuchOperation"), name);
    }
    assertTrue(shapes > 1000, "every model's shapes were compared: " + shapes);
  }

  @Test
  void theBuildShipsTheCompactForm() {
    // Without it every command would fall back to reading the JSON whole, slower and silently.
    for (String name : MODELS) {
      assertNotNull(ServiceModel.class.getClassLoader().getResource(ServiceModel.compactResource(name)),
          name + ": the build's process-classes step (exec-maven-plugin, CompactModels) must write it");
    }
  }

  @Test
  void theLoadedModelIsTheIndexedOne() {
    ServiceModel ecs = ServiceModel.get(ServiceModel.ECS);
    assertEquals("AmazonEC2ContainerServiceV20141113", ecs.targetPrefix());
    assertNotNull(ecs.input("RegisterTaskDefinition"));
    assertEquals(List.of("cpu", "memory"), ecs.input("RegisterTaskDefinition").members().keySet().stream()
        .filter(m -> m.equals("cpu") || m.equals("memory")).toList());
  }

  @Test
  void aCompactFormOfAnotherVersionIsAnError() throws IOException {
    byte[] bytes = CompactModels.write("x", MAPPER.readTree("{\"metadata\": {}, \"operations\": {}, \"shapes\": {}}"));
    assertEquals(0, ServiceModel.compact("x", bytes).operationsForCompactForm().size());
    bytes[3]++;
    IOException e = assertThrows(IOException.class, () -> ServiceModel.compact("x", bytes));
    assertEquals("compact model version 2, expected 1", e.getMessage());
  }

  @Test
  void aShapeRoundTripsThroughTheCompactForm() throws IOException {
    JsonNode root = MAPPER.readTree("{\"metadata\": {\"a\": [1, {\"b\": 2}], \"targetPrefix\": \"P\"},"
        + " \"operations\": {\"Op\": {\"input\": \"In\"}}, \"shapes\": {\"In\": {\"type\": \"structure\", \"members\":"
        + " {\"é\": {\"shape\": \"S\"}, \"m\": {\"shape\": \"M\"}, \"d\": {\"shape\": \"D\"}}, \"required\": [\"é\"]},"
        + " \"S\": {\"type\": \"string\", \"enum\": [\"a\", \"b\"], \"max\": 9000000000, \"sensitive\": true},"
        + " \"M\": {\"type\": \"map\", \"key\": {\"shape\": \"S\"}, \"value\": {\"shape\": \"L\"}, \"min\": 0},"
        + " \"L\": {\"type\": \"list\", \"member\": {\"shape\": \"S\"}},"
        + " \"D\": {\"type\": \"structure\", \"members\": {}, \"document\": true}}}");
    ServiceModel m = ServiceModel.compact("x", CompactModels.write("x", root));
    ServiceModel tree = ServiceModel.fromTree("x", root);
    assertEquals("P", m.targetPrefix());
    assertNull(m.output("Op"));
    Shape in = m.input("Op");
    assertEquals("structure", in.type());
    assertEquals(List.of("é"), new ArrayList<>(in.required()));
    assertEquals(List.of("a", "b"), m.shape("S").enumValues());
    assertEquals(9000000000L, m.shape("S").max());
    assertTrue(m.shape("S").sensitive());
    assertEquals("document", m.shape("D").type());
    assertEquals("S", m.shape("M").keyShapeName());
    assertSame(m.shape("L"), m.shape("M").value());
    assertSame(m.shape("S"), in.member("é"));
    for (String shape : List.of("In", "S", "M", "L", "D")) {
      assertEquals(describe(tree.shape(shape)), describe(m.shape(shape)), shape);
    }
  }

  private static String describe(Shape s) {
    if (s == null) {
      return "null";
    }
    return String.join("|", s.name(), s.type(), String.valueOf(s.members()), String.valueOf(s.required()),
        String.valueOf(s.enumValues()), String.valueOf(s.min()), String.valueOf(s.max()), String.valueOf(s.sensitive()),
        s.isList() ? String.valueOf(s.element() == null ? null : s.element().name()) : "-",
        s.isMap() ? String.valueOf(s.value() == null ? null : s.value().name()) : "-",
        String.valueOf(s.memberShapeName()), String.valueOf(s.keyShapeName()), String.valueOf(s.valueShapeName()),
        s.isStructure() ? String.join(",", s.keyValueMembers() == null ? new String[0] : s.keyValueMembers()) : "-");
  }

  private static byte[] bytes(String model) throws IOException {
    String resource = "io/ecsl/schema/models/" + model + ".json";
    try (InputStream in = CompactModelsTest.class.getClassLoader().getResourceAsStream(resource)) {
      assertNotNull(in, resource);
      return in.readAllBytes();
    }
  }
}
