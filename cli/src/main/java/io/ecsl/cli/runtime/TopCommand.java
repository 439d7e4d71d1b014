package io.ecsl.cli.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.cli.ExitCodes;
import io.ecsl.cli.OutputFormat;
import io.ecsl.cli.Terminal;
import io.ecsl.runtime.client.RuntimeClient;
import io.ecsl.runtime.json.Json;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ecsl top}: live CPU and memory of the local runtime's services and tasks against what they
 * reserve, refreshing like {@code docker stats}. A service's percentages are its utilization as ECS
 * computes it (and as target tracking reads it): used over reserved, summed over its running tasks.
 */
@Command(name = "top", aliases = "stats", mixinStandardHelpOptions = true,
    description = {"Show live CPU and memory per service and per task, against their reservations.",
        "Refreshes on a terminal until interrupted (like docker stats); prints once otherwise, with --no-stream"
            + " or --format json."})
public final class TopCommand implements Callable<Integer> {
  private static final String CLEAR = "\033[H\033[2J";

  @Mixin RuntimeLocation location;

  @Option(names = "--cluster", paramLabel = "NAME", description = "Only this cluster.")
  String cluster;

  @Option(names = "--no-stream", description = "Print one reading and exit.")
  boolean noStream;

  @Option(names = "--interval", defaultValue = "2", paramLabel = "SECONDS", description = "Seconds between refreshes (default 2).")
  double interval;

  @Option(names = "--format", defaultValue = "text", description = "text or json (one reading).")
  OutputFormat format;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      RuntimeClient client = RuntimeConnection.open(location.dataDir()).client();
      boolean stream = !noStream && format == OutputFormat.text && Terminal.isTerminal() && System.console() != null;
      do {
        JsonNode stats = filter(client.stats());
        if (format == OutputFormat.json) {
          out.println(Json.write(stats));
        } else {
          if (stream) {
            out.print(CLEAR);
          }
          render(stats, out);
        }
        out.flush();
        if (stream) {
          Thread.sleep(Duration.ofMillis((long) (Math.max(0.2, interval) * 1000)));
        }
      } while (stream);
      return ExitCodes.OK;
    } catch (RuntimeConnection.UserError | RuntimeClient.ApiError e) {
      err.println("ecsl: " + e.getMessage());
      return ExitCodes.ERROR;
    }
  }

  private JsonNode filter(JsonNode stats) {
    if (cluster == null) {
      return stats;
    }
    var copy = stats.deepCopy();
    for (String list : List.of("tasks", "services")) {
      var kept = Json.array();
      Json.list(stats, list).stream().filter(e -> cluster.equals(Json.text(e, "cluster"))).forEach(kept::add);
      ((com.fasterxml.jackson.databind.node.ObjectNode) copy).set(list, kept);
    }
    return copy;
  }

  static void render(JsonNode stats, PrintWriter out) {
    List<JsonNode> services = Json.list(stats, "services");
    List<JsonNode> tasks = Json.list(stats, "tasks");
    if (tasks.isEmpty()) {
      out.println(stats.has("sampledAt") ? "No running tasks." : "No reading yet: the runtime samples every few"
          + " seconds; try again in a moment.");
      return;
    }
    if (!services.isEmpty()) {
      Table table = new Table("SERVICE", "TASKS", "CPU (UNITS)", "CPU %", "MEMORY (MiB)", "MEM %");
      for (JsonNode service : services) {
        table.add(Json.text(service, "cluster") + "/" + Json.text(service, "service"),
            Integer.toString(Json.integer(service, "tasks", 0)), usage(service, "cpuUnits", "cpuReservedUnits"),
            percent(service, "cpuPercent"), usage(service, "memoryMiB", "memoryReservedMiB"),
            percent(service, "memoryPercent"));
      }
      table.print(out);
      out.println();
    }
    Table table = new Table("TASK", "CLUSTER", "GROUP", "CPU (UNITS)", "CPU %", "MEMORY (MiB)", "MEM %");
    for (JsonNode task : tasks) {
      table.add(RuntimeConnection.shortId(Json.text(task, "taskArn")), Json.text(task, "cluster"),
          Json.text(task, "group", ""), usage(task, "cpuUnits", "cpuReservedUnits"), percent(task, "cpuPercent"),
          usage(task, "memoryMiB", "memoryReservedMiB"), percent(task, "memoryPercent"));
    }
    table.print(out);
  }

  private static String usage(JsonNode node, String used, String reserved) {
    long limit = node.path(reserved).asLong(0);
    return String.format(Locale.ROOT, "%.0f / %s", node.path(used).asDouble(), limit == 0 ? "-" : Long.toString(limit));
  }

  private static String percent(JsonNode node, String field) {
    return node.has(field) ? String.format(Locale.ROOT, "%.1f%%", node.get(field).asDouble()) : "-";
  }
}
