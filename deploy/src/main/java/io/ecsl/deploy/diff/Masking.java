package io.ecsl.deploy.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.regex.Pattern;

/**
 * What is never printed: values under a shape the API model marks {@code sensitive} (container
 * environment, repository credentials, …) and values whose name looks like a secret
 * ({@code DB_PASSWORD}, {@code api-key}, {@code splunk-token}) wherever they appear. Secrets'
 * {@code valueFrom} are references (ARNs), not values, and stay visible.
 */
public final class Masking {
  /** What a masked value reads as, in every output format. */
  public static final String MASK = "(sensitive)";

  private static final Pattern SECRET_NAME = Pattern.compile(
      "(?i).*(passw(or)?d|passwd|secret|token|api[_-]?key|private[_-]?key|access[_-]?key|credential|auth|signing[_-]?key|session).*");

  private Masking() {}

  /** True when a variable, option or label with this name likely holds a secret. */
  public static boolean secretName(String name) {
    return name != null && SECRET_NAME.matcher(name).matches();
  }

  /**
   * A copy of {@code value} with every leaf replaced by {@link #MASK}, keeping the {@code name}
   * (or {@code key}) of name/value pairs so the reader still sees which variable changed.
   */
  public static JsonNode mask(JsonNode value) {
    if (value == null) {
      return null;
    }
    if (value instanceof ObjectNode obj) {
      ObjectNode out = obj.objectNode();
      obj.fields().forEachRemaining(e -> {
        boolean identity = (e.getKey().equals("name") || e.getKey().equals("key") || e.getKey().equals("Key"))
            && e.getValue().isTextual();
        out.set(e.getKey(), identity ? e.getValue() : mask(e.getValue()));
      });
      return out;
    }
    if (value instanceof ArrayNode arr) {
      ArrayNode out = arr.arrayNode();
      arr.forEach(v -> out.add(mask(v)));
      return out;
    }
    return TextNode.valueOf(MASK);
  }

  /** A copy with only secret-looking name/value pairs and map entries masked. */
  public static JsonNode maskSecretNames(JsonNode value) {
    if (value instanceof ObjectNode obj) {
      ObjectNode out = obj.objectNode();
      String pairName = obj.path("name").isTextual() ? obj.path("name").asText()
          : obj.path("Key").isTextual() ? obj.path("Key").asText()
          : obj.path("key").isTextual() ? obj.path("key").asText() : null;  // ECS tags: {key, value}
      boolean secretPair = pairName != null && secretName(pairName) && (obj.has("value") || obj.has("Value"));
      obj.fields().forEachRemaining(e -> {
        boolean isValue = e.getKey().equals("value") || e.getKey().equals("Value");
        if (secretPair && isValue || !e.getValue().isContainerNode() && secretName(e.getKey()) && !isIdentityKey(e.getKey())) {
          out.set(e.getKey(), TextNode.valueOf(MASK));
        } else {
          out.set(e.getKey(), maskSecretNames(e.getValue()));
        }
      });
      return out;
    }
    if (value instanceof ArrayNode arr) {
      ArrayNode out = arr.arrayNode();
      arr.forEach(v -> out.add(maskSecretNames(v)));
      return out;
    }
    return value;
  }

  /** API members whose names contain a secret-looking word but hold identifiers, not secrets. */
  private static boolean isIdentityKey(String key) {
    return key.endsWith("Arn") || key.endsWith("ARN") || key.equals("valueFrom") || key.equals("credentialsParameter")
        || key.equals("authorizationConfig") || key.equals("secretOptions");
  }
}
