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
 * E1128: resource requirements: each type once per container, a GPU count is a positive whole
 * number, a Neuron device value is {@code ALL}.
 */
public final class ResourceRequirements extends ContainerRule {
  public ResourceRequirements() {
    super("E1128", "Resource requirements: one per type, GPU a positive count, NeuronDevice `ALL`", "ECS API");
  }

  @Override
  protected void check(RuleContext ctx, TaskDefinitionView task, ContainerView c) {
    List<JsonNode> reqs = Nodes.list(c.node(), "resourceRequirements");
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < reqs.size(); i++) {
      String type = Nodes.text(reqs.get(i), "type");
      String value = Nodes.text(reqs.get(i), "value");
      String at = "/resourceRequirements/" + i;
      if (type == null) {
        continue;
      }
      if (!type.equals("InferenceAccelerator") && !seen.add(type)) {
        c.report(ctx, at, c.label() + " asks for " + type + " twice", "keep one requirement per type");
      }
      if (type.equals("GPU") && value != null && !value.matches("[1-9]\\d{0,3}")) {
        c.report(ctx, at + "/value", "the GPU requirement of " + c.label() + " must be a number of GPUs, not `" + value + "`",
            "write e.g. `value = \"1\"`");
      }
      if (type.equals("NeuronDevice") && value != null && !value.equals("ALL")) {
        c.report(ctx, at + "/value", "a NeuronDevice requirement takes the value `ALL`, not `" + value + "`", "write `value = \"ALL\"`");
      }
    }
  }
}
