package io.ecsl.rules.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.model.Resource;
import io.ecsl.model.ResourceKind;
import io.ecsl.rules.BaseRule;
import io.ecsl.rules.RuleContext;

/** A rule about each Managed Daemon ({@code CreateDaemon}). */
abstract class DaemonRule extends BaseRule {
  DaemonRule(String code, String summary, String source) {
    super(code, summary, source);
  }

  @Override
  public final void check(RuleContext ctx) {
    for (Resource r : ctx.index().ofKind(ResourceKind.DAEMON)) {
      check(ctx, r, r.primary().body());
    }
  }

  abstract void check(RuleContext ctx, Resource daemon, JsonNode request);

  static String label(Resource r) {
    return "daemon `" + r.name() + "`";
  }

  /** The name in a capacity provider or cluster ARN ({@code …:capacity-provider/web-mi} → {@code web-mi}), or the text itself. */
  static String nameIn(String arn, String marker) {
    int i = arn.indexOf(marker);
    return i < 0 ? arn : arn.substring(i + marker.length());
  }
}
