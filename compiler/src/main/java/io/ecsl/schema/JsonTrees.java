package io.ecsl.schema;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a JSON document into Jackson's tree with the streaming parser alone. Every check and build
 * reads the ECS model (115 KB) at start; {@code new ObjectMapper().readTree} spent about half of its
 * ~110 ms of CPU setting up data binding (configuration, deserializer caches) that a tree does not
 * need: this takes ~60 ms for the same tree (equal node for node: ints as {@code IntNode} when they
 * fit, as data binding makes them, floating point as {@code DoubleNode}).
 */
public final class JsonTrees {
  /** The compiler's JSON reader settings (jackson-core defaults), shared by what reads JSON text. */
  public static final JsonFactory FACTORY = new JsonFactory();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private JsonTrees() {}

  /** The document read from {@code in} (what follows its first value is not read). */
  public static JsonNode read(InputStream in) throws IOException {
    try (JsonParser p = FACTORY.createParser(in)) {
      return document(p);
    }
  }

  /**
   * The same for a document in memory. Also what reads a build's files back ({@code plan
   * --against}) and the rules' explanations ({@code explain}): each made an {@code ObjectMapper}
   * (and loaded ~330 databind classes the AOT cache does not hold) for a tree.
   */
  public static JsonNode read(byte[] json) throws IOException {
    try (JsonParser p = FACTORY.createParser(json)) {
      return document(p);
    }
  }

  private static JsonNode document(JsonParser p) throws IOException {
    JsonToken first = p.nextToken();
    if (first == null) {
      throw new IOException("empty JSON document");
    }
    return value(p, first);
  }

  private static JsonNode value(JsonParser p, JsonToken token) throws IOException {
    return switch (token) {
      case START_OBJECT -> {
        ObjectNode object = NODES.objectNode();
        for (String field = p.nextFieldName(); field != null; field = p.nextFieldName()) {
          object.set(field, value(p, p.nextToken()));
        }
        yield object;
      }
      case START_ARRAY -> {
        ArrayNode array = NODES.arrayNode();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
          array.add(value(p, t));
        }
        yield array;
      }
      case VALUE_STRING -> NODES.textNode(p.getText());
      case VALUE_NUMBER_INT -> switch (p.getNumberType()) {
        case INT -> NODES.numberNode(p.getIntValue());
        case LONG -> NODES.numberNode(p.getLongValue());
        default -> NODES.numberNode(p.getBigIntegerValue());
      };
      case VALUE_NUMBER_FLOAT -> NODES.numberNode(p.getDoubleValue());
      case VALUE_TRUE -> NODES.booleanNode(true);
      case VALUE_FALSE -> NODES.booleanNode(false);
      case VALUE_NULL -> NODES.nullNode();
      default -> throw new IOException("unexpected " + token + " at " + p.currentLocation());
    };
  }
}
