package io.ecsl.cli.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.cli.ExitCodes;
import io.ecsl.cli.OutputFormat;
import io.ecsl.deploy.target.ApiException;
import io.ecsl.runtime.json.Json;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ecsl deploy stop SERVICE}: StopServiceDeployment, rolling the deployment in progress back. */
@Command(name = "stop", mixinStandardHelpOptions = true,
    description = {"Stop a service's deployment in progress by rolling it back to the previous service revision"
        + " (StopServiceDeployment with stopType ROLLBACK), even if rollback is not configured."})
public final class DeployStopCommand implements Callable<Integer> {
  @Mixin ServiceDeploymentOptions which;
  @Mixin TargetOptions target;

  @Option(names = "--format", defaultValue = "text", description = "text or json.")
  OutputFormat format;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try (Targets.Connected t = Targets.connect(target, which.region, err)) {
      JsonNode deployment = ServiceDeploymentLookup.find(t.api(), which);
      String arn = deployment.path("serviceDeploymentArn").asText();
      ObjectNode request = Json.object().put("serviceDeploymentArn", arn).put("stopType", "ROLLBACK");
      t.api().call("ecs", "StopServiceDeployment", request);
      if (format == OutputFormat.json) {
        out.println(Json.write(request));
      } else {
        out.println("Rolling back service deployment " + arn + ": traffic and tasks return to the previous revision"
            + " (follow it with `ecsl events " + serviceName(deployment) + "`).");
      }
      return ExitCodes.OK;
    } catch (ServiceDeploymentLookup.Problem | ApiException | LocalTarget.TargetException e) {
      err.println("ecsl: " + e.getMessage());
      return ExitCodes.ERROR;
    }
  }

  private static String serviceName(JsonNode deployment) {
    String service = deployment.path("serviceArn").asText();
    return service.substring(service.lastIndexOf('/') + 1);
  }
}
