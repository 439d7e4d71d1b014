package io.ecsl.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "build", mixinStandardHelpOptions = true, description = "(being built)")
final class BuildCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    return ExitCodes.ERROR;
  }
}
