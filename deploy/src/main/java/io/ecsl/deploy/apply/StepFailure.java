package io.ecsl.deploy.apply;

/** A step of a resource failed; the message is for people (what failed and, where known, why). */
public final class StepFailure extends RuntimeException {
  public StepFailure(String message) {
    super(message);
  }

  public StepFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
