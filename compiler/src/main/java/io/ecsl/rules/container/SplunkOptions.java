package io.ecsl.rules.container;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.rules.ContainerRule;
import io.ecsl.rules.ContainerView;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.TaskDefinitionView;

/** E1122: the splunk log driver has a {@code splunk-url} and a {@code splunk-token} (an option or a secret option). */
public final class SplunkOptions extends ContainerRule {
  public SplunkOptions() {
    super("E1122", "The splunk log driver has `splunk-url` and `splunk-token`", "Docker splunk log driver; ECS API");
  }

  @Override
  protected void check(RuleContext ctx, TaskDefinitionView task, ContainerView c) {
    JsonNode log = Nodes.object(c.node(), "logConfiguration");
    if (!"splunk".equals(Nodes.text(log, "logDriver"))) {
      return;
    }
    JsonNode options = Nodes.object(log, "options");
    if (Nodes.text(options, "splunk-url") == null) {
      c.report(ctx, "/logConfiguration", "the splunk log driver of " + c.label() + " needs the option `splunk-url`",
          "add `\"splunk-url\" = \"https://splunk.example.com:8088\"` to the log options");
    }
    boolean secretToken = Nodes.list(log, "secretOptions").stream().anyMatch(s -> "splunk-token".equals(Nodes.text(s, "name")));
    if (Nodes.text(options, "splunk-token") == null && !secretToken) {
      c.report(ctx, "/logConfiguration", "the splunk log driver of " + c.label() + " needs a `splunk-token`",
          "add it as a secret option: `secret_option splunk-token = \"arn:aws:secretsmanager:…\"`");
    }
  }
}
