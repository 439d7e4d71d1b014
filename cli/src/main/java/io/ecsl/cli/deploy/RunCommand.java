package io.ecsl.cli.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.cli.CompileOptions;
import io.ecsl.cli.ExitCodes;
import io.ecsl.cli.OutputFormat;
import io.ecsl.deploy.Deployer;
import io.ecsl.deploy.plan.OwnershipConflict;
import io.ecsl.deploy.target.ApiException;
import io.ecsl.deploy.target.TargetOptions.Kind;
import io.ecsl.emit.Json;
import io.ecsl.model.EcsModel;
import io.ecsl.model.Resource;
import io.ecsl.model.ResourceKind;
import io.ecsl.runtime.client.RuntimeClient;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ecsl run TASK [PATH...]}: runs a task definition the project declares, once, on the target
 * (like {@code docker run}, {@code copilot task run}): registers the declared revision if the
 * target lacks it, calls RunTask, follows the containers' output (local runtime), waits and exits
 * with the essential container's exit code. {@code ecsl run --schedule NAME} fires a scheduled rule
 * of the local runtime now, through the same path as its schedule.
 */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Run a task of the project once, follow its output, exit with its exit code.",
        "TASK is the task definition's family; the declared revision is registered first",
        "if the target lacks it.",
        "With --schedule NAME: fire a scheduled rule of the local runtime now, as its",
        "schedule would.",
        "Exit status: the essential container's exit code; 1 when ecsl could not start the task; 125 when the task"
            + " stopped without running it (its stop reason says why); 130 when left running after Ctrl-C."},
    footer = {"", "Examples:", "  ecsl run migrate --command \"./manage.py migrate\" --env DEBUG=1",
        "  ecsl run report --count 3 --no-wait", "  ecsl run --schedule nightly-report"})
public final class RunCommand implements Callable<Integer> {
  @Parameters(index = "0", arity = "0..1", paramLabel = "TASK",
      description = "The task definition to run: its family, as declared in the project.")
  String task;

  @Mixin CompileOptions compile;
  @Mixin TargetOptions target;

  @Option(names = "--cluster", paramLabel = "NAME",
      description = "The cluster to run on (default: the cluster of a service or schedule of the project that runs"
          + " TASK, else the project's only cluster, else `default`).")
  String cluster;

  @Option(names = "--count", defaultValue = "1", paramLabel = "N", description = "How many tasks to start (1-10).")
  int count;

  @Option(names = "--command", paramLabel = "COMMAND",
      description = "Override the container's command; split into words as a shell would (no expansion).")
  String command;

  @Option(names = "--container", paramLabel = "NAME",
      description = "The container --command and --env apply to (default: the first essential one).")
  String container;

  @Option(names = {"-e", "--env"}, paramLabel = "NAME=VALUE", description = "Set an environment variable; repeatable.")
  List<String> env = new ArrayList<>();

  @Option(names = "--cpu", paramLabel = "SIZE", description = "Override the task's CPU: units (512) or vCPU (0.5 vcpu).")
  String cpu;

  @Option(names = "--memory", paramLabel = "SIZE", description = "Override the task's memory: MiB (1024) or 1 GB.")
  String memory;

  @Option(names = "--launch-type", paramLabel = "TYPE", description = "FARGATE, EC2 or EXTERNAL (not with --strategy;"
      + " default: what a service or schedule of the project that runs TASK uses, else the cluster's default).")
  String launchType;

  @Option(names = "--strategy", paramLabel = "STRATEGY",
      description = "Capacity-provider strategy, as in the language: \"FARGATE base 1 weight 1, FARGATE_SPOT weight 3\".")
  String strategy;

  @Option(names = "--subnets", split = ",", paramLabel = "ID", description = "awsvpc subnets (default: a service's or"
      + " schedule's of the project for TASK; none needed on the local runtime).")
  List<String> subnets = new ArrayList<>();

  @Option(names = "--security-groups", split = ",", paramLabel = "ID", description = "awsvpc security groups.")
  List<String> securityGroups = new ArrayList<>();

  @Option(names = "--assign-public-ip", description = "Give the awsvpc task a public IP.")
  boolean publicIp;

  @Option(names = "--group", paramLabel = "NAME", description = "The task group (default: family:TASK, as ECS).")
  String group;

