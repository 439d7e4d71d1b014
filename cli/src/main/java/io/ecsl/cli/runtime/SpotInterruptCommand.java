package io.ecsl.cli.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.cli.ExitCodes;
import io.ecsl.runtime.client.RuntimeClient;
import io.ecsl.runtime.json.Json;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ecsl runtime spot-interrupt}: a Fargate Spot interruption now, to rehearse one: the
 * tasks get the warning and SIGTERM, and are stopped when the notice ends; their services
 * replace them following their capacity provider strategy.
 */
@Command(name = "spot-interrupt", mixinStandardHelpOptions = true,
    description = {"Interrupt Fargate Spot tasks now, as AWS does when it takes Spot capacity back: the task is"
        + " warned (stop code SpotInterruption, \"Your Spot Task was interrupted.\"), its containers get SIGTERM,"
        + " and whatever still runs when the notice ends is killed. Its service replaces it.",
        "Give task IDs or ARNs, or --service (and --count)."})
final class SpotInterruptCommand implements Callable<Integer> {
  @Mixin RuntimeLocation location;

  @Parameters(arity = "0..*", paramLabel = "TASK", description = "Task IDs or ARNs (FARGATE_SPOT tasks).")
  List<String> tasks = List.of();

  @Option(names = "--cluster", paramLabel = "NAME", defaultValue = "default", description = "The tasks' cluster.")
  String cluster;

  @Option(names = "--region", paramLabel = "REGION", defaultValue = "us-east-1", description = "The cluster's region.")
  String region;

  @Option(names = "--service", paramLabel = "NAME", description = "Interrupt this service's Spot tasks.")
  String service;

  @Option(names = "--count", paramLabel = "N", defaultValue = "1", description = "How many of --service's tasks.")
  int count;

  @Option(names = "--notice", paramLabel = "DURATION", defaultValue = "2m",
      description = "How long before the task is killed: at most the two minutes AWS gives (e.g. 10s).",
      converter = io.ecsl.cli.deploy.DurationConverter.class)
  Duration notice;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    var out = spec.commandLine().getOut();
    var err = spec.commandLine().getErr();
    if (tasks.isEmpty() == (service == null)) {
      throw new CommandLine.ParameterException(spec.commandLine(), "give task IDs or --service, not both or neither");
    }
    try {
      RuntimeConnection runtime = RuntimeConnection.open(location.dataDir());
      ObjectNode request = Json.object().put("region", region).put("cluster", cluster)
          .put("noticeSeconds", notice.toSeconds());
      if (service != null) {
        request.put("service", service).put("count", count);
      } else {
        request.set("tasks", Json.arrayOf(tasks));
      }
      JsonNode result = runtime.client().interruptSpot(request);
      for (JsonNode task : result.path("interrupted")) {
        out.println("interrupted " + RuntimeConnection.shortId(task.get("taskArn").asText()) + ": it stops within "
            + notice.toSeconds() + "s");
      }
      for (JsonNode failure : result.path("failures")) {
        err.println("ecsl: " + failure.get("arn").asText() + ": " + failure.get("reason").asText());
      }
      return result.path("failures").isEmpty() ? ExitCodes.OK : ExitCodes.ERROR;
    } catch (RuntimeConnection.UserError | RuntimeClient.ApiError e) {
      err.println("ecsl: " + e.getMessage());
      return ExitCodes.ERROR;
    }
  }
}
