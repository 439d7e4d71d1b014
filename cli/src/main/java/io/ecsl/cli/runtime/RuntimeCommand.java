package io.ecsl.cli.runtime;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ecsl runtime}: the local ECS runtime (start, stop, status, env, logs, secrets, role credentials, instances, Spot interruptions). */
@Command(name = "runtime", mixinStandardHelpOptions = true,
    description = {"Manage the local ECS runtime: an ECS API on 127.0.0.1 that runs tasks as Docker containers.",
        "It listens on port 4747 unless told otherwise. Point `ecsl apply --target local`, the AWS CLI or an"
            + " AWS SDK at its endpoint."},
    subcommands = {RuntimeStartCommand.class, RuntimeStopCommand.class, RuntimeStatusCommand.class,
        RuntimeEnvCommand.class, RuntimeLogsCommand.class, SecretCommand.class, CredentialsCommand.class, InstancesCommand.class,
        SpotInterruptCommand.class})
public final class RuntimeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    throw new CommandLine.ParameterException(spec.commandLine(),
        "missing subcommand: start, stop, status, env, logs, secret, credentials, instances or spot-interrupt");
  }
}
