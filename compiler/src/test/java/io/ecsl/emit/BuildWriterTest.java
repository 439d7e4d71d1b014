package io.ecsl.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ecsl.emit.BuildWriter.OutputFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writing a build's files: fresh directories, unchanged files left alone, stale files removed. */
class BuildWriterTest {
  private static final FileTime LONG_AGO = FileTime.fromMillis(1_000_000_000_000L);

  @TempDir
  Path dir;

  private static OutputFile file(String path, String content) {
    return new OutputFile(path, content.getBytes(StandardCharsets.UTF_8));
  }

  private static OutputFile manifest(String... files) {
    StringBuilder entries = new StringBuilder();
    for (String f : files) {
      entries.append(entries.isEmpty() ? "" : ",").append("{\"file\":\"").append(f).append("\"}");
    }
    return file("manifest.json", "{\"entries\":[" + entries + "]}");
  }

  private String read(String path) throws IOException {
    return Files.readString(dir.resolve(path));
  }

  @Test
  void writesEveryFileIntoAFreshDirectoryCreatingItsFolders() throws IOException {
    Path out = dir.resolve("out");
    BuildWriter.write(out, List.of(file("a/b/one.json", "{}\n"), file("two.json", "[1]\n"), manifest("a/b/one.json")));
    assertEquals("{}\n", Files.readString(out.resolve("a/b/one.json")));
    assertEquals("[1]\n", Files.readString(out.resolve("two.json")));
  }

  @Test
  void leavesUnchangedFilesAloneAndRewritesChangedOnes() throws IOException {
    BuildWriter.write(dir, List.of(file("same.json", "{\"a\":1}\n"), file("edited.json", "{\"a\":1}\n"),
        file("longer.json", "{}\n"), manifest("same.json", "edited.json", "longer.json")));
    for (String name : List.of("same.json", "edited.json", "longer.json")) {
      Files.setLastModifiedTime(dir.resolve(name), LONG_AGO);
    }
    Files.writeString(dir.resolve("edited.json"), "{\"a\":2}\n"); // same length, other bytes
    Files.setLastModifiedTime(dir.resolve("edited.json"), LONG_AGO);

    BuildWriter.write(dir, List.of(file("same.json", "{\"a\":1}\n"), file("edited.json", "{\"a\":1}\n"),
        file("longer.json", "{\"b\":[]}\n"), manifest("same.json", "edited.json", "longer.json")));

    assertEquals(LONG_AGO, Files.getLastModifiedTime(dir.resolve("same.json")), "an unchanged file is not rewritten");
    assertEquals("{\"a\":1}\n", read("edited.json"));
    assertNotEquals(LONG_AGO, Files.getLastModifiedTime(dir.resolve("edited.json")));
    assertEquals("{\"b\":[]}\n", read("longer.json"));
  }

  @Test
  void removesWhatThePreviousManifestListedAndThisBuildDoesNot() throws IOException {
    BuildWriter.write(dir, List.of(file("kept.json", "{}\n"), file("gone.json", "{}\n"), manifest("kept.json", "gone.json")));
    Files.writeString(dir.resolve("mine.txt"), "not the build's");

    BuildWriter.write(dir, List.of(file("kept.json", "{}\n"), manifest("kept.json")));

    assertTrue(Files.exists(dir.resolve("kept.json")));
    assertFalse(Files.exists(dir.resolve("gone.json")), "listed before, not built now: removed");
    assertEquals("not the build's", read("mine.txt"), "files no manifest listed are never touched");
  }

  @Test
  void anUnchangedManifestIsNotRewrittenAndRemovesNothing() throws IOException {
    BuildWriter.write(dir, List.of(file("kept.json", "{}\n"), manifest("kept.json")));
    Files.setLastModifiedTime(dir.resolve("manifest.json"), LONG_AGO);
    Files.writeString(dir.resolve("mine.txt"), "not the build's");

    BuildWriter.write(dir, List.of(file("kept.json", "{\"a\":1}\n"), manifest("kept.json")));

    assertEquals(LONG_AGO, Files.getLastModifiedTime(dir.resolve("manifest.json")));
    assertEquals("{\"a\":1}\n", read("kept.json"), "the request files are still written");
    assertEquals("not the build's", read("mine.txt"));
  }

  @Test
  void aBuildCutShortLeavesThePreviousManifest() throws IOException {
    BuildWriter.write(dir, List.of(file("a.json", "{}\n"), manifest("a.json")));
    String before = read("manifest.json");
    Files.createDirectories(dir.resolve("blocked.json"));  // a directory where a file must go: that write fails

    List<OutputFile> next = new java.util.ArrayList<>();
    for (int i = 0; i < 50; i++) {
      next.add(file("f" + i + ".json", "{}\n"));
    }
    next.add(file("blocked.json", "{}\n"));
    next.add(manifest("a.json", "blocked.json"));
    org.junit.jupiter.api.Assertions.assertThrows(IOException.class, () -> BuildWriter.write(dir, next));

    assertEquals(before, read("manifest.json"), "the manifest names only files that were written");
  }

