package io.ecsl.runtime.backend;

/** A container backend operation failed; {@link #kind()} says how, the message says on what. */
public final class BackendException extends RuntimeException {
  /** The failure classes the engine reacts to differently. */
  public enum Kind {
    /** The engine does not answer (Docker not running, socket missing). */
    UNAVAILABLE,
    /** The object does not exist. */
    NOT_FOUND,
    /** The image could not be pulled (CannotPullContainerError). */
    IMAGE_PULL,
    /** Anything else the engine rejected (bad configuration, port already allocated, ...). */
    FAILED
  }

  private final Kind kind;

  public BackendException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public BackendException(Kind kind, String message) {
    this(kind, message, null);
  }

  public Kind kind() {
    return kind;
  }
}
