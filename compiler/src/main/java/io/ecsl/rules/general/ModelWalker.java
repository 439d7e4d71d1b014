package io.ecsl.rules.general;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.model.ApiRequest;
import io.ecsl.model.Resource;
import io.ecsl.model.SpanIndex;
import io.ecsl.rules.BaseRule;
import io.ecsl.rules.RuleContext;
import io.ecsl.schema.ServiceModel;
import io.ecsl.schema.Shape;
import java.util.Iterator;
import java.util.Map;

/** A rule that visits every value of every request together with its shape in the AWS API model. */
abstract class ModelWalker extends BaseRule {
  ModelWalker(String code, String summary, String source) {
    super(code, summary, source);
  }

  @Override
  public final void check(RuleContext ctx) {
    for (Resource r : ctx.model().resources()) {
      for (ApiRequest req : r.requests()) {
        ServiceModel model;
        try {
          model = ServiceModel.get(req.service());
        } catch (RuntimeException e) {
          continue; // a service ecsl has no model for: nothing to compare with
        }
        Shape input = model.input(req.operation());
        if (input != null && req.body() != null) {
          walk(ctx, r, req, req.body(), input, "", req.operation());
        }
      }
    }
  }

  private void walk(RuleContext ctx, Resource r, ApiRequest req, JsonNode node, Shape shape, String pointer, String member) {
    if (node == null || node.isNull() || shape == null) {
      return;
    }
    visit(ctx, r, req, node, shape, pointer, member);
    if (shape.isStructure() && node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        walk(ctx, r, req, e.getValue(), shape.member(e.getKey()), pointer + "/" + SpanIndex.escape(e.getKey()), e.getKey());
      }
    } else if (shape.isList() && node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        walk(ctx, r, req, node.get(i), shape.element(), pointer + "/" + i, member);
      }
    } else if (shape.isMap() && node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        walk(ctx, r, req, e.getValue(), shape.value(), pointer + "/" + SpanIndex.escape(e.getKey()), member);
      }
    }
  }

  /**
   * Called for every value.
   *
   * @param member the member name the value sits under (for list elements, the list's)
   */
  abstract void visit(RuleContext ctx, Resource r, ApiRequest req, JsonNode node, Shape shape, String pointer, String member);

  static String name(String member) {
    return "`" + Shape.snake(member) + "`";
  }
}
