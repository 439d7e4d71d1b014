package io.ecsl.runtime.engine;

import java.util.Map;

/** What a backend action produced, applied to the task under the state lock. */
sealed interface ActionResult {
  record Provisioned(String pauseContainerId, String privateIp) implements ActionResult {}

  record ImagesReady(Map<String, String> imageIds) implements ActionResult {}

  record Created(String containerName, String containerId) implements ActionResult {}

  record Deprovisioned() implements ActionResult {}

  record Done() implements ActionResult {}

  /** The task cannot go on: stop it with this stop code and reason. */
  record Failed(String stopCode, String reason) implements ActionResult {}

  /**
   * The action did its work ({@code result}) but something the task can live without failed: a
   * warning for the task's service event log, so the user sees it in {@code ecsl events}.
   */
  record Warned(ActionResult result, String warning) implements ActionResult {}

  /** The engine is unreachable: nothing changes; the next pass retries. */
  record Unavailable(String message) implements ActionResult {}
}
