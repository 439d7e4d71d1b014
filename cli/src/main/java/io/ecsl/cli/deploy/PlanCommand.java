package io.ecsl.cli.deploy;

import io.ecsl.cli.CompileOptions;
import io.ecsl.cli.ExitCodes;
import io.ecsl.deploy.Deployer;
import io.ecsl.deploy.plan.Plan;
import io.ecsl.deploy.plan.PlanJson;
import io.ecsl.deploy.plan.Planner;
import io.ecsl.deploy.target.ApiException;
import io.ecsl.emit.Json;
import io.ecsl.facts.shell.Shell;
import io.ecsl.model.EcsModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ecsl plan}: what apply would change, field by field. */
@Command(name = "plan", mixinStandardHelpOptions = true,
    description = {"Show what apply would change in the target.",
        "Per resource: create, update, new task definition revision, redeploy, replace (and why) or delete;"
            + " per field: live → declared. Secrets are never shown.",
        "Exit status: 0 success (with --detailed-exitcode: no changes), 1 error, 2 changes (--detailed-exitcode)."})
public final class PlanCommand implements Callable<Integer> {
  @Mixin CompileOptions compile;
  @Mixin TargetOptions target;

  @Option(names = "--out", paramLabel = "FILE", description = "Save the plan for `ecsl apply FILE` (it holds the requests"
      + " apply sends, secrets included: keep it like a secret).")
  Path out;

  @Option(names = "--format", defaultValue = "text", description = "text, markdown (a pull-request comment) or json"
      + " (versioned, docs/plan.md).")
  PlanFormat format;

  @Option(names = "--detailed-exitcode", description = "Exit 2 when there are changes, 0 when there are none.")
  boolean detailed;

  @Option(names = "--against", paramLabel = "DIR", description = "Plan offline against a previous `ecsl build` output"
      + " (e.g. the main branch's) instead of a target: no credentials needed.")
  Path against;

  @Option(names = "--keep-revisions", defaultValue = "" + Planner.DEFAULT_KEEP_REVISIONS, paramLabel = "N",
      description = "Revision policy: keep the newest N ACTIVE revisions of each family (default ${DEFAULT-VALUE});"
          + " revisions a service still runs are never deregistered.")
  int keepRevisions;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    var stdout = spec.commandLine().getOut();
    var err = spec.commandLine().getErr();
    EcsModel model = DeployFlow.compile(compile, err);
    if (model == null) {
      return ExitCodes.ERROR;
    }
    Plan plan;
    List<LocalGroups.Difference> groups = List.of();
    try {
      if (against != null) {
        plan = Deployer.planAgainst(model, against);
      } else {
        try (Targets.Connected t = Targets.connect(target, compile.toOptions().region(), err)) {
          plan = Deployer.plan(model, t.api(), t.description(), keepRevisions);
          if (target.target == io.ecsl.deploy.target.TargetOptions.Kind.local) {
            groups = LocalGroups.differences(model, t.runtimeClient());
          }
        }
      }
    } catch (IOException e) {
      err.println("ecsl: " + e.getMessage());
      return ExitCodes.ERROR;
    } catch (ApiException | LocalTarget.TargetException | io.ecsl.runtime.client.RuntimeClient.ApiError e) {
      err.println("ecsl: cannot read the target: " + e.getMessage());
      return ExitCodes.ERROR;
    } catch (io.ecsl.deploy.plan.PlanRefused e) {
      DeployFlow.printConflicts(e, err);
      return ExitCodes.ERROR;
    }
    DeployFlow.print(plan, format, stdout, model);
    // What the local runtime will be told about Auto Scaling groups is not part of the plan
    // document (AWS never hears of it): text formats show it after the plan, JSON on stderr.
    var local = format == PlanFormat.json ? err : stdout;
    groups.forEach(g -> local.println(g.line()));
    if (out != null) {
      try {
        save(out, Json.pretty(PlanJson.write(plan, true)));
      } catch (IOException e) {
        err.println("ecsl: cannot write " + out + ": " + e.getMessage());
        return ExitCodes.ERROR;
      }
      if (format == PlanFormat.text && against != null) {
        stdout.println("Saved the plan to " + out + " for review; it was made offline (--against), so it cannot be"
            + " applied: plan against the target to get one that can.");
      } else if (format == PlanFormat.text) {
        List<String> apply = new ArrayList<>(List.of("ecsl", "apply", out.toString()));
        apply.addAll(target.asFlags());
        stdout.println("Saved the plan to " + out + "; apply exactly this plan with `"
            + Shell.command(apply.toArray(String[]::new)) + "`.");
      }
    }
    return detailed && (plan.hasChanges() || !groups.isEmpty()) ? ExitCodes.CHANGES : ExitCodes.OK;
  }

  /** Writes owner-readable only where the file system supports it: the file may hold secrets. */
  static void save(Path file, String text) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(file, text);
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system
    }
  }
}
