package io.ecsl.cli.deploy;

import io.ecsl.cli.CompileOptions;
import io.ecsl.cli.ExitCodes;
import io.ecsl.deploy.Deployer;
import io.ecsl.deploy.apply.Applier;
import io.ecsl.deploy.plan.Plan;
import io.ecsl.deploy.target.ApiException;
import io.ecsl.model.EcsModel;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ecsl destroy}: remove everything the project owns in the target, and nothing else. */
@Command(name = "destroy", mixinStandardHelpOptions = true,
    description = {"Remove every resource the project owns (tagged ecsl:project) from the target.",
        "Reverse dependency order: schedules and scaling, services (scaled to zero and drained first),"
            + " task definitions, clusters, …",
        "Resources without the project's tag are never touched. Asks unless --auto-approve."})
public final class DestroyCommand implements Callable<Integer> {
  @Mixin CompileOptions compile;
  @Mixin TargetOptions target;
  @Mixin WaitOptions waiting;

  @Option(names = "--auto-approve", description = "Destroy without asking (required without a terminal).")
  boolean autoApprove;



  @Option(names = "--format", defaultValue = "text", description = "How to show the plan: text, markdown or json.")
  PlanFormat format;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    var out = spec.commandLine().getOut();
    var err = spec.commandLine().getErr();
    EcsModel model = DeployFlow.compile(compile, err);
    if (model == null) {
      return ExitCodes.ERROR;
    }
    try (Targets.Connected t = Targets.connect(target, compile.toOptions().region(), err)) {
      Plan plan = Deployer.destroyPlan(model, t.api(), t.description());
      DeployFlow.print(plan, format, out, model);
      // With --format json stdout is the plan document alone; what apply says goes to stderr.
      var said = format == PlanFormat.json ? err : out;
      if (!plan.hasChanges()) {
        return ExitCodes.OK;
      }
      if (!DeployFlow.confirm(autoApprove, "destroy everything project " + model.project() + " owns", said, err)) {
        return ExitCodes.ERROR;
      }
      return DeployFlow.apply(plan, t, new Applier.Options(true, waiting.waitTimeout, waiting.pollInterval, 8), said, err);
    } catch (ApiException | LocalTarget.TargetException e) {
      err.println("ecsl: " + e.getMessage());
      return ExitCodes.ERROR;
    }
  }
}
