package io.ecsl.runtime.client;

/**
 * Receives progress messages from {@link LocalRuntime} ("starting the local runtime…"). The
 * runtime never prints; callers decide where messages go (the CLI writes them to stderr).
 */
@FunctionalInterface
public interface RuntimeProgress {
  void report(String message);
}
