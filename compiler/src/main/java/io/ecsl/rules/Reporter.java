package io.ecsl.rules;

/** Where a shared check reports: a field pointer, a message and a hint. */
@FunctionalInterface
public interface Reporter {
  void report(String pointer, String message, String hint);
}
