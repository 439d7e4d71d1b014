package io.ecsl.cli.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.ecsl.cli.ExitCodes;
import io.ecsl.cli.OutputFormat;
import io.ecsl.runtime.client.RuntimeClient;
import io.ecsl.runtime.json.Json;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ecsl events SERVICE}: the service's event log (ECS keeps the newest 100) and its "ECS
 * Deployment State Change" events (what EventBridge would deliver), merged, oldest first.
 */
@Command(name = "events", mixinStandardHelpOptions = true,
    description = {"Show a local service's events and its deployments' state changes, oldest first.",
        "Service events are deployments, task starts and stops and steady state; deployment events are"
            + " ECS Deployment State Change events.",
        "With --format json, service events are {id, createdAt, message} and deployment events EventBridge's envelope"
            + " (detail-type \"ECS Deployment State Change\")."})
public final class EventsCommand implements Callable<Integer> {
  @Mixin RuntimeLocation location;

  @Parameters(index = "0", paramLabel = "SERVICE")
  String service;

  @Option(names = "--cluster", paramLabel = "NAME", description = "The cluster (default: whichever has the service).")
  String cluster;

  @Option(names = {"-n", "--limit"}, defaultValue = "100", paramLabel = "N", description = "Only the newest N events.")
  int limit;

  @Option(names = "--format", defaultValue = "text", description = "text or json.")
  OutputFormat format;

  @Spec CommandSpec spec;

  /** A service event's {@code createdAt} (epoch seconds), or a deployment event's {@code detail.updatedAt}. */
  private static Instant time(JsonNode event) {
    if (event.has("detail")) {
      return Instant.parse(event.at("/detail/updatedAt").asText());
    }
    return Instant.ofEpochMilli(new BigDecimal(event.get("createdAt").asText()).movePointRight(3).longValue());
  }

  private static String text(JsonNode event) {
    if (!event.has("detail")) {
      return event.get("message").asText();
    }
    JsonNode detail = event.get("detail");
    return event.path("detail-type").asText() + " " + detail.path("eventName").asText() + " (deployment "
        + detail.path("deploymentId").asText() + "): " + detail.path("reason").asText();
  }

  @Override
  public Integer call() {
    var out = spec.commandLine().getOut();
    var err = spec.commandLine().getErr();
    try {
      RuntimeConnection connection = RuntimeConnection.open(location.dataDir());
      JsonNode found = connection.service(cluster, service);
      List<JsonNode> events = new ArrayList<>(Json.list(found, "events"));
      Collections.reverse(events);
      connection.client().deploymentEvents(found.get("serviceArn").asText()).forEach(events::add);
      events.sort(Comparator.comparing(EventsCommand::time)); // stable: a tie keeps the service event first
      events = events.subList(Math.max(0, events.size() - Math.max(limit, 0)), events.size());
      if (format == OutputFormat.json) {
        ArrayNode json = Json.array();
        events.forEach(json::add);
        out.println(Json.write(json));
      } else {
        for (JsonNode event : events) {
          out.println(time(event) + "  " + text(event));
        }
      }
      return ExitCodes.OK;
    } catch (RuntimeConnection.UserError | RuntimeClient.ApiError e) {
      err.println("ecsl: " + e.getMessage());
      return ExitCodes.ERROR;
    }
  }
}
