package io.ecsl.deploy.target;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingKnownType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;
import software.amazon.awssdk.utils.builder.SdkBuilder;

/**
 * Converts between the API's JSON and the SDK's model objects through the SDK's own field
 * metadata ({@link SdkPojo#sdkFields()}), so one piece of code serves every operation of every
 * client. JSON keys are the wire names ({@link SdkField#locationName()}), which is exactly the
 * form the build output and the botocore models use.
 */
final class SdkJson {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private SdkJson() {}

  /** Fills an SDK builder from JSON; a key the SDK does not know is an error naming it. */
  static void fill(SdkPojo builder, ObjectNode json, String where) {
    Map<String, SdkField<?>> byName = new LinkedHashMap<>();
    for (SdkField<?> f : builder.sdkFields()) {
      byName.put(f.locationName(), f);
    }
    // REST APIs (EventBridge Scheduler) bind some members to the URI or query string under another
    // wire name (GroupName is ?groupName=); the botocore models, and so the requests, use the member name.
    for (SdkField<?> f : builder.sdkFields()) {
      byName.putIfAbsent(f.memberName(), f);
    }
    json.fields().forEachRemaining(e -> {
      SdkField<?> field = byName.get(e.getKey());
      if (field == null) {
        throw new IllegalArgumentException(where + ": the AWS SDK bundled with ecsl does not know the field `"
            + e.getKey() + "`; upgrade ecsl, or remove the field");
      }
      if (e.getValue() == null || e.getValue().isNull()) {
        return;
      }
      field.set(builder, toSdk(field, e.getValue(), where + "." + e.getKey()));
    });
  }

  private static Object toSdk(SdkField<?> field, JsonNode v, String where) {
    MarshallingKnownType type = field.marshallingType().getKnownType();
    switch (type) {
      case STRING:
        return v.isTextual() ? v.asText() : v.toString();
      case INTEGER:
        return v.asInt();
      case LONG:
        return v.asLong();
      case SHORT:
        return (short) v.asInt();
      case BYTE:
        return (byte) v.asInt();
      case FLOAT:
        return (float) v.asDouble();
      case DOUBLE:
        return v.asDouble();
      case BIG_DECIMAL:
        return v.decimalValue();
      case BOOLEAN:
        return v.asBoolean();
      case INSTANT:
        return v.isNumber() ? Instant.ofEpochMilli((long) (v.asDouble() * 1000)) : Instant.parse(v.asText());
      case SDK_BYTES:
        return SdkBytes.fromUtf8String(v.asText());
      case SDK_POJO: {
        SdkPojo nested = field.constructor().get();
        if (!(v instanceof ObjectNode obj)) {
          throw new IllegalArgumentException(where + " must be an object");
        }
        fill(nested, obj, where);
        return ((SdkBuilder<?, ?>) nested).build();
      }
      case LIST: {
        SdkField<?> member = field.getTrait(ListTrait.class).memberFieldInfo();
        List<Object> out = new ArrayList<>();
        for (JsonNode item : v) {
          out.add(toSdk(member, item, where + "[]"));
        }
        return out;
      }
      case MAP: {
        SdkField<?> value = field.getTrait(MapTrait.class).valueFieldInfo();
        Map<String, Object> out = new LinkedHashMap<>();
        v.fields().forEachRemaining(e -> out.put(e.getKey(), toSdk(value, e.getValue(), where + "." + e.getKey())));
        return out;
      }
      default:
        throw new IllegalArgumentException(where + ": unsupported field type " + type);
    }
  }

  /** The JSON form of an SDK model object (a response or a nested structure). */
  static ObjectNode toJson(SdkPojo pojo) {
    ObjectNode out = JSON.objectNode();
    for (SdkField<?> f : pojo.sdkFields()) {
      Object value = f.getValueOrDefault(pojo);
      JsonNode n = fromSdk(f, value);
      if (n != null) {
        out.set(f.locationName(), n);
      }
    }
    return out;
  }

  private static JsonNode fromSdk(SdkField<?> field, Object value) {
    if (value == null || value instanceof SdkAutoConstructList<?> || value instanceof SdkAutoConstructMap<?, ?>) {
      return null;
    }
    return switch (value) {
      case String s -> JSON.textNode(s);
      case Integer i -> JSON.numberNode(i);
      case Long l -> JSON.numberNode(l);
      case Short s -> JSON.numberNode(s);
      case Byte b -> JSON.numberNode(b);
      case Float f -> JSON.numberNode(f.doubleValue());
      case Double d -> JSON.numberNode(d);
      case BigDecimal d -> JSON.numberNode(d);
      case Boolean b -> JSON.booleanNode(b);
      case Instant t -> JSON.numberNode(t.toEpochMilli() / 1000.0);
      case SdkBytes b -> JSON.textNode(b.asUtf8String());
      case SdkPojo p -> toJson(p);
      case Collection<?> c -> {
        SdkField<?> member = field.getTrait(ListTrait.class).memberFieldInfo();
        ArrayNode arr = JSON.arrayNode();
        for (Object item : c) {
          JsonNode n = fromSdk(member, item);
          arr.add(n == null ? JSON.nullNode() : n);
        }
        yield arr;
      }
      case Map<?, ?> m -> {
        SdkField<?> valueField = field.getTrait(MapTrait.class).valueFieldInfo();
        ObjectNode obj = JSON.objectNode();
        m.forEach((k, v) -> {
          JsonNode n = fromSdk(valueField, v);
          obj.set(String.valueOf(k), n == null ? JSON.nullNode() : n);
        });
        yield obj;
      }
      default -> JSON.textNode(value.toString());
    };
  }
}
