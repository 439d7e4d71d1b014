package io.ecsl.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "fmt", mixinStandardHelpOptions = true, description = "(being built)")
final class FmtCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    return ExitCodes.ERROR;
  }
}
