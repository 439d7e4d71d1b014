package io.ecsl.cli.runtime;

import io.ecsl.cli.ExitCodes;
import io.ecsl.runtime.home.RuntimeHome;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ecsl runtime logs}: the runtime's own log (not the tasks'; see {@code ecsl logs}). */
@Command(name = "logs", mixinStandardHelpOptions = true,
    description = "Show the local runtime's own log (for task output use `ecsl logs SERVICE|TASK`).")
final class RuntimeLogsCommand implements Callable<Integer> {
  @Mixin RuntimeLocation location;

  @Option(names = {"-n", "--lines"}, defaultValue = "100", paramLabel = "N", description = "Show the last N lines (default 100).")
  int lines;

  @Option(names = {"-f", "--follow"}, description = "Keep printing new lines until interrupted.")
  boolean follow;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    var out = spec.commandLine().getOut();
    var err = spec.commandLine().getErr();
    Path log = RuntimeHome.logFile(location.dataDir());
    if (!Files.isRegularFile(log)) {
      err.println("ecsl: no runtime log at " + log + "; the runtime has not run with this data directory");
      return ExitCodes.ERROR;
    }
    try {
      List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
      all.subList(Math.max(0, all.size() - lines), all.size()).forEach(out::println);
      out.flush();
      long position = Files.size(log);
      while (follow) {
        Thread.sleep(250);
        long size = Files.size(log);
        if (size > position) {
          try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            file.seek(position);
            byte[] bytes = new byte[(int) (size - position)];
            file.readFully(bytes);
            out.print(new String(bytes, StandardCharsets.UTF_8));
            out.flush();
          }
          position = size;
        }
      }
      return ExitCodes.OK;
    } catch (IOException e) {
      err.println("ecsl: cannot read " + log + ": " + e.getMessage());
      return ExitCodes.ERROR;
    }
  }
}
