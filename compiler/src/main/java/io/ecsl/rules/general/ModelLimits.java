package io.ecsl.rules.general;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.model.ApiRequest;
import io.ecsl.model.Resource;
import io.ecsl.rules.RuleContext;
import io.ecsl.schema.Shape;

/**
 * E1801: values are within the limits the AWS API models state: number ranges (a strategy weight
 * 0–1000, a managed scaling target 1–100%), string lengths (a rule name up to 64 characters) and
 * list sizes (50 tags, 6 capacity providers in an EventBridge target).
 */
public final class ModelLimits extends ModelWalker {
  public ModelLimits() {
    super("E1801", "Numbers, string lengths and list sizes are within the AWS API model's limits",
        "AWS API models (ECS, EventBridge, Application Auto Scaling, Cloud Map)");
  }

  @Override
  void visit(RuleContext ctx, Resource r, ApiRequest req, JsonNode node, Shape shape, String pointer, String member) {
    Long min = shape.min();
    Long max = shape.max();
    if (min == null && max == null) {
      return;
    }
    if ((shape.isInteger() || shape.isDouble()) && node.isNumber()) {
      double v = node.asDouble();
      if (min != null && v < min || max != null && v > max) {
        ctx.report(r, req, pointer, name(member) + " must be " + range(min, max) + "; you set " + node.asText(),
            "use a value " + range(min, max));
      }
    } else if (shape.isString() && node.isTextual()) {
      int length = node.asText().length();
      if (min != null && length < min) {
        ctx.report(r, req, pointer, name(member) + (min == 1 ? " is empty" : " must be at least " + min + " characters"),
            "give it a value" + (max != null ? " of at most " + max + " characters" : ""));
      } else if (max != null && length > max) {
        ctx.report(r, req, pointer, name(member) + " is " + length + " characters long; the API allows " + max,
            "shorten it to " + max + " characters");
      }
    } else if (shape.isList() && node.isArray()) {
      int size = node.size();
      if (min != null && size < min) {
        ctx.report(r, req, pointer, name(member) + " needs at least " + min + " entr" + (min == 1 ? "y" : "ies"), "add one");
      } else if (max != null && size > max) {
        ctx.report(r, req, pointer + "/" + max, name(member) + " has " + size + " entries; the API allows " + max,
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
}
