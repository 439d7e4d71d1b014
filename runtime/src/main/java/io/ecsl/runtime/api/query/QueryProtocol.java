package io.ecsl.runtime.api.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.runtime.api.ApiException;
import io.ecsl.runtime.json.Json;
import io.ecsl.schema.Shape;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The AWS Query protocol, driven by the service model: a form-encoded request
 * ({@code Action=CreateLoadBalancer&Names.member.1=web&Tags.member.1.Key=team}) read into the
 * JSON shape of the operation's input, and a result written as the XML the SDKs parse
 * ({@code <OpResponse><OpResult>…</OpResult><ResponseMetadata>…}, lists as {@code <member>}).
 * Handlers therefore work on the same JSON documents as the JSON 1.1 services.
 */
public final class QueryProtocol {
  private QueryProtocol() {}

  /** Decodes a form body ({@code application/x-www-form-urlencoded}) into its parameters. */
  public static NavigableMap<String, String> parameters(String body) {
    NavigableMap<String, String> out = new TreeMap<>();
    if (body == null || body.isEmpty()) {
      return out;
    }
    for (String pair : body.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String key = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      out.put(key, value);
    }
    return out;
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new ApiException("MalformedQueryString", "The request body is not valid form encoding: " + e.getMessage());
    }
  }

  /** The parameters below {@code shape} (the operation's input) as a JSON object; unknown ones are ignored, as AWS does. */
  public static ObjectNode read(Shape shape, NavigableMap<String, String> parameters) {
    ObjectNode out = Json.object();
    if (shape == null) {
      return out;
    }
    for (Map.Entry<String, String> member : shape.members().entrySet()) {
      JsonNode value = read(shape.member(member.getKey()), member.getKey(), parameters);
      if (value != null) {
        out.set(member.getKey(), value);
      }
    }
    return out;
  }

  private static JsonNode read(Shape shape, String key, NavigableMap<String, String> parameters) {
    if (shape.isStructure()) {
      if (!hasChildren(key, parameters)) {
        return null;
      }
      ObjectNode out = Json.object();
      for (String member : shape.members().keySet()) {
        JsonNode value = read(shape.member(member), key + "." + member, parameters);
        if (value != null) {
          out.set(member, value);
        }
      }
      return out;
    }
    if (shape.isList()) {
      if (!hasChildren(key, parameters)) {
        // An empty list is sent as "Key=" (what botocore writes for []).
        return parameters.containsKey(key) ? Json.array() : null;
      }
      ArrayNode out = Json.array();
      for (int index : indices(key + ".member.", parameters)) {
        JsonNode value = read(shape.element(), key + ".member." + index, parameters);
        out.add(value == null ? Json.object() : value);
      }
      return out;
    }
    if (shape.isMap()) {
      if (!hasChildren(key, parameters)) {
        return null;
      }
      ObjectNode out = Json.object();
      for (int index : indices(key + ".entry.", parameters)) {
        String name = parameters.get(key + ".entry." + index + ".key");
        String value = parameters.get(key + ".entry." + index + ".value");
        if (name != null) {
          out.put(name, value);
        }
      }
      return out;
    }
    String text = parameters.get(key);
    if (text == null) {
      return null;
    }
    return switch (shape.type()) {
      case "integer", "long" -> {
        try {
          yield Json.tree(shape.type().equals("integer") ? Integer.parseInt(text) : Long.parseLong(text));
        } catch (NumberFormatException e) {
          throw new ApiException("ValidationError", "Value '" + text + "' at '" + key + "' failed to satisfy"
              + " constraint: Member must be a number of type " + shape.type());
        }
      }
      case "boolean" -> {
        if (!text.equals("true") && !text.equals("false")) {
          throw new ApiException("ValidationError", "Value '" + text + "' at '" + key + "' failed to satisfy"
              + " constraint: Member must be true or false");
        }
        yield Json.tree(Boolean.parseBoolean(text));
      }
      case "float", "double" -> {
        try {
          yield Json.tree(new BigDecimal(text));
        } catch (NumberFormatException e) {
          throw new ApiException("ValidationError", "Value '" + text + "' at '" + key + "' is not a number");
        }
      }
      default -> Json.tree(text);
    };
  }

  private static boolean hasChildren(String key, NavigableMap<String, String> parameters) {
    String prefix = key + ".";
    String next = parameters.ceilingKey(prefix);
    return next != null && next.startsWith(prefix);
  }

  private static TreeSet<Integer> indices(String prefix, NavigableMap<String, String> parameters) {
    TreeSet<Integer> out = new TreeSet<>();
    for (String key : parameters.tailMap(prefix, true).keySet()) {
      if (!key.startsWith(prefix)) {
        break;
      }
      String rest = key.substring(prefix.length());
      int end = rest.indexOf('.');
      try {
        out.add(Integer.parseInt(end < 0 ? rest : rest.substring(0, end)));
      } catch (NumberFormatException e) {
        throw new ApiException("ValidationError", "Malformed list parameter '" + key + "': expected "
            + prefix + "N with N a number from 1");
      }
    }
    return out;
  }

  /** The XML response document of {@code operation}, its result written in {@code shape}'s member order. */
  public static String response(String operation, String xmlNamespace, Shape shape, JsonNode result,
      String requestId) {
    StringBuilder out = new StringBuilder(512);
    out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<").append(operation).append("Response xmlns=\"")
        .append(xmlNamespace).append("\">\n  <").append(operation).append("Result>");
    if (shape != null && result != null) {
      writeMembers(out, shape, result);
    }
    out.append("</").append(operation).append("Result>\n  <ResponseMetadata>\n    <RequestId>").append(requestId)
        .append("</RequestId>\n  </ResponseMetadata>\n</").append(operation).append("Response>\n");
    return out.toString();
  }

  /** The Query protocol's error document ({@code Sender} for 4xx, {@code Receiver} for 5xx). */
  public static String error(String xmlNamespace, ApiException e, String requestId) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ErrorResponse xmlns=\"" + xmlNamespace + "\">\n  <Error>\n"
        + "    <Type>" + (e.status() >= 500 ? "Receiver" : "Sender") + "</Type>\n    <Code>" + escape(e.type())
        + "</Code>\n    <Message>" + escape(e.getMessage()) + "</Message>\n  </Error>\n  <RequestId>" + requestId
        + "</RequestId>\n</ErrorResponse>\n";
  }

  private static void writeMembers(StringBuilder out, Shape shape, JsonNode value) {
    for (String member : shape.members().keySet()) {
      JsonNode child = value.get(member);
      if (child == null || child.isNull()) {
        continue;
      }
      out.append('<').append(member).append('>');
      write(out, shape.member(member), child);
      out.append("</").append(member).append('>');
    }
  }

  private static void write(StringBuilder out, Shape shape, JsonNode value) {
    if (shape.isStructure()) {
      writeMembers(out, shape, value);
    } else if (shape.isList()) {
      for (JsonNode element : value) {
        out.append("<member>");
        write(out, shape.element(), element);
        out.append("</member>");
      }
    } else if (shape.isMap()) {
      value.properties().forEach(entry -> out.append("<entry><key>").append(escape(entry.getKey()))
          .append("</key><value>").append(escape(entry.getValue().asText())).append("</value></entry>"));
    } else if (shape.type().equals("timestamp")) {
      out.append(timestamp(value));
    } else {
      out.append(escape(value.asText()));
    }
  }

  /** ISO 8601 with milliseconds, as AWS writes timestamps in XML; a stored epoch-seconds number is converted. */
  private static String timestamp(JsonNode value) {
    if (value.isNumber()) {
      Instant instant = Instant.ofEpochMilli(value.decimalValue().movePointRight(3).longValue());
      return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }
    return escape(value.asText());
  }

  static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&apos;");
        case '\r' -> out.append("&#13;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
