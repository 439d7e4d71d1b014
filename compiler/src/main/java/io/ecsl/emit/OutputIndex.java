package io.ecsl.emit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;

/**
 * What the previous build wrote into an output directory, file by file: size, modification time
 * and a 64-bit checksum, kept in {@value #FILE} beside the build. A rebuild leaves unchanged files alone
 * (their modification times mean something to tools watching the output); with this index it
 * recognises one by a single {@code stat} instead of reading it back: opening, reading and closing
 * 20,000 files was 9% of a 10,000-service build's CPU.
 *
 * <p>The index only vouches for files nobody touched since it was written, as Git's index does: a
 * file counts as unchanged when it still has the size and modification time the index recorded
 * for that checksum, and that time is older than the index itself (a file changed within the same
 * clock tick as its recording would keep its time). A file edited by hand, or put back by a tool
 * that keeps old times ({@code rsync -a}), has another time, so it is read and compared (and
 * rewritten) as without an index; so is every file when the index is missing, damaged or from
 * another version. Two checksums of different polynomials (CRC-32C and CRC-32,
 * both computed by the CPU's own instructions) make the 64 bits: content that changed and kept
 * its size escapes both only with a chance of about 2^-64.
 */
final class OutputIndex {
  /** The index's name in the output directory. */
  static final String FILE = ".ecsl-outputs";

  private static final String HEADER = "ecsl outputs 2";

  private record Entry(long size, long modified, long checksum) {}

  private final Map<String, Entry> entries;
  /** When the index was written; null without one. */
  private final FileTime writtenAt;
  private final byte[] bytes;

  private OutputIndex(Map<String, Entry> entries, FileTime writtenAt, byte[] bytes) {
    this.entries = entries;
    this.writtenAt = writtenAt;
    this.bytes = bytes;
  }

  /** The index in {@code dir}, or an empty one when there is none or it cannot be read. */
  static OutputIndex read(Path dir) {
    Path file = dir.resolve(FILE);
    try {
      FileTime writtenAt = Files.readAttributes(file, BasicFileAttributes.class).lastModifiedTime();
      byte[] bytes = Files.readAllBytes(file);
      Map<String, Entry> entries = parse(new String(bytes, StandardCharsets.UTF_8));
      return entries == null ? empty() : new OutputIndex(entries, writtenAt, bytes);
    } catch (IOException | RuntimeException e) {
      return empty();
    }
  }

  /** No index: every file is read and compared. */
  static OutputIndex empty() {
    return new OutputIndex(Map.of(), null, null);
  }

  /** Lines of {@code checksum size modified path}; null when this is not an index this version wrote. */
  private static Map<String, Entry> parse(String text) {
    String[] lines = text.split("\n");
    if (lines.length == 0 || !lines[0].equals(HEADER)) {
      return null;
    }
    Map<String, Entry> entries = new HashMap<>(lines.length * 2);
    for (int i = 1; i < lines.length; i++) {
      String line = lines[i];
      int first = line.indexOf(' ');
      int second = line.indexOf(' ', first + 1);
      int third = line.indexOf(' ', second + 1);
      if (first < 0 || second < 0 || third < 0) {
        return null;
      }
      entries.put(line.substring(third + 1), new Entry(Long.parseLong(line, first + 1, second, 10),
          Long.parseLong(line, second + 1, third, 10), Long.parseUnsignedLong(line, 0, first, 16)));
    }
    return entries;
  }

  /** The 64-bit checksum of a file's content. */
  static long checksum(byte[] content) {
    CRC32C c = new CRC32C();
    c.update(content);
    CRC32 d = new CRC32();
    d.update(content);
    return c.getValue() << 32 | d.getValue();
  }

  /**
   * The modification time (nanoseconds) of {@code path} when the index vouches that it holds the
   * content of this size and checksum, else -1: the index recorded that content with the file's
   * present size and time, and the time is older than the index.
   */
  long vouchesFor(Path dir, String path, long size, long checksum) {
    Entry e = entries.get(path);
    if (e == null || e.size() != size || e.checksum() != checksum) {
      return -1;
    }
    try {
      // null rather than an exception for a file deleted by hand: thousands of them cost 70-110 ms
      BasicFileAttributes a = dir.getFileSystem().provider().readAttributesIfExists(dir.resolve(path), BasicFileAttributes.class);
      if (a == null) {
        return -1;
      }
      long modified = nanos(a.lastModifiedTime());
      boolean same = a.isRegularFile() && a.size() == size && modified == e.modified() && a.lastModifiedTime().compareTo(writtenAt) < 0;
      return same ? modified : -1;
    } catch (IOException unreadable) {
      return -1;
    }
  }

  /** The modification time of a file, in nanoseconds (what the index records). */
  static long modified(Path file) throws IOException {
    return nanos(Files.getLastModifiedTime(file));
  }

  private static long nanos(FileTime t) {
    return t.to(java.util.concurrent.TimeUnit.NANOSECONDS);
  }

  /**
   * Writes the index of these files and their modification times (after them: it must be newer
   * than every one of them), unless the one there already says the same and vouched for every file
   * ({@code current}). Best effort, and whole or not at all (a temporary file moved into place): an
   * old index or none only means files are read again.
   */
  static void write(Path dir, List<BuildWriter.OutputFile> files, long[] checksums, long[] modified,
      OutputIndex previous, boolean current) {
    StringBuilder sb = new StringBuilder(files.size() * 80).append(HEADER).append('\n');
    for (int i = 0; i < files.size(); i++) {
      BuildWriter.OutputFile f = files.get(i);
      sb.append(Long.toHexString(checksums[i])).append(' ').append(f.content().length).append(' ').append(modified[i])
          .append(' ').append(f.path()).append('\n');
    }
    byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
    if (current && previous.bytes != null && java.util.Arrays.equals(previous.bytes, bytes)) {
      return;
    }
    Path temporary = dir.resolve(FILE + ".new");
    try {
      Files.write(temporary, bytes);
      try {
        Files.move(temporary, dir.resolve(FILE), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
            java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      } catch (java.nio.file.AtomicMoveNotSupportedException e) {
        Files.move(temporary, dir.resolve(FILE), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      try {
        Files.deleteIfExists(dir.resolve(FILE));  // an index that may not say what was written is worse than none
        Files.deleteIfExists(temporary);
      } catch (IOException ignored) {
        // the next build reads the files whose times disagree with the index anyway
      }
    }
  }
}
