package io.ecsl.facts.schedule;

/** A schedule expression EventBridge would refuse; the message says what is wrong in its terms. */
public final class InvalidScheduleException extends IllegalArgumentException {
  public InvalidScheduleException(String message) {
    super(message);
  }
}
