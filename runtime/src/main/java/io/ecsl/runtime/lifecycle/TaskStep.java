package io.ecsl.runtime.lifecycle;

import io.ecsl.runtime.model.TaskEntity;
import java.util.List;

/** The outcome of one lifecycle step: the task's next state and the actions to perform. */
public record TaskStep(TaskEntity task, List<TaskAction> actions) {}
