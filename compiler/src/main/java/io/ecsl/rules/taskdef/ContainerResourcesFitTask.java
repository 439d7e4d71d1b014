package io.ecsl.rules.taskdef;

import io.ecsl.facts.size.TaskSize;
import io.ecsl.rules.ContainerView;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.TaskDefinitionRule;
import io.ecsl.rules.TaskDefinitionView;

/**
 * E1011: what containers reserve fits in the task: the sum of container cpu is at most the task
 * cpu, no container's hard memory limit exceeds the task memory, and the sum of what containers
 * reserve (reservation, else limit) is at most the task memory.
 */
public final class ContainerResourcesFitTask extends TaskDefinitionRule {
  public ContainerResourcesFitTask() {
    super("E1011", "Container cpu and memory fit within the task-level cpu and memory", "ECS API; CDK");
  }

  @Override
  protected void check(RuleContext ctx, TaskDefinitionView task) {
    Long taskCpu = task.cpuUnits();
    Long taskMemory = task.memoryMiB();
    if (taskCpu != null && taskCpu > 0) {
      long sum = 0;
      for (ContainerView c : task.containers()) {
        Long cpu = Nodes.integer(c.node(), "cpu");
        sum += cpu == null ? 0 : cpu;
      }
      if (sum > taskCpu) {
        task.report(ctx, "/cpu", "the containers of " + task.label() + " reserve " + sum + " CPU units but the task has "
            + TaskSize.describeCpu(taskCpu),
            "lower the containers' `cpu` or raise the task's `cpu` to at least " + sum + " units");
      }
    }
    if (taskMemory != null && taskMemory > 0) {
      long sum = 0;
      for (ContainerView c : task.containers()) {
        Long hard = Nodes.integer(c.node(), "memory");
        Long soft = Nodes.integer(c.node(), "memoryReservation");
        if (hard != null && hard > taskMemory) {
          c.report(ctx, "/memory", c.label() + " has a memory limit of " + TaskSize.describeMemory(hard)
              + ", more than the task's " + TaskSize.describeMemory(taskMemory),
              "lower the container's `memory` to at most " + taskMemory + " MiB, or raise the task's");
        }
        sum += soft != null ? soft : hard != null ? hard : 0;
      }
      if (sum > taskMemory) {
        task.report(ctx, "/memory", "the containers of " + task.label() + " reserve " + TaskSize.describeMemory(sum)
            + " of memory but the task has " + TaskSize.describeMemory(taskMemory),
            "lower the containers' `memory_reservation` (or `memory`), or raise the task's `memory`");
      }
    }
  }
}
