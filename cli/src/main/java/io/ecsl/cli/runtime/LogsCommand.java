package io.ecsl.cli.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.cli.ExitCodes;
import io.ecsl.runtime.client.RuntimeClient;
import io.ecsl.runtime.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ecsl logs SERVICE|TASK}: a service's or a task's container output. */
@Command(name = "logs", mixinStandardHelpOptions = true,
    description = {"Show the output of a service's tasks, or of one task.",
        "A service shows its running tasks (or its last task if none runs); a task is named by id, id prefix"
            + " or ARN. Lines are prefixed with container/task when several are shown."})
public final class LogsCommand implements Callable<Integer> {
  @Mixin RuntimeLocation location;

  @Parameters(index = "0", paramLabel = "SERVICE|TASK", description = "A service name, or a task id, id prefix or ARN.")
  String target;

  @Option(names = "--cluster", paramLabel = "NAME", description = "The cluster (default: whichever has the target).")
  String cluster;

  @Option(names = {"-c", "--container"}, paramLabel = "NAME", description = "Only this container.")
  String container;

  @Option(names = {"-f", "--follow"}, description = "Keep streaming new output until interrupted.")
  boolean follow;

  @Option(names = {"-n", "--tail"}, defaultValue = "-1", paramLabel = "N", description = "Only the last N lines per container.")
  int tail;

  @Spec CommandSpec spec;

  /** One container of one task to read. */
  private record Source(String taskId, String container) {}

  @Override
  public Integer call() throws InterruptedException {
    var out = spec.commandLine().getOut();
    var err = spec.commandLine().getErr();
    try {
      RuntimeConnection runtime = RuntimeConnection.open(location.dataDir());
      List<Source> sources = sources(runtime);
      if (sources.isEmpty()) {
        err.println("ecsl: " + target + " has no container" + (container == null ? "" : " named " + container)
            + " with output");
        return ExitCodes.ERROR;
      }
      boolean prefix = sources.size() > 1;
      List<Thread> readers = new ArrayList<>();
      for (Source source : sources) {
        Runnable read = () -> runtime.client().logs(source.taskId(), source.container(), follow, tail,
            new LineWriter(out, prefix ? source.container() + "/" + source.taskId().substring(0, 8) + " | " : ""));
        if (follow && sources.size() > 1) {
          readers.add(Thread.ofVirtual().start(read));
        } else {
          read.run();
        }
      }
      for (Thread reader : readers) {
        reader.join();
      }
      out.flush();
      return ExitCodes.OK;
    } catch (RuntimeConnection.UserError | RuntimeClient.ApiError e) {
      err.println("ecsl: " + e.getMessage());
      return ExitCodes.ERROR;
    }
  }

  private List<Source> sources(RuntimeConnection runtime) {
    List<JsonNode> tasks = runtime.findTasks(cluster, target);
    List<Source> out = new ArrayList<>();
    for (JsonNode task : tasks) {
      String arn = task.get("taskArn").asText();
      String taskId = arn.substring(arn.lastIndexOf('/') + 1);
      for (JsonNode each : task.get("containers")) {
        String name = each.get("name").asText();
        if ((container == null || container.equals(name)) && each.has("runtimeId")) {
          out.add(new Source(taskId, name));
        }
      }
    }
    if (out.isEmpty() && container != null && !tasks.isEmpty()) {
      throw new RuntimeConnection.UserError("no container named " + container + " in " + target + "; its containers: "
          + Json.list(tasks.get(0), "containers").stream().map(c -> c.get("name").asText()).toList());
    }
    return out;
  }

  /** Copies a log stream to the terminal, prefixing each line (when several streams interleave). */
  public static final class LineWriter extends OutputStream {
    private final PrintWriter out;
    private final String prefix;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    public LineWriter(PrintWriter out, String prefix) {
      this.out = out;
      this.prefix = prefix;
    }

    @Override
    public void write(int b) {
      if (b == '\n') {
        synchronized (out) {
          out.println(prefix + line.toString(StandardCharsets.UTF_8));
          out.flush();
        }
        line.reset();
      } else {
        line.write(b);
      }
    }

    @Override
    public void close() {
      if (line.size() > 0) {
        write('\n');
      }
    }
  }
}
