package io.ecsl.emit;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.ecsl.model.ApiRequest;
import io.ecsl.model.EcsModel;
import io.ecsl.model.Resource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes a build: one JSON file per API request, then {@code manifest.json}. Files a previous build
 * wrote (listed in its manifest) and this one no longer produces are removed, so the directory
 * always holds exactly one build and {@code plan --against} never sees a stale resource.
 */
public final class BuildWriter {
  private BuildWriter() {}

  /** The manifest's name in the output directory. */
  static final String MANIFEST = "manifest.json";

  /** Held while a build writes the directory. */
  static final String LOCK = ".ecsl-outputs.lock";

  /** A file to write, relative to the output directory. */
  public record OutputFile(String path, byte[] content) {}

  /** The files of a build, manifest last. */
  public static List<OutputFile> files(EcsModel model) {
    List<ApiRequest> requests = new ArrayList<>();
    for (Resource r : model.resources()) {
      requests.addAll(r.requests());
    }
    // Serializing is independent per file: spread it over the cores (order is kept).
    List<OutputFile> out = new ArrayList<>(requests.parallelStream()
        .map(req -> new OutputFile(req.file(), Json.prettyBytes(req.body())))
        .toList());
    out.add(new OutputFile(MANIFEST, Manifest.bytes(model)));
    return out;
  }

  /**
   * Writes the files (in parallel: a large project is tens of thousands of small files), the
   * manifest last, then removes what the previous build listed and this one does not. Files that
   * already hold their content are left alone; {@link OutputIndex} recognises most of them without
   * reading them.
   */
  public static void write(Path dir, List<OutputFile> files) throws IOException {
    Files.createDirectories(dir);
    // Two builds into one directory (a build on save beside one in a terminal) take turns: the
    // index must record the content of the build that wrote each file. A file lock keeps other
    // processes out; it is held by the process, so threads of this one queue on a monitor first.
    synchronized (DIRECTORIES.computeIfAbsent(dir.toRealPath(), d -> new Object())) {
      java.nio.channels.FileChannel lock = lockFile(dir);
      try {
        writeLocked(dir, files);
      } finally {
        if (lock != null) {
          lock.close();  // releases the lock
        }
      }
    }
  }

  /**
   * The directory's lock file, locked; null where it cannot be (a file system without locks, a
   * directory we may not write, where the write itself then says what is wrong).
   */
  private static java.nio.channels.FileChannel lockFile(Path dir) {
    java.nio.channels.FileChannel channel = null;
    try {
      channel = java.nio.channels.FileChannel.open(dir.resolve(LOCK), java.nio.file.StandardOpenOption.CREATE,
          java.nio.file.StandardOpenOption.WRITE);
      channel.lock();
      return channel;
    } catch (IOException | java.nio.channels.OverlappingFileLockException e) {
      if (channel != null) {
        try {
          channel.close();
        } catch (IOException ignored) {
          // nothing held
        }
      }
      return null;
    }
  }

  private static final java.util.concurrent.ConcurrentHashMap<Path, Object> DIRECTORIES = new java.util.concurrent.ConcurrentHashMap<>();

