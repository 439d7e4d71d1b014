package io.ecsl.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The streaming tree reader makes the tree data binding makes, node type for node type. */
class JsonTreesTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void everyApiModelReadsAsDataBindingReadsIt() throws IOException {
    for (String model : new String[] {ServiceModel.ECS, ServiceModel.EVENTS, ServiceModel.AUTOSCALING,
        ServiceModel.CLOUD_MAP, ServiceModel.ELBV2, ServiceModel.SCHEDULER}) {
      String resource = "io/ecsl/schema/models/" + model + ".json";
      try (InputStream a = getClass().getClassLoader().getResourceAsStream(resource);
          InputStream b = getClass().getClassLoader().getResourceAsStream(resource)) {
        assertNotNull(a, resource);
        assertEquals(MAPPER.readTree(b), JsonTrees.read(a), resource);
      }
    }
  }

  @Test
  void everyKindOfValueKeepsItsNodeType() throws IOException {
    String json = "{\"int\": 7, \"long\": 9000000000, \"big\": 123456789012345678901234567890, \"float\": 0.25,"
        + " \"exp\": 1e3, \"neg\": -3, \"t\": true, \"f\": false, \"n\": null, \"s\": \"é\\n\","
        + " \"list\": [1, [], {}, [\"x\", {\"y\": [null]}]], \"empty\": {}}";
    assertEquals(MAPPER.readTree(json), read(json));
    assertEquals(MAPPER.readTree("[1, 2.5, \"a\"]"), read("[1, 2.5, \"a\"]"));
    assertEquals(MAPPER.readTree("42"), read("42"));
  }

  @Test
  void malformedOrEmptyInputIsAnError() {
    assertThrows(IOException.class, () -> read(""));
    assertThrows(IOException.class, () -> read("{\"a\": }"));
    assertThrows(IOException.class, () -> read("[1, 2"));
  }

  private static com.fasterxml.jackson.databind.JsonNode read(String json) throws IOException {
    return JsonTrees.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
  }
}
