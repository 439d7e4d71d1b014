package io.ecsl.rules.schedule;

import io.ecsl.model.ApiRequest;
import io.ecsl.model.Resource;
import io.ecsl.rules.BaseRule;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;
import java.util.List;
import java.util.regex.Pattern;

/** E1505: EventBridge rule names and target ids are letters, digits, {@code .}, {@code -} and {@code _}. */
public final class ScheduleNames extends BaseRule {
  private static final Pattern NAME = Pattern.compile("[.\\-_A-Za-z0-9]+");

  public ScheduleNames() {
    super("E1505", "Rule names and target ids use only letters, digits, `.`, `-` and `_`", "EventBridge API");
  }

  @Override
  public void check(RuleContext ctx) {
    for (Resource r : ctx.index().schedules()) {
      for (ApiRequest req : r.requests()) {
        String name = Nodes.text(req.body(), req.operation().equals("PutRule") ? "Name" : "Rule");
        if (req.operation().equals("PutRule") && name != null && !NAME.matcher(name).matches()) {
          ctx.report(r, req, "/Name", "EventBridge rule name `" + name + "` may only contain letters, digits, `.`, `-` and `_`",
              "rename it, e.g. to `" + name.replaceAll("[^.\\-_A-Za-z0-9]", "-") + "`");
        }
        List<com.fasterxml.jackson.databind.JsonNode> targets = Nodes.list(req.body(), "Targets");
        for (int i = 0; i < targets.size(); i++) {
          String id = Nodes.text(targets.get(i), "Id");
          if (id != null && !NAME.matcher(id).matches()) {
            ctx.report(r, req, "/Targets/" + i + "/Id", "target id `" + id + "` may only contain letters, digits, `.`, `-` and `_`",
                "write e.g. `id = \"run-task\"`");
          }
        }
      }
    }
  }
}
