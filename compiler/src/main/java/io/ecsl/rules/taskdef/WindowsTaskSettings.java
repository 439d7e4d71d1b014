package io.ecsl.rules.taskdef;

import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.TaskDefinitionRule;
import io.ecsl.rules.TaskDefinitionView;

/** E1010: Windows tasks take no {@code pidMode} or {@code ipcMode}. */
public final class WindowsTaskSettings extends TaskDefinitionRule {
  public WindowsTaskSettings() {
    super("E1010", "Windows task definitions set no `pid_mode` or `ipc_mode`", "ECS API (Windows task definition parameters)");
  }

  @Override
  protected void check(RuleContext ctx, TaskDefinitionView task) {
    if (!task.windows()) {
      return;
    }
    for (String member : new String[] {"pidMode", "ipcMode"}) {
      if (Nodes.has(task.body(), member)) {
        task.report(ctx, "/" + member, Nodes.name(member) + " is not supported for Windows containers ("
            + task.osFamily() + ")", "remove it");
      }
    }
  }
}
