package io.ecsl.deploy.apply;

import java.time.Duration;

/**
 * The apply engine's progress hook: the engine never prints; the CLI turns these calls into
 * spinner lines on a terminal or plain lines in CI. Calls may come from several threads.
 */
public interface ApplyListener {
  /** Work on a resource began. */
  void started(String address, String action);

  /** Something happened while working on it ("waiting for steady state: 1/3 running"). */
  void progress(String address, String message);

  /** It is done. */
  void finished(String address, String action, Duration elapsed);

  /** It failed; {@code message} says why. */
  void failed(String address, String message, Duration elapsed);

  /** It was not attempted, because something it depends on failed. */
  void skipped(String address, String why);

  /** A listener that ignores everything. */
  ApplyListener NONE = new ApplyListener() {
    @Override
    public void started(String address, String action) {}

    @Override
    public void progress(String address, String message) {}

    @Override
    public void finished(String address, String action, Duration elapsed) {}

    @Override
    public void failed(String address, String message, Duration elapsed) {}

    @Override
    public void skipped(String address, String why) {}
  };
}
