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
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ecsl events SERVICE}: the service's event log, oldest first (ECS keeps the newest 100). */
@Command(name = "events", mixinStandardHelpOptions = true,
    description = "Show a local service's events (deployments, task starts and stops, steady state), oldest first.")
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

  @Override
  public Integer call() {
    var out = spec.commandLine().getOut();
    var err = spec.commandLine().getErr();
    try {
      JsonNode found = RuntimeConnection.open(location.dataDir()).service(cluster, service);
      List<JsonNode> events = new ArrayList<>(Json.list(found, "events"));
      events = events.subList(0, Math.min(Math.max(limit, 0), events.size()));
      Collections.reverse(events);
      if (format == OutputFormat.json) {
        ArrayNode json = Json.array();
        events.forEach(json::add);
        out.println(Json.write(json));
      } else {
        for (JsonNode event : events) {
          long millis = new BigDecimal(event.get("createdAt").asText()).movePointRight(3).longValue();
          out.println(Instant.ofEpochMilli(millis) + "  " + event.get("message").asText());
        }
      }
      return ExitCodes.OK;
    } catch (RuntimeConnection.UserError | RuntimeClient.ApiError e) {
      err.println("ecsl: " + e.getMessage());
      return ExitCodes.ERROR;
    }
  }
}
