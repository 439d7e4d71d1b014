package io.ecsl.runtime.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The runtime's one JSON configuration: the AWS JSON 1.1 wire format and the store's documents.
 *
 * <p>AWS JSON 1.1 sends timestamps as epoch seconds with a fraction ({@link #timestamp}); the
 * store serializes {@link Instant} fields the same way so a document reads like an API response.
 */
public final class Json {
  /** AWS request shapes nest a few levels (a task definition's deepest member is 6 down); 32 is plenty. */
  public static final int REQUEST_MAX_DEPTH = 32;
  public static final int REQUEST_MAX_NUMBER_LENGTH = 40;
  public static final int REQUEST_MAX_NAME_LENGTH = 256;
  public static final long REQUEST_MAX_TOKENS = 200_000;
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .registerModule(new JavaTimeModule())
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
      .configure(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, true)
      .configure(SerializationFeature.WRITE_DATE_TIMESTAMPS_AS_NANOSECONDS, true);

  /**
   * Requests arrive from outside: their reader refuses deep nesting, long numbers, long names,
   * huge documents and duplicate members while it reads, and anything after the one JSON value.
   * (The body is already at most {@code RequestLimits.MAX_BODY_BYTES}.)
   */
  private static final ObjectMapper REQUEST_MAPPER = new ObjectMapper(JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder()
          .maxNestingDepth(REQUEST_MAX_DEPTH)
          .maxNumberLength(REQUEST_MAX_NUMBER_LENGTH)
          .maxNameLength(REQUEST_MAX_NAME_LENGTH)
          .maxStringLength(1024 * 1024)
          .maxDocumentLength(1024 * 1024)
          .maxTokenCount(REQUEST_MAX_TOKENS)
          .build())
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build())
      .configure(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, true)
      .configure(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS, true);

  private Json() {}

  /**
   * Parses a request body: strict UTF-8, one JSON value and nothing after it, within the reading
   * limits. Every violation is a {@link JsonSyntaxException} that says what is wrong.
   */
  public static JsonNode parseRequest(byte[] body) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(body);
    CharBuffer out = CharBuffer.allocate(body.length);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      throw new JsonSyntaxException("the body is not valid UTF-8 (byte 0x"
          + String.format("%02x", body[in.position()] & 0xff) + " at offset " + in.position() + ")");
    }
    decoder.flush(out);
    try {
      return REQUEST_MAPPER.readTree(out.flip().toString());
    } catch (StreamConstraintsException e) {
      throw new JsonSyntaxException(e.getOriginalMessage().replaceAll(" \\(by `StreamReadConstraints[^)]*\\)", "")
          .replaceAll(" \\(`StreamReadConstraints[^)]*\\)", ""));
    } catch (JsonProcessingException e) {
      throw new JsonSyntaxException(e.getOriginalMessage());
    }
  }

  public static ObjectNode object() {
    return JsonNodeFactory.instance.objectNode();
  }

  public static ArrayNode array() {
    return JsonNodeFactory.instance.arrayNode();
  }

  /** Parses JSON text; a malformed document becomes a {@link JsonSyntaxException}. */
  public static JsonNode parse(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new JsonSyntaxException(e.getOriginalMessage());
    }
  }

  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static <T> T read(String text, Class<T> type) {
    try {
      return MAPPER.readValue(text, type);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static <T> T convert(Object value, Class<T> type) {
    return MAPPER.convertValue(value, type);
  }

  /** A deep copy through JSON: how entities are copied before a pure step function edits them. */
  public static <T> T copy(T value, Class<T> type) {
    return MAPPER.convertValue(MAPPER.valueToTree(value), type);
  }

  public static JsonNode tree(Object value) {
    return MAPPER.valueToTree(value);
  }

  /** An AWS JSON 1.1 timestamp: epoch seconds with millisecond precision. */
  public static DecimalNode timestamp(Instant instant) {
    return DecimalNode.valueOf(BigDecimal.valueOf(instant.toEpochMilli()).movePointLeft(3));
  }

  /** An AWS JSON 1.1 timestamp (epoch seconds) as an instant; null when absent. */
  public static Instant instant(JsonNode value) {
    if (value == null || value.isNull() || value.isMissingNode()) {
      return null;
    }
    return Instant.ofEpochSecond(0).plusMillis(value.decimalValue().movePointRight(3).longValue());
  }

  /** Puts {@code value} under {@code field} unless it is null (AWS omits absent members). */
  public static void putIfPresent(ObjectNode node, String field, Object value) {
    if (value == null) {
      return;
    }
    if (value instanceof Instant instant) {
      node.set(field, timestamp(instant));
    } else if (value instanceof JsonNode json) {
      if (!json.isMissingNode() && !json.isNull()) {
        node.set(field, json);
      }
    } else {
      node.set(field, MAPPER.valueToTree(value));
    }
  }

  public static String text(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  public static String text(JsonNode node, String field, String fallback) {
    String value = text(node, field);
    return value == null ? fallback : value;
  }

  public static Integer integer(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    return value == null || value.isNull() ? null : value.asInt();
  }

  public static int integer(JsonNode node, String field, int fallback) {
    Integer value = integer(node, field);
    return value == null ? fallback : value;
  }

  public static Boolean bool(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    return value == null || value.isNull() ? null : value.asBoolean();
  }

  public static boolean bool(JsonNode node, String field, boolean fallback) {
    Boolean value = bool(node, field);
    return value == null ? fallback : value;
  }

  /** The elements of an array member (empty when absent). */
  public static List<JsonNode> list(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    List<JsonNode> out = new ArrayList<>();
    if (value != null && value.isArray()) {
      value.forEach(out::add);
    }
    return out;
  }

  /** The string elements of an array member (empty when absent). */
  public static List<String> strings(JsonNode node, String field) {
    List<String> out = new ArrayList<>();
    for (JsonNode element : list(node, field)) {
      out.add(element.asText());
    }
    return out;
  }

  /** A string-to-string map member (empty when absent). */
  public static Map<String, String> stringMap(JsonNode node, String field) {
    Map<String, String> out = new LinkedHashMap<>();
    JsonNode value = node == null ? null : node.get(field);
    if (value != null && value.isObject()) {
      for (Map.Entry<String, JsonNode> entry : value.properties()) {
        out.put(entry.getKey(), entry.getValue().asText());
      }
    }
    return out;
  }

  public static ArrayNode arrayOf(List<String> values) {
    ArrayNode array = array();
    values.forEach(array::add);
    return array;
  }
}
