package io.ecsl.runtime.engine;

import io.ecsl.runtime.model.Arns;
import io.ecsl.runtime.model.Ids;
import io.ecsl.runtime.model.ServiceEntity;
import io.ecsl.runtime.model.ServiceEvent;
import io.ecsl.runtime.model.TaskEntity;
import java.time.Duration;
import java.time.Instant;

/** Appends to a service's event log the way ECS does (§6.5): newest first, 100 kept, repeats suppressed. */
public final class ServiceEvents {
  /** An identical message is not repeated while it is still the newest event, for up to 6 hours. */
  static final Duration REPEAT_SUPPRESSION = Duration.ofHours(6);

  private ServiceEvents() {}

  /**
   * Adds "(service NAME) MESSAGE" to the log of the task's service, if it has one (a standalone
   * task's warnings stay in the runtime's log).
   */
  static void addForTask(RuntimeState state, TaskEntity task, String message, Instant now) {
    if (task.serviceName == null) {
      return;
    }
    ServiceEntity service = state.services.copyOf(Arns.service(task.region, task.clusterName, task.serviceName));
    if (service != null) {
      add(service, "(service " + service.serviceName + ") " + message, now);
      state.services.put(service.serviceArn, service);
    }
  }

  public static void add(ServiceEntity service, String message, Instant now) {
    if (!service.events.isEmpty()) {
      ServiceEvent newest = service.events.get(0);
      if (newest.message().equals(message) && newest.createdAt().plus(REPEAT_SUPPRESSION).isAfter(now)) {
        return;
      }
    }
    service.events.add(0, new ServiceEvent(Ids.uuid(), now, message));
    while (service.events.size() > ServiceEntity.MAX_EVENTS) {
      service.events.remove(service.events.size() - 1);
    }
  }
}
