package io.ecsl.runtime.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import io.ecsl.runtime.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Smithy RPC v2 CBOR protocol, which the AWS SDK for Java v2 (and other newer SDKs) speak to
 * CloudWatch (the aws CLI v1 prefers AWS JSON 1.0 for it): {@code POST /service/<service>/operation/<Operation>} with a {@code smithy-protocol:
 * rpc-v2-cbor} header and a CBOR body. Translated at the edge to the JSON the services take and
 * back, so a service is the same whichever protocol reached it; timestamps go out as CBOR tag 1
 * (epoch seconds), as the protocol requires, for the members the service names.
 */
public final class RpcV2Cbor {
  public static final String HEADER = "smithy-protocol";
  public static final String CONTENT_TYPE = "application/cbor";
  private static final Pattern PATH = Pattern.compile("^/service/([A-Za-z0-9_]+)/operation/([A-Za-z0-9_]+)$");
  private static final CBORMapper MAPPER = new CBORMapper();
  private static final CBORFactory FACTORY = MAPPER.getFactory();

  private RpcV2Cbor() {}

  /** True for a request in this protocol (its header and path). */
  public static boolean owns(Map<String, List<String>> headers, String method, String path) {
    List<String> protocol = headers.get(HEADER);
    return "POST".equals(method) && protocol != null && protocol.contains("rpc-v2-cbor") && PATH.matcher(path).matches();
  }

  /** The AWS JSON target ({@code Service.Operation}) a request path names. */
  public static String target(String path) {
    Matcher m = PATH.matcher(path);
    if (!m.matches()) {
      throw new IllegalArgumentException("not an RPC v2 path: " + path);
    }
    return m.group(1) + "." + m.group(2);
  }

  /** The request body as JSON text (an empty body is an empty object). */
  public static byte[] requestJson(byte[] cbor) {
    if (cbor == null || cbor.length == 0) {
      return "{}".getBytes(StandardCharsets.UTF_8);
    }
    try {
      JsonNode tree = MAPPER.readTree(cbor);
      if (tree == null || !tree.isObject()) {
        throw new ApiException("SerializationException", "The request body must be a CBOR map.");
      }
      return Json.write(tree).getBytes(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ApiException("SerializationException", "The request body is not valid CBOR: " + e.getMessage());
    }
  }

  /** A JSON response (the dispatcher's) as CBOR, with {@code timestamps} members tagged as epoch seconds. */
  public static byte[] responseCbor(String json, Set<String> timestamps) {
    JsonNode tree = Json.parse(json);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (CBORGenerator g = FACTORY.createGenerator(out)) {
      write(g, tree, false, timestamps);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static void write(CBORGenerator g, JsonNode node, boolean timestamp, Set<String> timestamps)
      throws IOException {
    if (node.isObject()) {
      g.writeStartObject();
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        g.writeFieldName(e.getKey());
        write(g, e.getValue(), timestamps.contains(e.getKey()), timestamps);
      }
      g.writeEndObject();
    } else if (node.isArray()) {
      g.writeStartArray();
      for (JsonNode item : node) {
        write(g, item, false, timestamps);
      }
      g.writeEndArray();
    } else if (timestamp && node.isNumber()) {
      g.writeTag(1);
      g.writeNumber(node.doubleValue());
    } else if (node.isTextual()) {
      g.writeString(node.asText());
    } else if (node.isBoolean()) {
      g.writeBoolean(node.booleanValue());
    } else if (node.isIntegralNumber()) {
      g.writeNumber(node.longValue());
    } else if (node.isNumber()) {
      g.writeNumber(node.doubleValue());
    } else {
      ((JsonGenerator) g).writeNull();
    }
  }
}
