package io.ecsl.runtime.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.RandomAccessFile;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runtime process's heap is sized for the state it holds, never below 512 MiB. */
class HeapSizeTest {
  @TempDir Path dataDir;

  @Test
  void theHeapGrowsWithTheStateOnDisk() throws Exception {
    assertEquals(512, LocalRuntime.heapMib(dataDir), "a new runtime");
    try (RandomAccessFile state = new RandomAccessFile(dataDir.resolve("state.db").toFile(), "rw")) {
      state.setLength(200L * 1024 * 1024); // sparse: the size is what counts
    }
    try (RandomAccessFile wal = new RandomAccessFile(dataDir.resolve("state.db-wal").toFile(), "rw")) {
      wal.setLength(20L * 1024 * 1024);
    }
    assertEquals(256 + 10 * 220, LocalRuntime.heapMib(dataDir), "256 MiB plus ten times the 220 MiB of state");
  }
}