  private static void writeLocked(Path dir, List<OutputFile> files) throws IOException {
    // `rm -rf out/*` leaves the hidden index behind; without the manifest it describes nothing there.
    OutputIndex index = Files.isRegularFile(dir.resolve(MANIFEST)) ? OutputIndex.read(dir) : OutputIndex.empty();
    long[] checksums = new long[files.size()];
    java.util.Arrays.parallelSetAll(checksums, i -> OutputIndex.checksum(files.get(i).content()));
    // Each file's modification time once it holds its content, for the next index.
    long[] modified = new long[files.size()];
    // Whether the index may stay as it is: no file written, and every file vouched for by it (one
    // read and found equal has a time the index does not trust yet, so it is recorded again).
    java.util.concurrent.atomic.AtomicBoolean indexCurrent = new java.util.concurrent.atomic.AtomicBoolean(true);
    int manifestAt = files.isEmpty() || !files.get(files.size() - 1).path().equals(MANIFEST) ? -1 : files.size() - 1;
    // The manifest lists the files and nothing about their content: when it is unchanged, so is
    // the set of files, and there is nothing to remove. Most rebuilds skip reading it as JSON (whose
    // parser also loads BigDecimal, see io.ecsl.ast.Amount).
    boolean sameManifest = manifestAt >= 0
        && (modified[manifestAt] = unchanged(dir, index, files.get(manifestAt), checksums[manifestAt], indexCurrent)) >= 0;
    Set<String> previous = sameManifest ? Set.of() : previousFiles(dir);
    int requests = manifestAt >= 0 ? manifestAt : files.size();
    Set<Path> dirs = new HashSet<>();
    for (int i = 0; i < requests; i++) {
      Path parent = dir.resolve(files.get(i).path()).getParent();
      if (dirs.add(parent)) {
        Files.createDirectories(parent);
      }
    }
    // A failed write is kept, not thrown, so that every other write has finished when this returns.
    java.util.concurrent.atomic.AtomicReference<IOException> failed = new java.util.concurrent.atomic.AtomicReference<>();
    java.util.stream.IntStream.range(0, requests).parallel().forEach(i -> {
      OutputFile f = files.get(i);
      try {
        modified[i] = unchanged(dir, index, f, checksums[i], indexCurrent);
        if (modified[i] < 0) {
          Path target = dir.resolve(f.path());
          Files.write(target, f.content());
          modified[i] = OutputIndex.modified(target);
        }
      } catch (IOException e) {
        failed.compareAndSet(null, e);
      }
    });
    if (failed.get() != null) {
      throw failed.get();
    }
    // After every file it names: a build cut short never leaves a manifest naming files that are not there.
    if (manifestAt >= 0 && !sameManifest) {
      Path target = dir.resolve(MANIFEST);
      Files.write(target, files.get(manifestAt).content());
      modified[manifestAt] = OutputIndex.modified(target);
    }
    Set<String> current = new HashSet<>();
    files.forEach(f -> current.add(f.path()));
    for (String old : previous) {
      if (!current.contains(old)) {
        Files.deleteIfExists(dir.resolve(old));
      }
    }
    OutputIndex.write(dir, files, checksums, modified, index, indexCurrent.get());
  }

  /**
   * The file's modification time (nanoseconds) when it already holds this content, else -1. The
   * index vouches for most unchanged files; any other file is read and compared, and then the index
   * is no longer {@code current}.
   */
  private static long unchanged(Path dir, OutputIndex index, OutputFile f, long checksum,
      java.util.concurrent.atomic.AtomicBoolean indexCurrent) throws IOException {
    long vouched = index.vouchesFor(dir, f.path(), f.content().length, checksum);
    if (vouched >= 0) {
      return vouched;
    }
    indexCurrent.set(false);
    Path target = dir.resolve(f.path());
    return sameContent(target, f.content()) ? OutputIndex.modified(target) : -1;
  }

  /**
   * True when the file already holds exactly these bytes. Unchanged files are left alone: their
   * modification times stay meaningful to tools watching the output, and reading is much cheaper
   * than rewriting on most file systems.
   */
  private static boolean sameContent(Path file, byte[] content) {
    // File.length is 0 for a missing file where Files.size throws: building into a fresh directory,
    // 20,000 NoSuchFileExceptions (each filling in a stack trace) cost 70-110 ms of CPU against
    // ~30 ms for plain stat calls.
    if (file.toFile().length() != content.length || content.length == 0) {
      return false;
    }
    try {
      return java.util.Arrays.equals(Files.readAllBytes(file), content);
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * The files the previous build listed in its manifest. Read as a stream of tokens: a large
   * project's manifest is megabytes, and only the file names matter here.
   */
  private static Set<String> previousFiles(Path dir) {
    Set<String> files = new HashSet<>();
    Path manifest = dir.resolve(MANIFEST);
    if (!Files.isRegularFile(manifest)) {
      return files;
    }
    try (JsonParser p = Json.FACTORY.createParser(manifest.toFile())) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return files;
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken value = p.nextToken();
        if (field.equals("entries") && value == JsonToken.START_ARRAY) {
          while (p.nextToken() == JsonToken.START_OBJECT) {
            while (p.nextToken() == JsonToken.FIELD_NAME) {
              String name = p.currentName();
              p.nextToken();
              if (name.equals("file") && p.currentToken() == JsonToken.VALUE_STRING) {
                addSafe(files, p.getText());
              } else {
                p.skipChildren();
              }
            }
          }
        } else if (field.equals("extraFiles") && value == JsonToken.START_ARRAY) {
          while (p.nextToken() == JsonToken.VALUE_STRING) {
            addSafe(files, p.getText());
          }
        } else {
          p.skipChildren();
        }
      }
    } catch (IOException e) {
      return files; // a damaged manifest: nothing is removed, which is the safe side
    }
    return files;
  }

  /** Only plain relative paths: a hand-edited manifest must not make us delete elsewhere. */
  private static void addSafe(Set<String> files, String file) {
    if (file != null && !file.isEmpty() && !file.contains("..") && !file.startsWith("/")) {
      files.add(file);
    }
  }
}
