package io.ecsl.cli.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.runtime.json.Json;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ecsl schedules}: the local runtime's scheduled rules and EventBridge Scheduler schedules,
 * when each fires next and what it did last.
 */
@Command(name = "schedules", mixinStandardHelpOptions = true,
    description = {"List the local runtime's scheduled rules and Scheduler schedules: next fire time, last result.",
        "A Scheduler schedule's SCHEDULE shows its time zone.",
        "Fire one now with: ecsl run --schedule NAME"})
public final class SchedulesCommand extends RuntimeReadCommand<List<JsonNode>> {
  @Option(names = "--region", paramLabel = "REGION", description = "Only this region's rules (default: all).")
  String region;

  @Override
  List<JsonNode> read(RuntimeConnection runtime) {
    List<JsonNode> rules = new ArrayList<>();
    runtime.client().schedules().forEach(r -> {
      if (region == null || region.equals(Json.text(r, "region"))) {
        rules.add(r);
      }
    });
    return rules;
  }

  @Override
  JsonNode json(List<JsonNode> rules) {
    return Json.tree(rules);
  }

  @Override
  void printText(List<JsonNode> rules, RuntimeConnection runtime, PrintWriter out) {
    if (rules.isEmpty()) {
      out.println("No scheduled rules or Scheduler schedules in the local runtime" + (region == null ? "" : " in " + region) + ".");
      return;
    }
    Table table = new Table("NAME", "SCHEDULE", "STATE", "NEXT FIRE", "LAST FIRE", "LAST RESULT");
    for (JsonNode rule : rules) {
      table.add(Json.text(rule, "name"), Json.text(rule, "expression"), Json.text(rule, "state"),
          Json.text(rule, "nextFireAt", "-"), Json.text(rule, "lastFiredAt", "never"), lastResult(rule));
    }
    table.print(out);
  }

  /** One line per rule: each target's last outcome, with its tasks or its error. */
  static String lastResult(JsonNode rule) {
    List<JsonNode> results = Json.list(rule, "lastResults");
    if (results.isEmpty()) {
      return Json.list(rule, "targets").isEmpty() ? "no targets" : "not fired yet";
    }
    StringBuilder line = new StringBuilder();
    for (JsonNode result : results) {
      if (!line.isEmpty()) {
        line.append("; ");
      }
      if (results.size() > 1) {
        line.append(Json.text(result, "targetId")).append(": ");
      }
      line.append(describe(result));
    }
    int failed = Json.integer(rule, "failedInvocations", 0);
    if (failed > 0) {
      line.append(" (").append(failed).append(" failed invocation").append(failed == 1 ? "" : "s").append(")");
    }
    return line.toString();
  }

  static String describe(JsonNode result) {
    List<String> tasks = Json.strings(result, "taskArns").stream().map(RuntimeConnection::shortId).toList();
    List<String> failures = Json.strings(result, "failures");
    return switch (Json.text(result, "outcome", "")) {
      case "STARTED" -> "started " + tasks.size() + " task" + (tasks.size() == 1 ? "" : "s") + " " + tasks;
      case "FAILURES" -> (tasks.isEmpty() ? "no task started" : "started " + tasks) + ", failures: " + failures;
      case "RETRYING" -> "retrying after attempt " + Json.integer(result, "attempt", 1) + ": " + Json.text(result, "error");
      default -> Json.text(result, "outcome", "") + ": " + Json.text(result, "error", "");
    };
  }
}
