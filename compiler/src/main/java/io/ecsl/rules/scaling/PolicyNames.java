package io.ecsl.rules.scaling;

import io.ecsl.model.ApiRequest;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.ScalingView;
import java.util.HashSet;
import java.util.Set;

/** E1606: scaling policy names are printable and unique per service (a second policy of the same name replaces the first). */
public final class PolicyNames extends ScalingRule {
  public PolicyNames() {
    super("E1606", "Scaling policy names are printable and unique per service", "Application Auto Scaling API");
  }

  @Override
  void check(RuleContext ctx, ScalingView s) {
    Set<String> seen = new HashSet<>();
    for (ApiRequest p : s.policies()) {
      String name = Nodes.text(p.body(), "PolicyName");
      if (name == null) {
        continue;
      }
      if (!name.matches("\\p{Print}+")) {
        ctx.report(s.resource(), p, "/PolicyName", "scaling policy name `" + name + "` has characters that are not printable",
            "use letters, digits and punctuation");
      } else if (!seen.add(name)) {
        ctx.report(s.resource(), p, "/PolicyName", "two scaling policies of service `" + s.resource().name() + "` are named `" + name
            + "`; the second would replace the first", "give each policy its own name");
      }
    }
  }
}
