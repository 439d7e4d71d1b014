package io.ecsl.emit.script;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.emit.Json;
import io.ecsl.facts.shell.Shell;
import io.ecsl.model.ApiRequest;
import io.ecsl.model.EcsModel;
import io.ecsl.model.Resource;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code deploy.sh.template} shows: every value already shell-quoted, every decision already
 * taken, so the template only fills it in. One step per manifest entry, in the manifest's (dependency)
 * order; each step calls one of the script's idempotent functions with its arguments.
 *
 * @param project the project name, quoted
 * @param region the build's region, quoted
 * @param stepCount how many steps
 * @param steps the steps in order
 * @param documents update requests embedded in the script (create requests are the build's own files)
 */
public record DeployScriptView(String project, String region, int stepCount, List<Step> steps, List<Document> documents) {

  /** The heredoc terminator: no line of pretty-printed JSON can be a bare word. */
  public static final String END_OF_DOCUMENT = "ECSL_JSON_END";

  /**
   * One step.
   *
   * @param number 1-based
   * @param label what it does, quoted ({@code 'service prod/web'})
   * @param command the function and its quoted arguments
   */
  public record Step(int number, String label, String command) {}

  /**
   * A JSON request kept in a shell variable.
   *
   * @param variable the variable's name
   * @param json the request, pretty-printed (a quoted heredoc keeps it literal)
   */
  public record Document(String variable, String json) {}

  static DeployScriptView of(EcsModel model) {
    List<Step> steps = new ArrayList<>();
    List<Document> documents = new ArrayList<>();
    // The manifest's order: resources in dependency order, each resource's requests in order.
    for (Resource r : model.resources()) {
      for (ApiRequest req : r.requests()) {
        int n = steps.size() + 1;
        String file = req.file();
        String service = req.service();
        String operation = req.cliOperation();
        String label = r.address() + (r.requests().size() > 1 ? ": " + operation : "");
        String command = switch (r.kind()) {
          case NAMESPACE -> words("ecsl_namespace", r.name(), operation, file);
          case DISCOVERY_SERVICE -> words("ecsl_discovery_service", r.name(), req.body().path("NamespaceId").asText(), file);
          case CAPACITY_PROVIDER -> words("ecsl_capacity_provider", r.name(), file,
              document(documents, "ECSL_UPDATE_" + n, UpdateRequests.capacityProvider(r)));
          case CLUSTER -> words("ecsl_cluster", r.name(), file,
              document(documents, "ECSL_UPDATE_" + n, UpdateRequests.cluster(r)),
              document(documents, "ECSL_PROVIDERS_" + n, UpdateRequests.clusterCapacityProviders(r)));
          // The content digest is taken from the request file when the script runs (sha256sum):
          // hashing 10,000 task definitions at build time cost more than building them.
          case TASK_DEFINITION -> words("ecsl_task_definition", r.name(), file);
          case SERVICE -> words("ecsl_service", r.cluster(), r.name(), file,
              document(documents, "ECSL_UPDATE_" + n, UpdateRequests.service(r)));
          // The attributes of a target group or load balancer: ModifyXAttributes sets them, again or not.
          case TARGET_GROUP, LOAD_BALANCER, LISTENER, LISTENER_RULE -> req == r.primary()
              ? words("ecsl_elb", r.kind().id(), r.name(), operation, file) : words("ecsl_put", service, operation, file);
          case DAEMON_TASK_DEFINITION -> words("ecsl_daemon_task_definition", r.name(), file);
          case DAEMON -> words("ecsl_daemon", req.body().path("clusterArn").asText(), r.name(), file,
              document(documents, "ECSL_UPDATE_" + n, UpdateRequests.daemon(r)));
          case EXPRESS_SERVICE -> words("ecsl_express_service", r.cluster(), r.name(), file,
              document(documents, "ECSL_UPDATE_" + n, UpdateRequests.expressService(r)));
          case SCHEDULE -> operation.equals("create-schedule")
              ? words("ecsl_schedule", r.name(), req.body().path("GroupName").asText("default"), file)
              : operation.equals("put-targets") ? words("ecsl_put_targets", file) : words("ecsl_put", service, operation, file);
          // Account settings, scalable targets, scaling policies, rules and targets: the call
          // itself creates or updates, so running it again is safe.
          default -> words("ecsl_put", service, operation, file);
        };
        steps.add(new Step(n, Shell.quote(label), command));
      }
    }
    return new DeployScriptView(Shell.quote(model.project()), Shell.quote(model.region()), steps.size(), steps, documents);
  }

  /** Adds a document and returns its variable's name, or {@code ""} when there is nothing to send. */
  private static String document(List<Document> documents, String variable, ObjectNode json) {
    if (json == null) {
      return "";
    }
    String text = Json.pretty(json).stripTrailing();
    // Pretty-printed JSON never has a bare word on a line (every line inside is indented); the
    // check keeps that assumption honest.
    if (text.startsWith(END_OF_DOCUMENT + "\n") || text.contains("\n" + END_OF_DOCUMENT + "\n")
        || text.endsWith("\n" + END_OF_DOCUMENT) || text.equals(END_OF_DOCUMENT)) {
      throw new IllegalStateException("a JSON line equals the heredoc terminator");
    }
    documents.add(new Document(variable, text));
    return variable;
  }

  private static String words(String function, String... args) {
    StringBuilder sb = new StringBuilder(function);
    for (String a : args) {
      sb.append(' ').append(Shell.quote(a));
    }
    return sb.toString();
  }
}
