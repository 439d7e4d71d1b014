package io.ecsl.emit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.FloatNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.ShortNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The one place JSON is configured: two-space indentation, a final newline, keys in the order
 * they were built (the API model's order). Every file ecsl writes goes through here.
 */
public final class Json {
  /**
   * Generators and parsers (jackson-core). A build writes every file through this alone: the
   * {@link #mapper()} (databind) costs 25-40 ms of CPU to set up, which a build never needs.
   */
  public static final JsonFactory FACTORY = new JsonFactory();

  /** Databind, for reading documents into trees and writing objects: made on first use. */
  public static ObjectMapper mapper() {
    return Databind.MAPPER;
  }

  private static final class Databind {
    static final ObjectMapper MAPPER = new ObjectMapper(new JsonFactory()).enable(SerializationFeature.INDENT_OUTPUT);
    static final ObjectWriter WRITER = MAPPER.writer(PRETTY);
  }

  private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter(Separators.createDefaultInstance()
          .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
          .withObjectEmptySeparator("")
          .withArrayEmptySeparator(""))
      .withObjectIndenter(new DefaultIndenter("  ", "\n"))
      .withArrayIndenter(new DefaultIndenter("  ", "\n"));

  private Json() {}

  /**
   * A JSON parse error in words: Jackson's first line, its "[Source: …; line: L, column: C]"
   * notes turned into "line L, column C", and where it stopped when that is known.
   */
  public static String describe(com.fasterxml.jackson.core.JsonProcessingException e) {
    String message = e.getOriginalMessage() == null ? "invalid JSON" : e.getOriginalMessage().lines().findFirst().orElse("");
    message = message.replaceAll("\\[Source: [^\\]]*?; line: (\\d+), column: (\\d+)\\]", "line $1, column $2")
        .replace("start marker at line", "opened at line");
    var at = e.getLocation();
    return at == null || at.getLineNr() < 1 ? message : message + " (at line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
  }

  /** Pretty JSON text ending in a newline. */
  public static String pretty(JsonNode node) {
    return new String(prettyBytes(node), java.nio.charset.StandardCharsets.UTF_8);
  }

  /** {@link #pretty} through databind's ObjectWriter, the reference the direct writer is tested against. */
  static String prettyViaObjectWriter(JsonNode node) {
    try {
      return Databind.WRITER.writeValueAsString(node) + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The same text as {@link #pretty} as UTF-8 bytes. The tree is written straight to a generator:
   * going through the ObjectWriter set up a serializer provider for each of a build's tens of
   * thousands of files, which cost more than writing them.
   */
  public static byte[] prettyBytes(JsonNode node) {
    return prettyBytes(g -> write(g, node));
  }

  /** Something that writes one JSON document to a generator. */
  @FunctionalInterface
  public interface Document {
    void writeTo(JsonGenerator g) throws IOException;
  }

  /** A document written by {@code document} in this class's style, as UTF-8 bytes ending in a newline. */
  public static byte[] prettyBytes(Document document) {
    ByteArrayBuilder out = new ByteArrayBuilder(2000);
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.setPrettyPrinter(PRETTY.createInstance());
      document.writeTo(g);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.write('\n');
    return out.toByteArray();
  }

  /**
   * A document in this class's style to a stream, ending in a newline; the stream is flushed, not
   * closed (it may be stdout).
   */
  public static void pretty(java.io.Writer out, Document document) {
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.setPrettyPrinter(PRETTY.createInstance());
      document.writeTo(g);
      g.flush();
      out.write('\n');
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Compact JSON text ({@code {"a":1}}), what {@code JsonNode.toString()} gives, without the
   * databind mapper that {@code toString()} sets up on first use.
   */
  public static String compact(JsonNode node) {
    java.io.StringWriter out = new java.io.StringWriter();
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      write(g, node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /**
   * Writes a tree node by node, as databind's own node serializers do, without the
   * {@link #mapper()} (whose set-up costs more than a small document's writing).
   */
  public static void write(JsonGenerator g, JsonNode node) throws IOException {
    switch (node) {
      case ObjectNode obj -> {
        g.writeStartObject();
        for (Map.Entry<String, JsonNode> e : obj.properties()) {
          g.writeFieldName(e.getKey());
          write(g, e.getValue());
        }
        g.writeEndObject();
      }
      case ArrayNode list -> {
        g.writeStartArray();
        for (int i = 0; i < list.size(); i++) {
          write(g, list.get(i));
        }
        g.writeEndArray();
      }
      case TextNode t -> g.writeString(t.textValue());
      case IntNode n -> g.writeNumber(n.intValue());
      case LongNode n -> g.writeNumber(n.longValue());
      case ShortNode n -> g.writeNumber(n.shortValue());
      case DoubleNode n -> g.writeNumber(n.doubleValue());
      case FloatNode n -> g.writeNumber(n.floatValue());
      case DecimalNode n -> g.writeNumber(n.decimalValue());
      case BigIntegerNode n -> g.writeNumber(n.bigIntegerValue());
      case BooleanNode b -> g.writeBoolean(b.booleanValue());
      case NullNode n -> g.writeNull();
      default -> mapper().writeTree(g, node); // binary, POJO and missing nodes never occur in requests
    }
  }
}
