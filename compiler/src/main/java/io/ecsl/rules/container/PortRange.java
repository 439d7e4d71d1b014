package io.ecsl.rules.container;

import io.ecsl.facts.limits.EcsLimit;
import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.rules.ContainerRule;
import io.ecsl.rules.ContainerView;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.TaskDefinitionView;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * E1105: container port ranges are {@code start-end} within 1–65535, with start below end, only in
 * {@code bridge} or {@code awsvpc} mode, without a container or host port, not overlapping, at
 * most 100 per container.
 */
public final class PortRange extends ContainerRule {
  private static final int MAX_RANGES = EcsLimit.PORT_RANGES_PER_CONTAINER.maxInt();
  private static final Pattern RANGE = Pattern.compile("(\\d+)-(\\d+)");

  public PortRange() {
    super("E1105", "Container port ranges are well-formed, non-overlapping, at most " + MAX_RANGES
        + ", in bridge or awsvpc mode",
        "ECS API; CDK");
  }

  @Override
  protected void check(RuleContext ctx, TaskDefinitionView task, ContainerView c) {
    List<JsonNode> mappings = Nodes.list(c.node(), "portMappings");
    List<long[]> ranges = new ArrayList<>();
    int count = 0;
    for (int i = 0; i < mappings.size(); i++) {
      JsonNode pm = mappings.get(i);
      String range = Nodes.text(pm, "containerPortRange");
      if (range == null) {
        continue;
      }
      String at = "/portMappings/" + i;
      if (++count == MAX_RANGES + 1) {
        c.report(ctx, at, c.label() + " has more than " + MAX_RANGES + " port ranges; ECS allows " + MAX_RANGES + " per container",
            "merge adjacent ranges");
      }
      String mode = task.effectiveNetworkMode();
      if (!mode.equals("bridge") && !mode.equals("awsvpc")) {
        c.report(ctx, at + "/containerPortRange", "port ranges need network mode `bridge` or `awsvpc`, not `" + mode + "`",
            "map single ports instead, or change the network mode");
      }
      if (Nodes.has(pm, "hostPort") || Nodes.has(pm, "containerPort")) {
        c.report(ctx, at + (Nodes.has(pm, "hostPort") ? "/hostPort" : "/containerPort"), "a port range mapping takes no "
            + (Nodes.has(pm, "hostPort") ? "host port" : "container port") + " (ECS chooses the host ports of a range)",
            "remove it");
      }
      Matcher m = RANGE.matcher(range);
      if (!m.matches() || m.group(1).length() > 5 || m.group(2).length() > 5) {
        c.report(ctx, at + "/containerPortRange", "port range `" + range + "` is not `start-end`", "write e.g. `8000-8010`");
        continue;
      }
      long start = Long.parseLong(m.group(1));
      long end = Long.parseLong(m.group(2));
      if (start < 1 || end > 65535 || start >= end) {
        c.report(ctx, at + "/containerPortRange", "port range `" + range + "` must run from a lower to a higher port within 1–65535",
            "write e.g. `8000-8010`");
        continue;
      }
      for (long[] r : ranges) {
        if (start <= r[1] && r[0] <= end) {
          c.report(ctx, at + "/containerPortRange", "port range `" + range + "` overlaps `" + r[0] + "-" + r[1] + "` in "
              + c.label(), "a port may appear in only one mapping; make the ranges disjoint");
          break;
        }
      }
      ranges.add(new long[] {start, end});
    }
  }
}
