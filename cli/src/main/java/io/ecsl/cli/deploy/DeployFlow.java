package io.ecsl.cli.deploy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.cli.CompileOptions;
import io.ecsl.cli.ExitCodes;
import io.ecsl.cli.Terminal;
import io.ecsl.compile.Compiler;
import io.ecsl.deploy.apply.ApplyResult;
import io.ecsl.deploy.apply.Applier;
import io.ecsl.deploy.plan.Plan;
import io.ecsl.deploy.plan.PlanJson;
import io.ecsl.deploy.render.MarkdownRenderer;
import io.ecsl.deploy.render.TextRenderer;
import io.ecsl.diag.DiagnosticRenderer;
import io.ecsl.emit.Json;
import io.ecsl.model.EcsModel;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** What plan, apply and destroy share: compiling, printing a plan, asking, applying with progress. */
final class DeployFlow {
  private DeployFlow() {}

  /** Compiles; prints diagnostics; returns null (after saying why) when the project has errors. */
  static EcsModel compile(CompileOptions options, PrintWriter err) {
    return compile(options.toOptions(), err);
  }

  static EcsModel compile(Compiler.Options options, PrintWriter err) {
    Compiler.Result result = Compiler.compile(options);
    var sorted = result.diagnostics().sorted();
    if (!sorted.isEmpty()) {
      err.print(new DiagnosticRenderer(Terminal.colorEnabled(System.err)).render(sorted));
      err.flush();
    }
    if (!result.ok()) {
      err.println("ecsl: the project has errors; nothing was planned");
      return null;
    }
    return result.model();
  }

  /**
   * A refused plan: each resource another project owns, or that cannot be changed as declared
   * (a Cloud Map replacement Cloud Map would refuse), as an error line.
   */
  static void printConflicts(io.ecsl.deploy.plan.PlanRefused refused, PrintWriter err) {
    for (String c : refused.problems()) {
      err.println("error: " + c);
    }
    int n = refused.problems().size();
    err.println(refused instanceof io.ecsl.deploy.plan.OwnershipConflict
        ? "ecsl: nothing was planned: " + n + " declared resource" + (n == 1 ? " belongs" : "s belong") + " to another project"
        : "ecsl: nothing was planned: " + n + " resource" + (n == 1 ? "" : "s") + " cannot be changed as declared");
  }

  /** Prints a plan; the markdown shows the graph of what changes when the model is at hand (not null). */
  static void print(Plan plan, PlanFormat format, PrintWriter out, EcsModel model) {
    ObjectNode json = PlanJson.write(plan, false);
    switch (format) {
      case json -> out.print(Json.pretty(json));
      case markdown -> out.print(MarkdownRenderer.render(json, model == null ? null
          : io.ecsl.deploy.render.PlanGraph.mermaid(model, plan)));
      default -> out.print(TextRenderer.render(json, Terminal.colorEnabled(System.out)));
    }
    out.flush();
  }

  /**
   * Asks "yes" on the terminal unless {@code autoApprove}; without a terminal, refuses with a
   * message saying how to approve non-interactively. Returns true to go on.
   */
  static boolean confirm(boolean autoApprove, String what, PrintWriter out, PrintWriter err) {
    if (autoApprove) {
      return true;
    }
    if (System.console() == null || !Terminal.isTerminal()) {
      err.println("ecsl: refusing to " + what + " without confirmation: there is no terminal to ask on."
          + " Review the plan above, then run the command again with --auto-approve.");
      return false;
    }
    out.print("\nDo you want to " + what + "? Only 'yes' is accepted: ");
    out.flush();
    try {
      String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
      if ("yes".equals(line == null ? null : line.trim())) {
        return true;
      }
    } catch (IOException e) {
      // treated as a "no"
    }
    err.println("ecsl: not confirmed; nothing was changed");
    return false;
  }

  /** Applies with live progress; prints what was and was not applied. */
  /** Where each Express service of the plan answers (its ingress path's endpoint), as AWS's console shows it. */
  private static void printExpressEndpoints(Plan plan, Targets.Connected target, PrintWriter out) {
    for (var r : plan.resources()) {
      if (r.id().kind() != io.ecsl.model.ResourceKind.EXPRESS_SERVICE || r.action() == io.ecsl.deploy.plan.Action.DELETE) {
        continue;
      }
      try {
        var request = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("cluster", r.id().cluster());
        request.putArray("services").add(r.id().name());
        String arn = target.api().call("ecs", "DescribeServices", request).path("services").path(0).path("serviceArn").asText(null);
        if (arn == null) {
          continue;
        }
        var describe = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("serviceArn", arn);
        String endpoint = target.api().call("ecs", "DescribeExpressGatewayService", describe).path("service")
            .path("activeConfigurations").path(0).path("ingressPaths").path(0).path("endpoint").asText(null);
        if (endpoint != null) {
          out.println(r.address() + ": " + endpoint);
        }
      } catch (io.ecsl.deploy.target.ApiException e) {
        // the endpoint is a convenience: the apply itself succeeded
      }
    }
  }

  static int apply(Plan plan, Targets.Connected target, Applier.Options options, PrintWriter out, PrintWriter err) {
    boolean tty = Terminal.isTerminal() && System.console() != null;
    try (ProgressPrinter progress = new ProgressPrinter(err, tty, Terminal.colorEnabled(System.err))) {
      ApplyLedger ledger = new ApplyLedger(progress, plan.resources().stream()
          .filter(r -> r.action() != io.ecsl.deploy.plan.Action.NO_CHANGE).map(r -> r.address()).toList());
      // Ctrl-C ends the JVM through its shutdown hooks: say what was done, so nothing is left
      // half-applied without a word.
      Thread onInterrupt = new Thread(() -> {
        progress.close();
        ledger.reportInterrupted(err);
      }, "ecsl-apply-interrupted");
      Runtime.getRuntime().addShutdownHook(onInterrupt);
      ApplyResult result;
      try {
        result = new Applier(target.api(), options).apply(plan, ledger);
      } finally {
        try {
          Runtime.getRuntime().removeShutdownHook(onInterrupt);
        } catch (IllegalStateException shuttingDown) {
          // the hook is running or has run: it reports
        }
      }
      progress.close();
      if (result.ok()) {
        out.println((plan.resources().stream().allMatch(r -> r.action() == io.ecsl.deploy.plan.Action.DELETE
            || r.action() == io.ecsl.deploy.plan.Action.NO_CHANGE) ? "Destroy" : "Apply") + " complete: "
            + result.applied().size() + " resource" + (result.applied().size() == 1 ? "" : "s") + " changed.");
        printExpressEndpoints(plan, target, out);
        return ExitCodes.OK;
      }
      err.println("Apply failed.");
      err.println("  applied (" + result.applied().size() + "): "
          + (result.applied().isEmpty() ? "nothing" : String.join(", ", result.applied())));
      for (String f : result.failed()) {
        err.println("  failed: " + f);
      }
      if (!result.notApplied().isEmpty()) {
        err.println("  not applied (" + result.notApplied().size() + "): " + String.join(", ", result.notApplied()));
      }
      err.println("Fix the cause and run apply again: it plans from what is live, so it picks up where this one stopped.");
      return ExitCodes.ERROR;
    }
  }
}
