package io.ecsl.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The direct tree writer behind every JSON file ecsl writes produces exactly what Jackson's ObjectWriter writes. */
class JsonTest {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  @Test
  void prettyBytesIsThePrettyTextForEveryKindOfNode() {
    ObjectNode root = F.objectNode();
    root.put("text", "tab\there \"quoted\" \\ back, unicode é ✓ \u0001 </script>");
    root.put("int", 42);
    root.put("long", 1L << 40);
    root.put("short", (short) 7);
    root.put("double", 0.1);
    root.put("bigDouble", 1e21);
    root.put("float", 2.5f);
    root.put("decimal", new BigDecimal("12.500"));
    root.put("bigInteger", new BigInteger("123456789012345678901234567890"));
    root.put("true", true);
    root.putNull("null");
    root.putObject("emptyObject");
    root.putArray("emptyArray");
    root.putArray("list").add(1).add("two").addObject().put("three", 3).putArray("nested").add(F.arrayNode());
    root.putObject("object").putObject("inner").put("k", "v");
    assertEquals(Json.prettyViaObjectWriter(root), new String(Json.prettyBytes(root), StandardCharsets.UTF_8));
    assertEquals(Json.prettyViaObjectWriter(root), Json.pretty(root));
  }

  @Test
  void aScalarAndAnEmptyDocumentToo() {
    assertEquals(Json.prettyViaObjectWriter(F.textNode("x")), new String(Json.prettyBytes(F.textNode("x")), StandardCharsets.UTF_8));
    assertEquals("{}\n", new String(Json.prettyBytes(F.objectNode()), StandardCharsets.UTF_8));
  }

  @Test
  void parseErrorsAreDescribedWithoutJacksonsSourceNotes() {
    com.fasterxml.jackson.core.JsonProcessingException e = org.junit.jupiter.api.Assertions.assertThrows(
        com.fasterxml.jackson.core.JsonProcessingException.class, () -> Json.mapper().readTree("{\"family\": \"a\""));
    String described = Json.describe(e);
    org.junit.jupiter.api.Assertions.assertEquals("Unexpected end-of-input: expected close marker for Object (opened at"
        + " line 1, column 1) (at line 1, column 15)", described);
  }
}
