package io.ecsl.rules.general;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.diag.Suggestions;
import io.ecsl.model.ApiRequest;
import io.ecsl.model.EcsModel;
import io.ecsl.model.Resource;
import io.ecsl.model.SpanIndex;
import io.ecsl.rules.RuleContext;
import io.ecsl.schema.ServiceModel;
import io.ecsl.schema.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One walk over every value of every request, next to its shape in the AWS API model, shared by
 * E1801 (limits) and E1802 (shape): the walk is the costly part, so it runs once per check.
 */
final class ModelWalk {
  /** One problem found on the walk, reported by the rule whose code it carries. */
  record Finding(String code, Resource resource, ApiRequest request, String pointer, String message, String hint) {}

  private final List<Finding> findings = new ArrayList<>();

  private ModelWalk() {}

  /** The findings of this check run (walked on first use). */
  static List<Finding> of(RuleContext ctx) {
    return ctx.index().shared(ModelWalk.class, () -> walk(ctx.model()));
  }

  /**
   * A place in a request, as a chain of segments: the pointer string is built only for the rare
   * value that has a finding (building it for every value was most of the walk's cost). Only
   * objects and lists get one; a scalar is named by its parent, key and index until it has a finding.
   *
   * @param key the member or map key, or null for a list element
   * @param index the list index, or -1
   */
  private record At(At parent, String key, int index) {
    static final At ROOT = new At(null, null, -1);

    /** The place {@code key}/{@code index} under {@code parent}; the root when {@code parent} is null. */
    static At of(At parent, String key, int index) {
      return parent == null ? ROOT : new At(parent, key, index);
    }

    At child(String k) {
      return new At(this, k, -1);
    }

    At child(int i) {
      return new At(this, null, i);
    }

    @Override
    public String toString() {
      return parent == null ? "" : parent + "/" + (key != null ? SpanIndex.escape(key) : Integer.toString(index));
    }
  }

  private static List<Finding> walk(EcsModel model) {
    // Resources are independent: walk them on every core, keeping the model's order of findings.
    return model.resources().parallelStream().flatMap(r -> walk(r).stream()).toList();
  }

  private static List<Finding> walk(Resource r) {
    ModelWalk w = new ModelWalk();
    for (ApiRequest req : r.requests()) {
      ServiceModel service;
      try {
        service = ServiceModel.get(req.service());
      } catch (RuntimeException e) {
        continue; // a service ecsl has no model for: nothing to compare with
      }
      Shape input = service.input(req.operation());
      if (input != null && req.body() != null) {
        w.walk(r, req, req.body(), input, null, null, -1, req.operation());
      }
    }
    return w.findings;
  }

