package io.ecsl.cli.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.cli.ExitCodes;
import io.ecsl.cli.OutputFormat;
import io.ecsl.deploy.target.ApiException;
import io.ecsl.runtime.json.Json;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ecsl deploy continue SERVICE}: ContinueServiceDeployment for the PAUSE hook the deployment waits at. */
@Command(name = "continue", mixinStandardHelpOptions = true,
    description = {"Let a service deployment paused by a PAUSE lifecycle hook go on (ContinueServiceDeployment), or"
        + " roll it back from there with --rollback.",
        "Without --hook, the one hook awaiting action is answered."})
public final class DeployContinueCommand implements Callable<Integer> {
  @Mixin ServiceDeploymentOptions which;
  @Mixin TargetOptions target;

  @Option(names = "--hook", paramLabel = "ID", description = "The hook to answer (lifecycleHookDetails' hookId).")
  String hook;

  @Option(names = "--rollback", description = "Answer ROLLBACK instead of CONTINUE: the deployment rolls back.")
  boolean rollback;

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
      String hookId = hookToAnswer(deployment);
      String action = rollback ? "ROLLBACK" : "CONTINUE";
      ObjectNode request = Json.object().put("serviceDeploymentArn", arn).put("hookId", hookId).put("action", action);
      t.api().call("ecs", "ContinueServiceDeployment", request);
      if (format == OutputFormat.json) {
        out.println(Json.write(request));
      } else {
        String stage = deployment.path("lifecycleStage").asText("").toLowerCase(Locale.ROOT).replace('_', ' ');
        out.println((rollback ? "Rolling back" : "Continued") + " service deployment " + arn + " at hook " + hookId
            + (stage.isEmpty() ? "" : " (" + stage + ")") + ".");
      }
      return ExitCodes.OK;
    } catch (ServiceDeploymentLookup.Problem | ApiException | LocalTarget.TargetException e) {
      err.println("ecsl: " + e.getMessage());
      return ExitCodes.ERROR;
    }
  }

  private String hookToAnswer(JsonNode deployment) {
    List<String> awaiting = new ArrayList<>();
    for (JsonNode detail : deployment.path("lifecycleHookDetails")) {
      if ("AWAITING_ACTION".equals(detail.path("status").asText())) {
        awaiting.add(detail.path("hookId").asText());
      }
    }
    if (hook != null) {
      return hook; // ECS says whether it waits there
    }
    if (awaiting.isEmpty()) {
      throw new ServiceDeploymentLookup.Problem("the deployment " + deployment.path("serviceDeploymentArn").asText()
          + " is " + deployment.path("status").asText() + " at " + deployment.path("lifecycleStage").asText("no stage")
          + " and no PAUSE hook is awaiting action; nothing to continue");
    }
    if (awaiting.size() > 1) {
      throw new ServiceDeploymentLookup.Problem("several hooks await action (" + String.join(", ", awaiting)
          + "); pick one with --hook");
    }
    return awaiting.get(0);
  }
}
