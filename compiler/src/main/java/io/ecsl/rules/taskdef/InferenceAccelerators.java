package io.ecsl.rules.taskdef;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.rules.ContainerView;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.TaskDefinitionRule;
import io.ecsl.rules.TaskDefinitionView;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * E1020: inference accelerator device names are unique, and a container's InferenceAccelerator
 * resource requirement names one of them.
 */
public final class InferenceAccelerators extends TaskDefinitionRule {
  public InferenceAccelerators() {
    super("E1020", "Containers' InferenceAccelerator requirements name a declared accelerator device", "ECS API; CDK");
  }

  @Override
  protected void check(RuleContext ctx, TaskDefinitionView task) {
    Set<String> devices = new LinkedHashSet<>();
    List<JsonNode> accelerators = Nodes.list(task.body(), "inferenceAccelerators");
    for (int i = 0; i < accelerators.size(); i++) {
      String name = Nodes.text(accelerators.get(i), "deviceName");
      if (name != null && !devices.add(name)) {
        task.report(ctx, "/inferenceAccelerators/" + i + "/deviceName", "inference accelerator `" + name
            + "` is declared twice", "give each device its own name");
      }
    }
    for (ContainerView c : task.containers()) {
      List<JsonNode> reqs = Nodes.list(c.node(), "resourceRequirements");
      for (int i = 0; i < reqs.size(); i++) {
        String value = Nodes.text(reqs.get(i), "value");
        if ("InferenceAccelerator".equals(Nodes.text(reqs.get(i), "type")) && value != null && !devices.contains(value)) {
          c.report(ctx, "/resourceRequirements/" + i + "/value", c.label() + " asks for inference accelerator `" + value
              + "`, which " + task.label() + " does not declare", devices.isEmpty()
                  ? "declare it in `inference_accelerators`" : "the declared devices are " + Nodes.andList(List.copyOf(devices)));
        }
      }
    }
  }
}
