package io.ecsl.cli.deploy;

import io.ecsl.deploy.apply.ApplyListener;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Keeps account of an apply as it runs, for the one case where the run cannot say it at the end:
 * an interrupt (Ctrl-C, a CI job cancelled). Passes every event on to the progress printer.
 */
final class ApplyLedger implements ApplyListener {
  private final ApplyListener next;
  private final List<String> planned;
  private final Set<String> done = new LinkedHashSet<>();
  private final Set<String> running = new LinkedHashSet<>();
  private final Set<String> failed = new LinkedHashSet<>();

  /** @param planned the addresses of the resources the plan changes, in plan order */
  ApplyLedger(ApplyListener next, List<String> planned) {
    this.next = next;
    this.planned = List.copyOf(planned);
  }

  @Override
  public synchronized void started(String address, String action) {
    running.add(address);
    next.started(address, action);
  }

  @Override
  public void progress(String address, String message) {
    next.progress(address, message);
  }

  @Override
  public synchronized void finished(String address, String action, Duration elapsed) {
    running.remove(address);
    done.add(address);
    next.finished(address, action, elapsed);
  }

  @Override
  public synchronized void failed(String address, String message, Duration elapsed) {
    running.remove(address);
    failed.add(address);
    next.failed(address, message, elapsed);
  }

  @Override
  public void skipped(String address, String why) {
    next.skipped(address, why);
  }

  /** What an interrupted apply leaves: done, cut short in the middle, and never started. */
  synchronized void reportInterrupted(PrintWriter err) {
    List<String> notStarted = new ArrayList<>();
    for (String address : planned) {
      if (!done.contains(address) && !running.contains(address) && !failed.contains(address)) {
        notStarted.add(address);
      }
    }
    err.println();
    err.println("Apply interrupted.");
    err.println("  applied (" + done.size() + "): " + (done.isEmpty() ? "nothing" : String.join(", ", done)));
    if (!running.isEmpty()) {
      err.println("  cut short (" + running.size() + "): " + String.join(", ", running)
          + " (possibly partly applied; `ecsl plan` shows where each stands)");
    }
    if (!failed.isEmpty()) {
      err.println("  failed (" + failed.size() + "): " + String.join(", ", failed));
    }
    if (!notStarted.isEmpty()) {
      err.println("  not started (" + notStarted.size() + "): " + String.join(", ", notStarted));
    }
    err.println("Run apply again to finish: it plans from what is live, so it picks up where this one stopped.");
    err.flush();
  }
}
