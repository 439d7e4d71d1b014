package io.ecsl.runtime.home;

/** The runtime could not start; the message is one line saying why and what to do. */
public final class RuntimeStartException extends RuntimeException {
  public RuntimeStartException(String message) {
    super(message);
  }
}
