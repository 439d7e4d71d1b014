package io.ecsl.rules.schedule;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.ScheduleTargetView;

/** E1508: the input of an ECS target is a JSON object (the RunTask overrides). */
public final class ScheduleInput extends TargetRule {
  public ScheduleInput() {
    super("E1508", "An ECS target's input is a JSON object of task overrides", "EventBridge API");
  }

  @Override
  void check(RuleContext ctx, ScheduleTargetView t) {
    String input = Nodes.text(t.target(), "Input");
    if (input == null) {
      return;
    }
    // The streaming parser alone: the input only has to be well-formed with an object first, and an
    // ObjectMapper (what this read it with before) cost a project with a scheduled input ~100 ms of
    // start-up: ~50 ms of CPU to set up and 330 classes from outside the AOT cache
    // (check samples/scheduler-jobs 0.374 s against 0.190 s for fargate-web).
    try (JsonParser p = io.ecsl.schema.JsonTrees.FACTORY.createParser(input)) {
      JsonToken first = p.nextToken();
      p.skipChildren(); // reads (and so checks) the whole first value
      if (first != null && p.nextToken() != null) {
        // EventBridge takes one JSON text: `{…} x` is not one (databind's readTree let it through)
        throw new java.io.IOException("content after the JSON value");
      }
      if (first != JsonToken.START_OBJECT) {
        t.report(ctx, t.pointer() + "/Input", "the input of " + label(t) + " must be a JSON object of task overrides",
            "write `overrides { container_overrides = [{ name = \"app\", command = [\"run\"] }] }`");
      }
    } catch (java.io.IOException e) {
      t.report(ctx, t.pointer() + "/Input", "the input of " + label(t) + " is not valid JSON", "write `overrides { … }` and let ecsl build it");
    }
  }
}
