package io.ecsl.cli.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.cli.ExitCodes;
import io.ecsl.cli.OutputFormat;
import io.ecsl.runtime.client.RuntimeClient;
import io.ecsl.runtime.json.Json;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ecsl schedules}: the local runtime's scheduled rules and EventBridge Scheduler schedules,
 * when each fires next and what it did last.
 */
@Command(name = "schedules", mixinStandardHelpOptions = true,
    description = {"List the local runtime's scheduled rules and EventBridge Scheduler schedules: state, next fire"
        + " time and last result (a Scheduler schedule's SCHEDULE shows its time zone).",
        "Fire one now with: ecsl run --schedule NAME"})
public final class SchedulesCommand implements Callable<Integer> {
  @Mixin RuntimeLocation location;

  @Option(names = "--region", paramLabel = "REGION", description = "Only this region's rules (default: all).")
  String region;

  @Option(names = "--format", defaultValue = "text", description = "text or json.")
  OutputFormat format;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    var out = spec.commandLine().getOut();
    var err = spec.commandLine().getErr();
    try {
      JsonNode schedules = RuntimeConnection.open(location.dataDir()).client().schedules();
      List<JsonNode> rules = new java.util.ArrayList<>();
      schedules.forEach(r -> {
        if (region == null || region.equals(Json.text(r, "region"))) {
          rules.add(r);
        }
      });
      if (format == OutputFormat.json) {
        out.println(Json.write(Json.tree(rules)));
        return ExitCodes.OK;
      }
      if (rules.isEmpty()) {
        out.println("No scheduled rules or Scheduler schedules in the local runtime" + (region == null ? "" : " in " + region) + ".");
        return ExitCodes.OK;
      }
      Table table = new Table("NAME", "SCHEDULE", "STATE", "NEXT FIRE", "LAST FIRE", "LAST RESULT");
      for (JsonNode rule : rules) {
        table.add(Json.text(rule, "name"), Json.text(rule, "expression"), Json.text(rule, "state"),
            Json.text(rule, "nextFireAt", "-"), Json.text(rule, "lastFiredAt", "never"), lastResult(rule));
      }
      table.print(out);
      return ExitCodes.OK;
    } catch (RuntimeConnection.UserError | RuntimeClient.ApiError e) {
      err.println("ecsl: " + e.getMessage());
      return ExitCodes.ERROR;
    }
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