  @Test
  void theIndexSparesReadingUnchangedFilesButNotOnesChangedSince() throws IOException {
    List<OutputFile> build = List.of(file("a.json", "{\"a\":1}\n"), file("b.json", "{\"b\":1}\n"),
        file("c.json", "{\"c\":1}\n"), manifest("a.json", "b.json", "c.json"));
    BuildWriter.write(dir, build);
    // The index written a minute after the files (within the same clock tick it vouches for nothing).
    Files.setLastModifiedTime(dir.resolve(OutputIndex.FILE), FileTime.fromMillis(System.currentTimeMillis() + 60_000));
    FileTime bWritten = Files.getLastModifiedTime(dir.resolve("b.json"));
    Files.writeString(dir.resolve("a.json"), "{\"a\":2}\n");  // edited by hand: same size, a new time
    Files.writeString(dir.resolve("c.json"), "{\"c\":2}\n");  // put back with an old time (rsync -a)
    Files.setLastModifiedTime(dir.resolve("c.json"), LONG_AGO);

    OutputIndex index = OutputIndex.read(dir);
    assertTrue(vouched(index, "b.json", "{\"b\":1}\n"), "untouched since it was recorded: trusted without reading");
    assertFalse(vouched(index, "b.json", "{\"b\":2}\n"), "other content: not the recorded checksum");
    assertFalse(vouched(index, "a.json", "{\"a\":1}\n"), "edited after recording");
    assertFalse(vouched(index, "c.json", "{\"c\":1}\n"), "another time than recorded, even an older one");

    BuildWriter.write(dir, build);
    assertEquals("{\"a\":1}\n", read("a.json"), "the edits are undone, as without the index");
    assertEquals("{\"c\":1}\n", read("c.json"));
    assertEquals(bWritten, Files.getLastModifiedTime(dir.resolve("b.json")), "an unchanged file is not rewritten");
  }

  private boolean vouched(OutputIndex index, String path, String content) {
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    return index.vouchesFor(dir, path, bytes.length, OutputIndex.checksum(bytes)) >= 0;
  }

  @Test
  void aDamagedOrForeignIndexIsIgnored() throws IOException {
    List<OutputFile> build = List.of(file("a.json", "{}\n"), manifest("a.json"));
    BuildWriter.write(dir, build);
    Files.writeString(dir.resolve(OutputIndex.FILE), "ecsl outputs 2\nnot an entry\n");
    Files.setLastModifiedTime(dir.resolve("a.json"), LONG_AGO);
    Files.writeString(dir.resolve("a.json"), "[]\n");  // same size

    BuildWriter.write(dir, build);

    assertEquals("{}\n", read("a.json"));
    assertTrue(read(OutputIndex.FILE).startsWith("ecsl outputs 2\n"));
    assertTrue(read(OutputIndex.FILE).contains(" a.json\n"), "a fresh index replaces the damaged one");
  }

  @Test
  void filesReadAndFoundEqualAreRecordedAgainSoTheNextBuildTrustsThem() throws Exception {
    List<OutputFile> build = List.of(file("a.json", "{}\n"), manifest("a.json"));
    BuildWriter.write(dir, build);
    Files.setLastModifiedTime(dir.resolve(OutputIndex.FILE), LONG_AGO);  // older than the files: trusts none
    Thread.sleep(20);  // the next index falls in a later clock tick than the files

    BuildWriter.write(dir, build);

    assertTrue(vouched(OutputIndex.read(dir), "a.json", "{}\n"), "the index was written again");
  }

  @Test
  void aDirectoryEmptiedByHandKeepsNoTrustInItsHiddenIndex() throws IOException {
    List<OutputFile> build = List.of(file("sub/a.json", "{}\n"), manifest("sub/a.json"));
    BuildWriter.write(dir, build);
    Files.delete(dir.resolve("sub/a.json"));
    Files.delete(dir.resolve("sub"));
    Files.delete(dir.resolve("manifest.json"));  // `rm -rf out/*` leaves .ecsl-outputs

    BuildWriter.write(dir, build);

    assertEquals("{}\n", read("sub/a.json"));
    assertTrue(Files.exists(dir.resolve("manifest.json")));
  }

  @Test
  void twoBuildsIntoOneDirectoryTakeTurns() throws Exception {
    // Same names and sizes, other bytes: were the writes of two builds to interleave, the index of
    // one could vouch for a file the other wrote in the same clock tick.
    List<OutputFile> a = new java.util.ArrayList<>();
    List<OutputFile> b = new java.util.ArrayList<>();
    for (int i = 0; i < 40; i++) {
      a.add(file("f" + i + ".json", "{\"v\":1}\n"));
      b.add(file("f" + i + ".json", "{\"v\":2}\n"));
    }
    a.add(manifest());
    b.add(manifest());
    for (int round = 0; round < 30; round++) {
      var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
      var first = pool.submit(() -> { BuildWriter.write(dir, a); return null; });
      var second = pool.submit(() -> { BuildWriter.write(dir, b); return null; });
      first.get();
      second.get();
      pool.shutdown();
      OutputIndex index = OutputIndex.read(dir);
      for (int i = 0; i < 40; i++) {
        String name = "f" + i + ".json";
        String onDisk = read(name);
        String other = onDisk.equals("{\"v\":1}\n") ? "{\"v\":2}\n" : "{\"v\":1}\n";
        assertFalse(vouched(index, name, other), "round " + round + ": the index vouches for what " + name + " does not hold");
      }
    }
  }
}
