package io.ecsl.runtime.lifecycle;

import io.ecsl.runtime.backend.ObservedContainer;
import java.util.Map;

/** What the backend shows of one task: its containers by container name, and its pause container. */
public record TaskObservation(Map<String, ObservedContainer> containers, ObservedContainer pause) {

  public static TaskObservation empty() {
    return new TaskObservation(Map.of(), null);
  }

  public ObservedContainer container(String name) {
    return containers.get(name);
  }
}
