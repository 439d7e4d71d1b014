package io.ecsl.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "check", mixinStandardHelpOptions = true, description = "(being built)")
final class CheckCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    return ExitCodes.ERROR;
  }
}
