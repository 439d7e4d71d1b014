package io.ecsl.rules.container;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.rules.ContainerRule;
import io.ecsl.rules.ContainerView;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.TaskDefinitionView;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * E1131: each secret name appears once per container, and {@code valueFrom} is a Secrets Manager
 * secret ARN (optionally with {@code :json-key:version-stage:version-id}) or an SSM parameter.
 */
public final class Secrets extends ContainerRule {
  public Secrets() {
    super("E1131", "Secrets have unique names and come from a Secrets Manager ARN or an SSM parameter", "ECS API");
  }

  @Override
  protected void check(RuleContext ctx, TaskDefinitionView task, ContainerView c) {
    check(ctx, c, Nodes.list(c.node(), "secrets"), "/secrets", "secret");
    check(ctx, c, Nodes.list(Nodes.object(c.node(), "logConfiguration"), "secretOptions"), "/logConfiguration/secretOptions",
        "secret log option");
  }

  private static void check(RuleContext ctx, ContainerView c, List<JsonNode> secrets, String base, String what) {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < secrets.size(); i++) {
      String name = Nodes.text(secrets.get(i), "name");
      String from = Nodes.text(secrets.get(i), "valueFrom");
      if (name != null && !seen.add(name)) {
        c.report(ctx, base + "/" + i + "/name", what + " `" + name + "` is set twice in " + c.label(), "keep one");
      }
      if (from == null) {
        continue;
      }
      String problem = problem(from);
      if (problem != null) {
        c.report(ctx, base + "/" + i + "/valueFrom", what + " `" + name + "` of " + c.label() + " " + problem,
            "use `arn:aws:secretsmanager:REGION:ACCOUNT:secret:NAME` (optionally `:json-key::`) or an SSM parameter name or ARN");
      }
    }
  }

  private static String problem(String from) {
    if (from.isBlank()) {
      return "has an empty `value_from`";
    }
    if (!from.startsWith("arn:")) {
      return null; // an SSM parameter name in the task's region
    }
    String[] parts = from.split(":", -1);
    if (parts.length < 6) {
      return "comes from `" + from + "`, which is not a complete ARN";
    }
    String service = parts[2];
    if (service.equals("secretsmanager")) {
      // arn:aws:secretsmanager:region:account:secret:name[:json-key:version-stage:version-id]
      if (parts.length < 7 || !parts[5].equals("secret") || parts.length > 10) {
        return "comes from `" + from + "`, which is not a Secrets Manager secret ARN";
      }
      return null;
    }
    if (service.equals("ssm")) {
      return parts[5].startsWith("parameter/") || parts[5].startsWith("parameter") ? null
          : "comes from `" + from + "`, which is not an SSM parameter ARN";
    }
    return "comes from an ARN of `" + service + "`; secrets come from Secrets Manager or SSM Parameter Store";
  }
}
