package io.ecsl.cli.deploy;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ecsl deploy}: act on a service deployment in progress (continue a paused one, or stop it). */
@Command(name = "deploy", mixinStandardHelpOptions = true,
    description = {"Continue a service deployment paused by a lifecycle hook, or stop one by rolling it back.",
        "Calls ContinueServiceDeployment and StopServiceDeployment."},
    subcommands = {DeployContinueCommand.class, DeployStopCommand.class})
public final class DeployCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: continue or stop");
  }
}
