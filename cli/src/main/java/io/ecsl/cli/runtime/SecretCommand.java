package io.ecsl.cli.runtime;

import io.ecsl.cli.ExitCodes;
import io.ecsl.runtime.client.LocalRuntime;
import io.ecsl.runtime.store.StoreException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ecsl runtime secret put|list|rm}: the local stand-in for Secrets Manager and SSM parameters. */
@Command(name = "secret", mixinStandardHelpOptions = true,
    description = "Manage the secrets tasks read through `secrets[].valueFrom`. A secret named NAME serves "
        + "valueFrom NAME and any Secrets Manager or SSM parameter ARN whose name is NAME.",
    subcommands = {SecretCommand.Put.class, SecretCommand.List.class, SecretCommand.Remove.class})
final class SecretCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: put, list or rm");
  }

  @Command(name = "put", mixinStandardHelpOptions = true,
      description = "Store a secret (VALUE from the argument, or from standard input when omitted or -).")
  static final class Put implements Callable<Integer> {
    @Mixin RuntimeLocation location;

    @Parameters(index = "0", paramLabel = "NAME", description = "Secret name or ARN.")
    String name;

    @Parameters(index = "1", arity = "0..1", paramLabel = "VALUE", description = "The value (default: read stdin).")
    String value;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      var err = spec.commandLine().getErr();
      try {
        String secret = value == null || value.equals("-")
            ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8).stripTrailing() : value;
        LocalRuntime.putSecret(location.dataDir(), name, secret);
        spec.commandLine().getOut().println("stored secret " + name);
        return ExitCodes.OK;
      } catch (IOException | StoreException e) {
        err.println("ecsl: cannot store secret " + name + ": " + e.getMessage());
        return ExitCodes.ERROR;
      }
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List secret names (never values).")
  static final class List implements Callable<Integer> {
    @Mixin RuntimeLocation location;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      LocalRuntime.secretNames(location.dataDir()).forEach(spec.commandLine().getOut()::println);
      return ExitCodes.OK;
    }
  }

  @Command(name = "rm", mixinStandardHelpOptions = true, description = "Delete a secret.")
  static final class Remove implements Callable<Integer> {
    @Mixin RuntimeLocation location;

    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      if (!LocalRuntime.deleteSecret(location.dataDir(), name)) {
        spec.commandLine().getErr().println("ecsl: no secret named " + name + "; see: ecsl runtime secret list");
        return ExitCodes.ERROR;
      }
      spec.commandLine().getOut().println("deleted secret " + name);
      return ExitCodes.OK;
    }
  }
}
