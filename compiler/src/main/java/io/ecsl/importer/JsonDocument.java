package io.ecsl.importer;

import static io.ecsl.diag.LanguageCode.IMPORT_DUPLICATE_KEY;
import static io.ecsl.diag.LanguageCode.IMPORT_NOT_JSON;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.diag.Diagnostic;
import io.ecsl.diag.Diagnostics;
import io.ecsl.model.SpanIndex;
import io.ecsl.source.SourceFile;
import io.ecsl.source.Span;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * A JSON file read with the location of every value, so the importer's diagnostics point into the
 * JSON ({@code taskdef.json:12:7}) the way the compiler's point into {@code .ecs} source. Built
 * from Jackson's streaming parser: each token's location becomes the span of its JSON pointer
 * (for an object member, from its key to the end of its value).
 */
public final class JsonDocument {
  private static final JsonFactory FACTORY = JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(200).build())
      .build();
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final SourceFile file;
  private final JsonNode root;
  private final Map<String, Span> spans;
  private final Map<String, Span> keySpans;

  private JsonDocument(SourceFile file, JsonNode root, Map<String, Span> spans, Map<String, Span> keySpans) {
    this.file = file;
    this.root = root;
    this.spans = spans;
    this.keySpans = keySpans;
  }

  /** Parses {@code file}; on a syntax error reports it (with its location) and returns null. */
  public static JsonDocument parse(SourceFile file, Diagnostics diagnostics) {
    Reader reader = new Reader(file, diagnostics);
    try (JsonParser parser = FACTORY.createParser(file.text())) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        diagnostics.add(Diagnostic.error(IMPORT_NOT_JSON, new Span(file, 0, 0), "the file is empty, not a JSON document")
            .withHint("import a task definition, service, cluster or capacity provider as JSON"));
        return null;
      }
      JsonNode root = reader.value(parser, "");
      if (parser.nextToken() != null) {
        int at = offset(parser.currentTokenLocation().getCharOffset(), file);
        diagnostics.add(Diagnostic.error(IMPORT_NOT_JSON, new Span(file, at, at + 1), "unexpected text after the JSON document")
            .withHint("a file holds one JSON document"));
        return null;
      }
      return new JsonDocument(file, root, reader.spans, reader.keySpans);
    } catch (JsonParseException e) {
      int at = e.getLocation() == null ? 0 : offset(e.getLocation().getCharOffset(), file);
      diagnostics.add(Diagnostic.error(IMPORT_NOT_JSON, new Span(file, at, Math.min(file.text().length(), at + 1)),
          "invalid JSON: " + io.ecsl.emit.Json.describe(e).replaceFirst(" \\(at line \\d+, column \\d+\\)$", ""))
          .withHint("fix the JSON syntax; `ecsl import` reads plain JSON (no comments, no trailing commas)"));
      return null;
    } catch (IOException | RuntimeException e) {
      // Jackson reports limits (nesting depth, number length) as runtime exceptions of its own.
      diagnostics.add(Diagnostic.error(IMPORT_NOT_JSON, new Span(file, 0, 0), "cannot read the JSON: " + e.getMessage())
          .withHint("check that the file is a JSON document"));
      return null;
    }
  }

  private static int offset(long charOffset, SourceFile file) {
    return (int) Math.max(0, Math.min(charOffset, file.text().length()));
  }

  public SourceFile file() {
    return file;
  }

  public JsonNode root() {
    return root;
  }

  /** The span of the value at {@code pointer} (a member: key through value), or of its nearest ancestor. */
  public Span span(String pointer) {
    String p = pointer;
    while (true) {
      Span s = spans.get(p);
      if (s != null) {
        return s;
      }
      if (p.isEmpty()) {
        return new Span(file, 0, 0);
      }
      int slash = p.lastIndexOf('/');
      p = slash <= 0 ? "" : p.substring(0, slash);
    }
  }

  /** The span of a member's key (where "the field" is), else the value's span. */
  public Span keySpan(String pointer) {
    Span s = keySpans.get(pointer);
    return s != null ? s : span(pointer);
  }

  /** Builds the tree and records spans while it goes. */
  private static final class Reader {
    private final SourceFile file;
    private final Diagnostics diagnostics;
    private final Map<String, Span> spans = new HashMap<>();
    private final Map<String, Span> keySpans = new HashMap<>();

    Reader(SourceFile file, Diagnostics diagnostics) {
      this.file = file;
      this.diagnostics = diagnostics;
    }

    /** Reads the value whose first token is current; leaves the parser on its last token. */
    JsonNode value(JsonParser p, String pointer) throws IOException {
      int start = offset(p.currentTokenLocation().getCharOffset(), file);
      JsonNode node = switch (p.currentToken()) {
        case START_OBJECT -> object(p, pointer);
        case START_ARRAY -> array(p, pointer);
        case VALUE_STRING -> JSON.textNode(p.getText());
        case VALUE_NUMBER_INT -> integer(p);
        case VALUE_NUMBER_FLOAT -> JSON.numberNode(p.getDecimalValue());
        case VALUE_TRUE -> JSON.booleanNode(true);
        case VALUE_FALSE -> JSON.booleanNode(false);
        case VALUE_NULL -> JSON.nullNode();
        default -> throw new JsonParseException(p, "unexpected " + p.currentToken());
      };
      int end = offset(p.currentLocation().getCharOffset(), file);
      spans.putIfAbsent(pointer, new Span(file, start, Math.max(start, end)));
      return node;
    }

    private static JsonNode integer(JsonParser p) throws IOException {
      java.math.BigInteger big = p.getBigIntegerValue();
      return big.bitLength() < 64 ? JSON.numberNode(big.longValue()) : JSON.numberNode(big);
    }

    private ObjectNode object(JsonParser p, String pointer) throws IOException {
      ObjectNode obj = JSON.objectNode();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String key = p.currentName();
        int keyStart = offset(p.currentTokenLocation().getCharOffset(), file);
        int keyEnd = offset(p.currentLocation().getCharOffset(), file);
        String child = pointer + "/" + SpanIndex.escape(key);
        Span keySpan = new Span(file, keyStart, Math.max(keyStart, keyEnd));
        if (obj.has(key)) {
          diagnostics.add(Diagnostic.warning(IMPORT_DUPLICATE_KEY, keySpan, "`" + key + "` appears twice in this object; the last one wins")
              .withLabel(keySpans.get(child), "first here").withHint("remove one of them"));
          spans.remove(child);
          spans.keySet().removeIf(k -> k.startsWith(child + "/"));
        }
        keySpans.put(child, keySpan);
        p.nextToken();
        int valueStart = offset(p.currentTokenLocation().getCharOffset(), file);
        JsonNode value = value(p, child);
        int end = offset(p.currentLocation().getCharOffset(), file);
        spans.put(child, new Span(file, keyStart, Math.max(valueStart, end)));
        obj.set(key, value);
      }
      return obj;
    }

    private ArrayNode array(JsonParser p, String pointer) throws IOException {
      ArrayNode arr = JSON.arrayNode();
      while (p.nextToken() != JsonToken.END_ARRAY) {
        arr.add(value(p, pointer + "/" + arr.size()));
      }
      return arr;
    }
  }
}
