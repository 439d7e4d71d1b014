package io.ecsl.rules.schedule;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.ScheduleTargetView;

/** E1508: the input of an ECS target is a JSON object (the RunTask overrides). */
public final class ScheduleInput extends TargetRule {
  /**
   * Made on the first input to check: every start makes every rule ({@code Rules.all()}), and an
   * {@code ObjectMapper} costs ~50 ms of CPU to set up, which a project without scheduled inputs
   * must not pay.
   */
  private static final class Mapper {
    static final ObjectMapper JSON = new ObjectMapper();
  }

  public ScheduleInput() {
    super("E1508", "An ECS target's input is a JSON object of task overrides", "EventBridge API");
  }

  @Override
  void check(RuleContext ctx, ScheduleTargetView t) {
    String input = Nodes.text(t.target(), "Input");
    if (input == null) {
      return;
    }
    try {
      JsonNode parsed = Mapper.JSON.readTree(input);
      if (parsed == null || !parsed.isObject()) {
        t.report(ctx, t.pointer() + "/Input", "the input of " + label(t) + " must be a JSON object of task overrides",
            "write `overrides { container_overrides = [{ name = \"app\", command = [\"run\"] }] }`");
      }
    } catch (java.io.IOException e) {
      t.report(ctx, t.pointer() + "/Input", "the input of " + label(t) + " is not valid JSON", "write `overrides { … }` and let ecsl build it");
    }
  }
}
