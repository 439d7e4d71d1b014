package io.ecsl.cli.runtime;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.cli.ExitCodes;
import io.ecsl.cli.OutputFormat;
import io.ecsl.runtime.client.LocalRuntime;
import io.ecsl.runtime.client.RuntimeStatus;
import io.ecsl.runtime.home.RuntimeCredentials;
import io.ecsl.runtime.json.Json;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ecsl runtime env}: the environment that points the aws CLI and the AWS SDKs at the local
 * runtime, with its own key, as {@code minikube docker-env} does for Docker:
 * {@code eval "$(ecsl runtime env)"}.
 */
@Command(name = "env", mixinStandardHelpOptions = true,
    description = {"Print the environment that points the aws CLI and the AWS SDKs at the local runtime, signing"
        + " with its key. Use it as: eval \"$(ecsl runtime env)\"",
        "Sets AWS_ENDPOINT_URL, AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_REGION and AWS_DEFAULT_REGION, and"
            + " unsets AWS_SESSION_TOKEN (the runtime's key has none). --unset prints the commands that undo it."})
final class RuntimeEnvCommand implements Callable<Integer> {
  @Mixin RuntimeLocation location;

  @Option(names = "--region", defaultValue = "us-east-1", paramLabel = "REGION",
      description = "The region requests are signed for: where the runtime files resources (default ${DEFAULT-VALUE}).")
  String region;

  @Option(names = "--format", defaultValue = "text", description = "text (shell commands) or json.")
  OutputFormat format;

  @Option(names = "--unset", description = "Print the commands that remove these variables again.")
  boolean unset;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    var out = spec.commandLine().getOut();
    var err = spec.commandLine().getErr();
    if (unset) {
      out.println("unset AWS_ENDPOINT_URL AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_REGION AWS_DEFAULT_REGION");
      return ExitCodes.OK;
    }
    if (!region.matches("[a-z]{2}(-[a-z]+)+-\\d+")) {
      err.println("ecsl: --region must be a region name such as us-east-1; got '" + region + "'");
      return ExitCodes.ERROR;
    }
    RuntimeStatus status = LocalRuntime.status(location.dataDir());
    Optional<RuntimeCredentials> credentials = RuntimeCredentials.load(location.dataDir());
    if (!status.running() || credentials.isEmpty()) {
      err.println("ecsl: the local runtime is not running (data directory " + location.dataDir()
          + "); start it with: ecsl runtime start");
      return ExitCodes.ERROR;
    }
    Map<String, String> env = LocalRuntime.environment(status.endpoint(), credentials.get(), region);
    if (format == OutputFormat.json) {
      ObjectNode json = Json.object();
      env.forEach(json::put);
      out.println(Json.write(json));
      return ExitCodes.OK;
    }
    env.forEach((name, value) -> out.println("export " + name + "='" + value + "'"));
    out.println("unset AWS_SESSION_TOKEN");
    out.println("# Point the aws CLI and AWS SDKs in this shell at the local ECS runtime with:");
    out.println("# eval \"$(ecsl runtime env" + (location.dataDir != null ? " --data-dir " + location.dataDir : "")
        + ")\"");
    return ExitCodes.OK;
  }
}
