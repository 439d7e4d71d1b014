package io.ecsl.cli.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.cli.CompileOptions;
import io.ecsl.cli.ExitCodes;
import io.ecsl.compile.Compiler;
import io.ecsl.deploy.Deployer;
import io.ecsl.deploy.apply.Applier;
import io.ecsl.deploy.plan.Plan;
import io.ecsl.deploy.plan.PlanJson;
import io.ecsl.deploy.plan.Planner;
import io.ecsl.deploy.target.ApiException;
import io.ecsl.emit.Json;
import io.ecsl.facts.shell.Shell;
import io.ecsl.model.EcsModel;
import io.ecsl.modules.ModuleLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ecsl apply}: plan (or load a saved plan), confirm, and carry it out through the target's API. */
@Command(name = "apply", mixinStandardHelpOptions = true,
    description = {"Apply a project (PATH...) or a saved plan (plan.json) to the target.",
        "Shows the plan and asks, unless --auto-approve. A saved plan is refused if the",
        "target changed since.",
        "Exit status: 0 applied (or nothing to do), 1 error or refused."})
public final class ApplyCommand implements Callable<Integer> {
  @Mixin CompileOptions compile;
  @Mixin TargetOptions target;
  @Mixin WaitOptions waiting;

  @Option(names = "--auto-approve", description = "Apply without asking (required without a terminal, e.g. in CI).")
  boolean autoApprove;

  @Option(names = "--no-wait", description = "Do not wait for services to reach a steady state.")
  boolean noWait;



  @Option(names = "--format", defaultValue = "text", description = "How to show the plan: text, markdown or json.")
  PlanFormat format;

  @Option(names = "--keep-revisions", defaultValue = "" + Planner.DEFAULT_KEEP_REVISIONS, paramLabel = "N",
      description = "Revision policy: keep the newest N ACTIVE revisions per family (default ${DEFAULT-VALUE}).")
  int keepRevisions;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    var out = spec.commandLine().getOut();
    var err = spec.commandLine().getErr();
    Path saved = savedPlan(compile.paths());
    Plan plan;
    EcsModel model = null;
    try (Targets.Connected t = Targets.connect(target, compile.toOptions().region(), err)) {
      if (saved != null) {
        plan = loadSaved(saved, t, err);
        if (plan == null) {
          return ExitCodes.ERROR;
        }
      } else {
        model = DeployFlow.compile(compile, err);
        if (model == null) {
          return ExitCodes.ERROR;
        }
        Compiler.Options compileOptions = compile.toOptions();
        t.allowProjectRoot(compileOptions.projectRoot() != null ? compileOptions.projectRoot()
            : ModuleLoader.rootFor(compileOptions.inputs()), err);
        plan = Deployer.plan(model, t.api(), t.description(), keepRevisions);
      }
      DeployFlow.print(plan, format, out, model);
      // With --format json stdout is the plan document alone; what apply says goes to stderr.
      var said = format == PlanFormat.json ? err : out;
      boolean local = target.target == io.ecsl.deploy.target.TargetOptions.Kind.local;
      List<LocalGroups.Difference> groups = local && model != null ? LocalGroups.differences(model, t.runtimeClient())
          : List.of();
      groups.forEach(g -> said.println(g.line()));
      if (!plan.hasChanges() && groups.isEmpty()) {
        return ExitCodes.OK;
      }
      if (!DeployFlow.confirm(autoApprove, "apply these changes", said, err)) {
        return ExitCodes.ERROR;
      }
      if (!groups.isEmpty()) {  // only the local target has groups, and a runtime client
        LocalGroups.sync(groups, t.runtimeClient()).forEach(said::println);
      }
      if (!plan.hasChanges()) {
        return ExitCodes.OK;
      }
      Applier.Options options = new Applier.Options(!noWait, waiting.waitTimeout, waiting.pollInterval, 8);
      int status = DeployFlow.apply(plan, t, options, said, err);
      if (status == ExitCodes.OK && target.target == io.ecsl.deploy.target.TargetOptions.Kind.local) {
        Reachable.print(plan, t.api(), t.runtimeClient(), said);
        List<String> inert = model == null ? List.of() : LocalLimits.notes(model);
        if (!inert.isEmpty()) {
          said.println();
          said.println("Stored but not acted on by the local runtime (it behaves as if they were absent):");
          inert.forEach(line -> said.println("  " + line));
        }
      }
      return status;
    } catch (ApiException | LocalTarget.TargetException | io.ecsl.runtime.client.RuntimeClient.ApiError e) {
      err.println("ecsl: " + e.getMessage());
      return ExitCodes.ERROR;
    } catch (io.ecsl.deploy.plan.PlanRefused e) {
      DeployFlow.printConflicts(e, err);
      return ExitCodes.ERROR;
    }
  }

  /** The saved plan file when the only argument is one, else null. */
  private static Path savedPlan(List<Path> paths) {
    if (paths.size() != 1 || !paths.get(0).toString().endsWith(".json") || !Files.isRegularFile(paths.get(0))) {
      return null;
    }
    return paths.get(0);
  }

  private Plan loadSaved(Path file, Targets.Connected t, java.io.PrintWriter err) {
    Plan plan;
    try {
      JsonNode root = Json.mapper().readTree(file.toFile());
      plan = PlanJson.read(root);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      err.println("ecsl: cannot use " + file + " as a plan: it is not valid JSON: " + Json.describe(e)
          + ". Save a plan with `ecsl plan --out FILE`.");
      return null;
    } catch (IOException | IllegalArgumentException e) {
      err.println("ecsl: cannot use " + file + " as a plan: " + e.getMessage());
      return null;
    }
    if (plan.offline()) {
      err.println("ecsl: " + file + " was planned offline (--against " + plan.target() + "): it was not computed against"
          + " a target, so it cannot be applied. Run `" + Shell.command("ecsl", "plan", "--out", file.toString())
          + "` against the target.");
      return null;
    }
    if (!plan.target().equals(t.description())) {
      err.println("ecsl: " + file + " was planned against " + plan.target() + ", not " + t.description()
          + "; pass the same --target/--endpoint/--region, or plan again.");
      return null;
    }
    List<String> stale = Deployer.staleness(plan, t.api());
    if (!stale.isEmpty()) {
      err.println("ecsl: the saved plan " + file + " is stale: the target changed since it was made:");
      stale.forEach(s -> err.println("  - " + s));
      err.println("Nothing was applied. Run `" + Shell.command("ecsl", "plan", "--out", file.toString())
          + "` again and review the new plan.");
      return null;
    }
    return plan;
  }
}
