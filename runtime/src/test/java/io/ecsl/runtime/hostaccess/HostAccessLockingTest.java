package io.ecsl.runtime.hostaccess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.ecsl.runtime.home.HostGrants;
import io.ecsl.runtime.store.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The host-access policy is read both inside store transactions (RunTask checks a task definition
 * under the state lock) and from the engine's action threads, which hold nothing. The two must not
 * deadlock: a monitor of HostAccess's own, taken before the store's, once hung the runtime's API for
 * good (an action thread held it waiting for the store while a RunTask held the store waiting for it).
 */
class HostAccessLockingTest {
  @TempDir
  Path dataDir;

  @Test
  void readingTheProjectRootsInsideAndOutsideAStoreTransactionAtOnceDoesNotDeadlock() throws Exception {
    Path project = Files.createDirectories(dataDir.resolve("project"));
    Store store = Store.open(dataDir);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    Future<List<Path>> api = null;
    Future<List<Path>> engine = null;
    try {
      HostAccess access = new HostAccess(HostGrants.NONE, dataDir.resolve("data"), null, store);
      Path registered = access.allowProjectRoot(project);
      CountDownLatch storeHeld = new CountDownLatch(1);
      CountDownLatch actionWaiting = new CountDownLatch(1);
      Thread[] action = new Thread[1];
      // The API's side: holds the store (a transaction), then reads the policy.
      api = threads.submit(() -> {
        List<Path>[] seen = new List[1];
        store.transaction(() -> {
          storeHeld.countDown();
          awaitBlocked(actionWaiting, action);
          seen[0] = access.projectRoots();
        });
        return seen[0];
      });
      // The engine's side: reads the policy while the store is held, so it waits for the store.
      engine = threads.submit(() -> {
        storeHeld.await();
        action[0] = Thread.currentThread();
        actionWaiting.countDown();
        return access.projectRoots();
      });
      Future<List<Path>> apiSide = api;
      Future<List<Path>> engineSide = engine;
      assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
        assertEquals(List.of(registered), apiSide.get());
        assertEquals(List.of(registered), engineSide.get());
      }, "the two readers deadlocked");
    } finally {
      // Deadlocked threads cannot be interrupted out of a monitor, and closing the store would wait
      // for the one holding it: leave both to the JVM's end when the test failed.
      threads.shutdownNow();
      if (api != null && api.isDone() && engine != null && engine.isDone()) {
        store.close();
      }
    }
  }

  /** Waits until {@code thread[0]} is blocked (on the store's monitor), so the API side reads second. */
  private static void awaitBlocked(CountDownLatch started, Thread[] thread) {
    try {
      started.await();
      long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
      while (thread[0].getState() != Thread.State.BLOCKED && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