  @Option(names = "--started-by", defaultValue = "ecsl-run", paramLabel = "TEXT",
      description = "startedBy of the tasks (default ${DEFAULT-VALUE}).")
  String startedBy;

  @Option(names = "--tag", paramLabel = "KEY=VALUE", description = "Tag the tasks; repeatable.")
  List<String> tags = new ArrayList<>();

  @Option(names = "--no-wait", description = "Print the task ARNs and exit without waiting.")
  boolean noWait;

  @Option(names = "--schedule", paramLabel = "NAME", description = "Fire this scheduled rule of the local runtime now.")
  String schedule;

  @Option(names = "--format", defaultValue = "text", description = "text or json (with --no-wait or --schedule).")
  OutputFormat format;

  @Option(names = "--poll-interval", defaultValue = "1s", paramLabel = "DURATION", converter = DurationConverter.class,
      hidden = true, description = "How often to poll the tasks while waiting.")
  Duration pollInterval;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (schedule != null) {
      return fireSchedule(out, err);
    }
    if (task == null) {
      err.println("ecsl: name the task definition to run: ecsl run TASK [PATH...] (or fire a schedule with --schedule"
          + " NAME). Run `ecsl run --help` for usage.");
      return ExitCodes.ERROR;
    }
    List<Path> all = compile.paths();
    List<Path> paths = task != null && !all.isEmpty() && all.get(0).toString().equals(task) ? all.subList(1, all.size())
        : all;
    EcsModel model = DeployFlow.compile(compile.toOptions(paths), err);
    if (model == null) {
      return ExitCodes.ERROR;
    }
    Resource declared = model.find(ResourceKind.TASK_DEFINITION, null, task);
    if (declared == null) {
      List<String> families = model.ofKind(ResourceKind.TASK_DEFINITION).stream().map(Resource::name).toList();
      err.println("ecsl: the project declares no task `" + task + "`; "
          + (families.isEmpty() ? "it declares no tasks" : "its tasks: " + String.join(", ", families)));
      return ExitCodes.ERROR;
    }
    boolean local = target.target == Kind.local;
    try (Targets.Connected t = Targets.connect(target, compile.toOptions().region(), err)) {
      ProjectTask project = ProjectTask.of(model, declared);
      String clusterName = cluster != null ? cluster : project.cluster();
      ObjectNode request = RunTaskRequest.build(clusterName, "pending", declared.primary().body(), options(),
          project.awsvpc(), local);
      if (launchType == null && strategy == null) {
        // Where the project runs this task (its service's or schedule's launch type or strategy).
        if (project.launchType() != null) {
          request.put("launchType", project.launchType());
        } else if (project.strategy() != null) {
          request.set("capacityProviderStrategy", project.strategy());
        }
      }
      Deployer.RunRevision revision = Deployer.taskDefinitionToRun(model, declared, t.api());
      if (revision.registered()) {
        err.println("ecsl: registered " + revision.taskDefinitionArn());
      }
      request.put("taskDefinition", revision.taskDefinitionArn());
      JsonNode response;
      try {
        response = t.api().call("ecs", "RunTask", request);
      } catch (ApiException e) {
        if ("ClusterNotFoundException".equals(e.code())) {
          err.println("ecsl: cluster " + clusterName + " does not exist on " + t.description() + ": create it with"
              + " `ecsl apply`" + (cluster == null ? " (or pick another with --cluster)" : ""));
          return ExitCodes.ERROR;
        }
        throw e;
      }
      List<String> arns = new ArrayList<>();
      response.path("tasks").forEach(task -> arns.add(task.path("taskArn").asText()));
      for (JsonNode failure : response.path("failures")) {
        err.println("ecsl: a task could not start: " + failure.path("reason").asText()
            + (failure.hasNonNull("detail") ? " (" + failure.path("detail").asText() + ")" : ""));
      }
      if (arns.isEmpty()) {
        return ExitCodes.ERROR;
      }
      if (noWait) {
        printArns(arns, out);
        return ExitCodes.OK;
      }
      err.println("ecsl: started " + arns.size() + " task" + (arns.size() == 1 ? "" : "s") + " of "
          + revision.taskDefinitionArn().substring(revision.taskDefinitionArn().lastIndexOf('/') + 1) + " on "
          + clusterName + (local ? "" : " (output is not followed on AWS: read it where the task's log configuration"
              + " sends it)"));
      err.flush();
      RuntimeClient logs = local ? t.runtimeClient() : null;
      return new TaskWatch(t.api(), logs, clusterName, arns, out, err).await(pollInterval);
    } catch (RunTaskRequest.Problem e) {
      err.println("ecsl: " + e.getMessage());
      return ExitCodes.ERROR;
    } catch (IllegalArgumentException e) {
      err.println("ecsl: --command: " + e.getMessage());
      return ExitCodes.ERROR;
    } catch (ApiException | LocalTarget.TargetException e) {
      err.println("ecsl: " + e.getMessage());
      return ExitCodes.ERROR;
    } catch (OwnershipConflict e) {
      DeployFlow.printConflicts(e, err);
      return ExitCodes.ERROR;
    }
  }

  private RunTaskRequest.Options options() {
    return new RunTaskRequest.Options(count, command == null ? List.of() : ShellWords.split(command), container,
        RunTaskRequest.pairs(env, "--env"), cpu, memory, launchType, strategy, subnets, securityGroups, publicIp, group,
        startedBy, RunTaskRequest.pairs(tags, "--tag"));
  }

  private void printArns(List<String> arns, PrintWriter out) {
    if (format == OutputFormat.json) {
      out.println(Json.mapper().createObjectNode().set("taskArns", Json.mapper().valueToTree(arns)).toString());
    } else {
      arns.forEach(out::println);
    }
  }

  /** {@code --schedule NAME}: fires the rule through the local runtime, then waits like a run unless --no-wait. */
  private int fireSchedule(PrintWriter out, PrintWriter err) throws InterruptedException {
    if (task != null) {
      err.println("ecsl: --schedule fires a rule as declared; it takes no TASK (got `" + task + "`)");
      return ExitCodes.ERROR;
    }
    if (target.target != Kind.local) {
      err.println("ecsl: --schedule fires rules of the local runtime; on AWS, EventBridge alone fires them");
      return ExitCodes.ERROR;
    }
    try (Targets.Connected t = Targets.connect(target, compile.toOptions().region(), err)) {
      RuntimeClient runtime = t.runtimeClient();
      JsonNode fired = runtime.fireSchedule(schedule, compile.toOptions().region());
      List<String> arns = new ArrayList<>();
      boolean failed = false;
      for (JsonNode result : fired.path("results")) {
        result.path("taskArns").forEach(a -> arns.add(a.asText()));
        String outcome = result.path("outcome").asText();
        if (!outcome.equals("STARTED")) {
          failed = true;
          err.println("ecsl: target " + result.path("targetId").asText() + ": " + outcome
              + (result.hasNonNull("error") ? ": " + result.path("error").asText() : "")
              + (result.path("failures").isEmpty() ? "" : ": " + result.path("failures")));
        }
      }
      if (format == OutputFormat.json) {
        out.println(fired.toString());
        return failed || arns.isEmpty() ? ExitCodes.ERROR : ExitCodes.OK;
      }
      if (arns.isEmpty()) {
        err.println("ecsl: rule " + schedule + " started no task");
        return ExitCodes.ERROR;
      }
      if (noWait) {
        printArns(arns, out);
        return failed ? ExitCodes.ERROR : ExitCodes.OK;
      }
      err.println("ecsl: rule " + schedule + " started " + arns.size() + " task" + (arns.size() == 1 ? "" : "s"));
      err.flush();
      String clusterName = clusterOf(arns.get(0));
      int status = new TaskWatch(t.api(), runtime, clusterName, arns, out, err).await(pollInterval);
      return status == 0 && failed ? ExitCodes.ERROR : status;
    } catch (RuntimeClient.ApiError | ApiException | LocalTarget.TargetException e) {
      err.println("ecsl: " + e.getMessage());
      return ExitCodes.ERROR;
    }
  }

  /** {@code arn:aws:ecs:R:A:task/CLUSTER/ID} → CLUSTER. */
  static String clusterOf(String taskArn) {
    String resource = taskArn.substring(taskArn.indexOf(":task/") + ":task/".length());
    return resource.substring(0, resource.indexOf('/'));
  }
}
