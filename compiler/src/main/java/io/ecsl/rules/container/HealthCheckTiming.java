package io.ecsl.rules.container;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.rules.ContainerRule;
import io.ecsl.rules.ContainerView;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.TaskDefinitionView;

/** W1105: a health check's interval is at least its timeout (else checks overlap). */
public final class HealthCheckTiming extends ContainerRule {
  public HealthCheckTiming() {
    super("W1105", "A health check's interval is at least its timeout", "CDK (synth-time error); ecsl judgement");
  }

  @Override
  protected void check(RuleContext ctx, TaskDefinitionView task, ContainerView c) {
    JsonNode health = Nodes.object(c.node(), "healthCheck");
    Long interval = Nodes.integer(health, "interval");
    Long timeout = Nodes.integer(health, "timeout");
    long i = interval == null ? 30 : interval;
    long t = timeout == null ? 5 : timeout;
    if (health != null && (interval != null || timeout != null) && i < t) {
      c.report(ctx, interval != null ? "/healthCheck/interval" : "/healthCheck/timeout", "the health check of " + c.label()
          + " runs every " + i + "s but may take " + t + "s, so checks overlap", "make `interval` at least `timeout`");
    }
  }
}
