package io.ecsl.cli.deploy;

import io.ecsl.deploy.apply.ApplyListener;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Apply progress for people: one line per resource event with the elapsed time. On a terminal a
 * spinner line below shows what is in progress and for how long; in CI (no terminal) only the
 * plain lines are printed. Colors only when enabled (never with NO_COLOR).
 */
final class ProgressPrinter implements ApplyListener, AutoCloseable {
  private static final String[] SPINNER = {"|", "/", "-", "\\"};

  private final PrintWriter err;
  private final boolean tty;
  private final boolean color;
  private final long start = System.nanoTime();
  private final Map<String, Long> running = new ConcurrentHashMap<>();
  private final ScheduledExecutorService ticker;
  private int frame;
  private boolean statusShown;

  ProgressPrinter(PrintWriter err, boolean tty, boolean color) {
    this.err = err;
    this.tty = tty;
    this.color = color;
    if (tty) {
      ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "ecsl-progress");
        t.setDaemon(true);
        return t;
      });
      ticker.scheduleAtFixedRate(this::tick, 200, 200, TimeUnit.MILLISECONDS);
    } else {
      ticker = null;
    }
  }

  @Override
  public void started(String address, String action) {
    running.put(address, System.nanoTime());
    line(address + ": " + action + "…", null);
  }

  @Override
  public void progress(String address, String message) {
    line(address + ": " + message, null);
  }

  @Override
  public void finished(String address, String action, Duration elapsed) {
    running.remove(address);
    line(address + ": " + action + " done (" + seconds(elapsed) + ")", "\u001b[32m");
  }

  @Override
  public void failed(String address, String message, Duration elapsed) {
    running.remove(address);
    line(address + ": FAILED after " + seconds(elapsed) + ": " + message, "\u001b[31m");
  }

  @Override
  public void skipped(String address, String why) {
    line(address + ": not applied (" + why + ")", "\u001b[33m");
  }

  private synchronized void line(String text, String code) {
    clearStatus();
    String stamp = String.format("[%6s] ", seconds(Duration.ofNanos(System.nanoTime() - start)));
    err.println(stamp + (color && code != null ? code + text + "\u001b[0m" : text));
    err.flush();
  }

  private synchronized void tick() {
    if (running.isEmpty()) {
      clearStatus();
      return;
    }
    long now = System.nanoTime();
    StringBuilder sb = new StringBuilder(SPINNER[frame++ % SPINNER.length]).append(' ');
    running.forEach((a, t) -> sb.append(a).append(" (").append(seconds(Duration.ofNanos(now - t))).append(")  "));
    String text = sb.length() > 160 ? sb.substring(0, 159) + "…" : sb.toString();
    err.print("\r\u001b[2K" + text);
    err.flush();
    statusShown = true;
  }

  private void clearStatus() {
    if (statusShown) {
      err.print("\r\u001b[2K");
      statusShown = false;
    }
  }

  private static String seconds(Duration d) {
    return String.format("%.1fs", d.toMillis() / 1000.0);
  }

  @Override
  public synchronized void close() {
    if (ticker != null) {
      ticker.shutdownNow();
    }
    clearStatus();
    err.flush();
  }
}
