package io.ecsl.runtime.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.schema.ServiceModel;
import io.ecsl.schema.Shape;
import java.math.BigInteger;
import java.util.Map;

/**
 * Checks a request against its operation's input shape in the AWS model (the compiler's copy, so
 * compiler and runtime read one definition) before any handler sees it, as AWS's request
 * deserializer does: every member has its shape's JSON type, and every integer fits its type
 * ({@code integer} is 32 bits, {@code long} 64). A mismatch is a {@code SerializationException}
 * naming the member, so no handler ever reads a truncated or wrapped-around number.
 *
 * <p>Members the model does not know are ignored, as AWS ignores them.
 */
public final class RequestShapes {
  private static final BigInteger INT_MIN = BigInteger.valueOf(Integer.MIN_VALUE);
  private static final BigInteger INT_MAX = BigInteger.valueOf(Integer.MAX_VALUE);
  private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
  private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

  private final ServiceModel model;

  public RequestShapes(ServiceModel model) {
    this.model = model;
  }

  /** The model of the service whose JSON 1.1 target prefix is {@code targetPrefix}, or null. */
  public static RequestShapes forTargetPrefix(String targetPrefix) {
    for (String name : new String[] {ServiceModel.ECS, ServiceModel.EVENTS, ServiceModel.AUTOSCALING,
        ServiceModel.CLOUD_MAP}) {
      ServiceModel model = ServiceModel.get(name);
      if (model.targetPrefix().equals(targetPrefix)) {
        return new RequestShapes(model);
      }
    }
    return null;
  }

  /** @throws ApiException {@code SerializationException} at the first member of the wrong type or range */
  public void check(String operation, JsonNode request) {
    Shape input = model.input(operation);
    if (input != null) {
      check(input, request, "");
    }
  }

  private void check(Shape shape, JsonNode value, String path) {
    if (value == null || value.isNull()) {
      return;
    }
    if (shape.isStructure()) {
      expect(value.isObject(), value, path, "a structure (JSON object)");
      for (Map.Entry<String, JsonNode> member : value.properties()) {
        Shape memberShape = shape.member(member.getKey());
        if (memberShape != null) {
          check(memberShape, member.getValue(), join(path, member.getKey()));
        }
      }
    } else if (shape.isList()) {
      expect(value.isArray(), value, path, "a list (JSON array)");
      Shape element = shape.element();
      for (int i = 0; i < value.size(); i++) {
        check(element, value.get(i), path + "[" + i + "]");
      }
    } else if (shape.isMap()) {
      expect(value.isObject(), value, path, "a map (JSON object)");
      Shape valueShape = shape.value();
      for (Map.Entry<String, JsonNode> entry : value.properties()) {
        check(valueShape, entry.getValue(), path + "[\"" + entry.getKey() + "\"]");
      }
    } else if (shape.isString()) {
      expect(value.isTextual(), value, path, "a string");
    } else if (shape.isBoolean()) {
      expect(value.isBoolean(), value, path, "a boolean (true or false)");
    } else if (shape.isInteger()) {
      boolean isLong = shape.type().equals("long");
      expect(value.isIntegralNumber(), value, path, isLong ? "a Long (a whole number)" : "an Integer (a whole number)");
      BigInteger number = value.bigIntegerValue();
      BigInteger min = isLong ? LONG_MIN : INT_MIN;
      BigInteger max = isLong ? LONG_MAX : INT_MAX;
      if (number.compareTo(min) < 0 || number.compareTo(max) > 0) {
        throw new ApiException("SerializationException", "Member " + path + ": " + number + " is out of range for "
            + (isLong ? "a Long" : "an Integer") + " (" + min + " to " + max + ").");
      }
    } else if (shape.isDouble()) {
      expect(value.isNumber(), value, path, "a number");
    } else if (shape.type().equals("timestamp")) {
      expect(value.isNumber() || value.isTextual(), value, path, "a timestamp (epoch seconds)");
    }
  }

  private static void expect(boolean ok, JsonNode value, String path, String what) {
    if (!ok) {
      throw new ApiException("SerializationException", "Member " + (path.isEmpty() ? "(request)" : path)
          + " must be " + what + "; got " + describe(value) + ".");
    }
  }

  private static String describe(JsonNode value) {
    if (value.isTextual()) {
      String text = value.asText();
      return "the string \"" + (text.length() > 40 ? text.substring(0, 40) + "…" : text) + "\"";
    }
    if (value.isNumber()) {
      return "the number " + value.asText();
    }
    return value.isObject() ? "an object" : value.isArray() ? "a list" : value.isBoolean() ? value.asText() : value.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
  }

  private static String join(String path, String member) {
    return path.isEmpty() ? member : path + "." + member;
  }
}
