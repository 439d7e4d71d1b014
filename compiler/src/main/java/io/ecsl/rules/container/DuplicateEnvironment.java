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
 * W1104: an environment variable is set once: not twice in {@code environment}, and not both as a
 * plain variable and as a secret (which one wins is not documented).
 */
public final class DuplicateEnvironment extends ContainerRule {
  public DuplicateEnvironment() {
    super("W1104", "An environment variable is not set twice, nor both as a variable and a secret",
        "CloudFormation schema (unique names); ecsl judgement");
  }

  @Override
  protected void check(RuleContext ctx, TaskDefinitionView task, ContainerView c) {
    Set<String> seen = new HashSet<>();
    List<JsonNode> env = Nodes.list(c.node(), "environment");
    for (int i = 0; i < env.size(); i++) {
      String name = Nodes.text(env.get(i), "name");
      if (name != null && !seen.add(name)) {
        c.report(ctx, "/environment/" + i + "/name", "environment variable `" + name + "` is set twice in " + c.label(), "keep one");
      }
    }
    List<JsonNode> secrets = Nodes.list(c.node(), "secrets");
    for (int i = 0; i < secrets.size(); i++) {
      String name = Nodes.text(secrets.get(i), "name");
      if (name != null && seen.contains(name)) {
        c.report(ctx, "/secrets/" + i + "/name", "`" + name + "` of " + c.label() + " is both an environment variable and a secret; "
            + "which value the container sees is not defined", "remove one of them");
      }
    }
  }
}
