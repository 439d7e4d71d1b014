package io.ecsl.rules.taskdef;

import io.ecsl.facts.limits.EcsLimit;
import io.ecsl.facts.size.TaskSize;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.TaskDefinitionRule;
import io.ecsl.rules.TaskDefinitionView;

/**
 * E1008: task-level cpu is CPU units or vCPUs, memory is MiB or GB; on EC2 the cpu is 128 to
 * 196,608 units (0.125 to 192 vCPU).
 */
public final class TaskSizeFormat extends TaskDefinitionRule {
  private static final long MIN_CPU = EcsLimit.TASK_CPU_UNITS.min();
  private static final long MAX_CPU = EcsLimit.TASK_CPU_UNITS.max();

  public TaskSizeFormat() {
    super("E1008", "Task-level `cpu` and `memory` are values ECS understands, cpu within " + MIN_CPU + "–" + MAX_CPU + " units",
        "ECS API");
  }

  @Override
  protected void check(RuleContext ctx, TaskDefinitionView task) {
    Long cpu = task.cpuUnits();
    if (cpu != null && cpu < 0) {
      task.report(ctx, "/cpu", "task cpu `" + task.cpuText() + "` is not a CPU size ECS understands",
          "write CPU units (`\"1024\"`) or vCPUs (`1 vcpu`); 1 vCPU = 1024 units");
    } else if (cpu != null && !task.fargate() && (cpu < MIN_CPU || cpu > MAX_CPU)) {
      task.report(ctx, "/cpu", "task cpu must be " + MIN_CPU + " to " + MAX_CPU + " CPU units (" + TaskSize.vcpu(MIN_CPU) + " to " + TaskSize.vcpu(MAX_CPU) + " vCPU); you set "
          + cpu, cpu < MIN_CPU ? "set at least `cpu = " + TaskSize.vcpu(MIN_CPU) + " vcpu`, or omit task-level cpu"
          : "the largest task is " + TaskSize.vcpu(MAX_CPU) + " vCPU; split the work across tasks");
    }
    Long memory = task.memoryMiB();
    if (memory != null && memory <= 0) {
      task.report(ctx, "/memory", "task memory `" + task.memoryText() + "` is not a memory size ECS understands",
          "write MiB (`\"2048\"`) or GB (`\"2GB\"`), or in .ecs `memory = 2 GiB`");
    }
  }
}
