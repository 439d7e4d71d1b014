package io.ecsl.lsp;

import io.ecsl.compile.Compiler;
import io.ecsl.compile.IncrementalCompiler;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Predicate;

/**
 * One project of the workspace (a directory, as {@code ecsl check DIR} takes it) with its warm
 * compiler. Every change asks for a check; checks run one at a time on the workspace's checker
 * thread, and changes that arrive during a check are coalesced into the next one, which reads the
 * newest text: typing never queues up stale work.
 */
public final class Project {
  private final Path dir;
  private final Workspace workspace;
  private final Executor checker;
  private IncrementalCompiler compiler;
  private volatile Snapshot latest;
  /** Per file, the newest check in which it parsed: completion's names while the file is mid-edit. */
  private final Map<Path, Snapshot> parsed = new java.util.concurrent.ConcurrentHashMap<>();
  private long sequence;
  private boolean dirty;
  private boolean scheduled;
  private final List<Waiter> waiters = new ArrayList<>();

  private record Waiter(Predicate<Snapshot> ready, CompletableFuture<Snapshot> future) {}

  Project(Path dir, Workspace workspace, Executor checker, Settings settings) {
    this.dir = dir;
    this.workspace = workspace;
    this.checker = checker;
    configure(settings);
  }

  public Path dir() {
    return dir;
  }

  /** The newest finished check, or null before the first. */
  public Snapshot latest() {
    return latest;
  }

  /** The newest check in which this file parsed, or the newest check, or null. */
  public Snapshot latestParsing(Path file) {
    Snapshot s = parsed.get(file);
    return s != null ? s : latest;
  }

  synchronized void configure(Settings settings) {
    compiler = new IncrementalCompiler(new Compiler.Options(List.of(dir), null, settings.vars(),
        settings.varFilesIn(dir), settings.region(), settings.accountId()));
  }

  /** Asks for a check with the newest text; returns at once. */
  synchronized void requestCheck() {
    dirty = true;
    if (!scheduled) {
      scheduled = true;
      checker.execute(this::checkWhileDirty);
    }
  }

  private void checkWhileDirty() {
    while (true) {
      IncrementalCompiler c;
      List<Waiter> stale;
      synchronized (this) {
        if (!dirty) {
          scheduled = false;
          // the text these waited for was replaced before a check saw it: the newest check answers
          stale = latest == null ? List.of() : new ArrayList<>(waiters);
          waiters.removeAll(stale);
        } else {
          dirty = false;
          stale = null;
        }
        c = compiler;
      }
      if (stale != null) {
        Snapshot s = latest;
        stale.forEach(w -> w.future().complete(s));
        return;
      }
      Map<Path, String> buffers = workspace.buffers();
      Snapshot s;
      try {
        s = new Snapshot(this, ++sequence, c.check(buffers), buffers);
      } catch (RuntimeException | StackOverflowError e) {
        workspace.log("ecsl: checking " + dir + " failed: " + e);
        continue;
      }
      latest = s;
      for (Path file : s.units().keySet()) {
        parsed.put(file, s);
      }
      workspace.published(s);
      List<Waiter> done = new ArrayList<>();
      synchronized (this) {
        for (Iterator<Waiter> it = waiters.iterator(); it.hasNext(); ) {
          Waiter w = it.next();
          if (w.ready().test(s)) {
            done.add(w);
            it.remove();
          }
        }
      }
      done.forEach(w -> w.future().complete(s));
    }
  }

  /**
   * A snapshot of the text the editor holds now for {@code file} (the newest check when it is not
   * open): requests about a position must not answer from older text, where offsets differ.
   */
  CompletableFuture<Snapshot> snapshotFor(Path file, String text) {
    Predicate<Snapshot> ready = s -> text == null || text.equals(s.buffers().get(file));
    synchronized (this) {
      Snapshot s = latest;
      if (s != null && ready.test(s)) {
        return CompletableFuture.completedFuture(s);
      }
      CompletableFuture<Snapshot> f = new CompletableFuture<>();
      waiters.add(new Waiter(ready, f));
      if (!scheduled) {
        requestCheck();
      }
      return f;
    }
  }
}
