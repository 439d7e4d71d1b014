package io.ecsl.rules.general;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.diag.Suggestions;
import io.ecsl.model.ApiRequest;
import io.ecsl.model.Resource;
import io.ecsl.rules.RuleContext;
import io.ecsl.schema.Shape;
import java.util.Iterator;

/**
 * E1802: every request has the shape the AWS API model gives it: known members of the right JSON
 * type, required members present, enum values from the model's list. The .ecs compiler enforces
 * this while it builds requests; the rule matters for models imported from existing JSON (where
 * e.g. {@code networkMode: "default"} is a common mistake). JSON {@code null} counts as absent.
 */
public final class ModelShape extends ModelWalker {
  public ModelShape() {
    super("E1802", "Requests match the AWS API model: known members, JSON types, required members, enum values",
        "AWS API models");
  }

  @Override
  void visit(RuleContext ctx, Resource r, ApiRequest req, JsonNode node, Shape shape, String pointer, String member) {
    String expected = expected(shape, node);
    if (expected != null) {
      ctx.report(r, req, pointer, name(member) + " must be " + expected + ", not " + describe(node), "fix its JSON type");
      return;
    }
    if (shape.isEnum() && !shape.enumValues().contains(node.asText())) {
      String mean = Suggestions.didYouMean(node.asText(), shape.enumValues());
      ctx.report(r, req, pointer, "`" + node.asText() + "` is not a valid " + name(member),
          (mean != null ? mean + " " : "") + "valid values: " + String.join(", ", shape.enumValues()));
    }
    if (shape.isStructure()) {
      for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
        String key = it.next();
        if (shape.member(key) == null) {
          String mean = Suggestions.didYouMean(key, shape.members().keySet());
          ctx.report(r, req, pointer + "/" + io.ecsl.model.SpanIndex.escape(key), "`" + key + "` is not a member of "
              + shape.name(), mean != null ? mean : "remove it (member names are case-sensitive)");
        }
      }
      for (String required : shape.required()) {
        JsonNode v = node.get(required);
        if (v == null || v.isNull()) {
          ctx.report(r, req, pointer, shape.name() + " needs `" + required + "`", "add " + name(required));
        }
      }
    }
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
}
