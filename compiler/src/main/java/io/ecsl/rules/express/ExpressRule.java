package io.ecsl.rules.express;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.model.ApiRequest;
import io.ecsl.model.Resource;
import io.ecsl.model.ResourceKind;
import io.ecsl.rules.BaseRule;
import io.ecsl.rules.RuleContext;

/** A rule about each Express Mode service ({@code CreateExpressGatewayService}). */
abstract class ExpressRule extends BaseRule {
  ExpressRule(String code, String summary, String source) {
    super(code, summary, source);
  }

  @Override
  public final void check(RuleContext ctx) {
    for (Resource r : ctx.index().ofKind(ResourceKind.EXPRESS_SERVICE)) {
      ApiRequest req = r.primary();
      check(ctx, r, req, req.body());
    }
  }

  abstract void check(RuleContext ctx, Resource r, ApiRequest req, ObjectNode service);

  static String label(Resource r) {
    return "Express service `" + r.name() + "`";
  }
}