  /** Walks {@code node}, found at {@code key}/{@code index} under {@code parent} (null: the request itself). */
  private void walk(Resource r, ApiRequest req, JsonNode node, Shape shape, At parent, String key, int index,
      String member) {
    if (node == null || node.isNull() || shape == null) {
      return;
    }
    if (!shapeOk(r, req, node, shape, parent, key, index, member)) {
      return; // wrong JSON type: nothing below it to compare
    }
    limits(r, req, node, shape, parent, key, index, member);
    if (shape.isStructure()) {
      At here = At.of(parent, key, index);
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        Shape memberShape = shape.member(e.getKey());
        if (memberShape == null) {
          unknownMember(r, req, shape, here, e.getKey());
        } else {
          walk(r, req, e.getValue(), memberShape, here, e.getKey(), -1, e.getKey());
        }
      }
    } else if (shape.isList()) {
      At here = At.of(parent, key, index);
      Shape element = shape.element();
      for (int i = 0; i < node.size(); i++) {
        walk(r, req, node.get(i), element, here, null, i, member);
      }
    } else if (shape.isMap()) {
      At here = At.of(parent, key, index);
      Shape value = shape.value();
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        walk(r, req, e.getValue(), value, here, e.getKey(), -1, member);
      }
    }
  }

  // --------------------------------------------------------------------------- E1802: shape

  private boolean shapeOk(Resource r, ApiRequest req, JsonNode node, Shape shape, At parent, String key, int index,
      String member) {
    String expected = expected(shape, node);
    if (expected != null) {
      add("E1802", r, req, At.of(parent, key, index), name(member) + " must be " + expected + ", not " + describe(node), "fix its JSON type");
      return false;
    }
    if (shape.isEnum() && !shape.isEnumValue(node.asText())) {
      String mean = Suggestions.didYouMean(node.asText(), shape.enumValues());
      add("E1802", r, req, At.of(parent, key, index), "`" + node.asText() + "` is not a valid " + name(member),
          (mean != null ? mean + " " : "") + "valid values: " + String.join(", ", shape.enumValues()));
    }
    if (shape.isStructure()) {
      // unknown members are reported by walk(), in the same pass over the members
      for (String required : shape.required()) {
        JsonNode v = node.get(required);
        if (v == null || v.isNull()) {
          add("E1802", r, req, At.of(parent, key, index), shape.name() + " needs `" + required + "`", "add " + name(required));
        }
      }
    }
    return true;
  }

  private void unknownMember(Resource r, ApiRequest req, Shape shape, At structure, String name) {
    String mean = Suggestions.didYouMean(name, shape.members().keySet());
    add("E1802", r, req, structure.child(name), "`" + name + "` is not a member of " + shape.name(),
        mean != null ? mean : "remove it (member names are case-sensitive)");
  }

  /** The JSON type the shape needs when {@code node} does not have it, else null. */
  private static String expected(Shape shape, JsonNode node) {
    return switch (shape.type()) {
      case "structure" -> node.isObject() ? null : "an object";
      case "map" -> node.isObject() ? null : "an object of key/value pairs";
      case "list" -> node.isArray() ? null : "a list";
      case "string" -> node.isTextual() ? null : "a string";
      case "integer", "long" -> node.isIntegralNumber() ? null : "a whole number";
      case "double", "float" -> node.isNumber() ? null : "a number";
      case "boolean" -> node.isBoolean() ? null : "true or false";
      case "timestamp" -> node.isTextual() || node.isNumber() ? null : "a timestamp";
      default -> null;
    };
  }

  private static String describe(JsonNode node) {
    if (node.isObject()) {
      return "an object";
    }
    if (node.isArray()) {
      return "a list";
    }
    if (node.isTextual()) {
      return "the string \"" + node.asText() + "\"";
    }
    return node.toString();
  }

  // --------------------------------------------------------------------------- E1801: limits

  private void limits(Resource r, ApiRequest req, JsonNode node, Shape shape, At parent, String key, int index,
      String member) {
    if (shape.type().equals("integer") && node.isIntegralNumber() && !node.canConvertToInt()) {
      // the API's integers are 32-bit: a larger number is rejected before any range applies
      add("E1801", r, req, At.of(parent, key, index), name(member) + " must fit in a 32-bit integer (at most "
          + Integer.MAX_VALUE + "); you set " + node.asText(), "use a smaller number");
      return;
    }
    Long min = shape.min();
    Long max = shape.max();
    if (min == null && max == null) {
      return;
    }
    if ((shape.isInteger() || shape.isDouble()) && node.isNumber()) {
      double v = node.asDouble();
      if (min != null && v < min || max != null && v > max) {
        add("E1801", r, req, At.of(parent, key, index), name(member) + " must be " + range(min, max) + "; you set " + node.asText(),
            "use a value " + range(min, max));
      }
    } else if (shape.isString() && node.isTextual()) {
      int length = node.asText().length();
      if (min != null && length < min) {
        add("E1801", r, req, At.of(parent, key, index), name(member) + (min == 1 ? " is empty" : " must be at least " + min + " characters"),
            "give it a value" + (max != null ? " of at most " + max + " characters" : ""));
      } else if (max != null && length > max) {
        add("E1801", r, req, At.of(parent, key, index), name(member) + " is " + length + " characters long; the API allows " + max,
            "shorten it to " + max + " characters");
      }
    } else if (shape.isList() && node.isArray()) {
      int size = node.size();
      if (min != null && size < min) {
        add("E1801", r, req, At.of(parent, key, index), name(member) + " needs at least " + min + " entr" + (min == 1 ? "y" : "ies"), "add one");
      } else if (max != null && size > max) {
        add("E1801", r, req, At.of(parent, key, index).child(max.intValue()), name(member) + " has " + size + " entries; the API allows " + max,
            "keep at most " + max);
      }
    }
  }

  private static String range(Long min, Long max) {
    if (min != null && max != null) {
      return "between " + min + " and " + max;
    }
    return min != null ? "at least " + min : "at most " + max;
  }

  private void add(String code, Resource r, ApiRequest req, At pointer, String message, String hint) {
    findings.add(new Finding(code, r, req, pointer.toString(), message, hint));
  }

  static String name(String member) {
    return "`" + Shape.snake(member) + "`";
  }

  /** Reports this run's findings of {@code code} through the rule's context. */
  static void report(RuleContext ctx, String code) {
    for (Finding f : of(ctx)) {
      if (f.code().equals(code)) {
        ctx.report(f.resource(), f.request(), f.pointer(), f.message(), f.hint());
      }
    }
  }
}
