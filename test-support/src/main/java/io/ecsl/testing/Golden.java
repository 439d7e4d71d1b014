package io.ecsl.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Golden files: an actual output compared with an expected file in the source tree. A missing
 * expected file is written and the test fails (so a new case needs one run and a review); with
 * {@code -Decsl.golden.update=true} mismatching files are rewritten and the test still fails, so a
 * CI run can never pass in update mode.
 */
public final class Golden {
  private Golden() {}

  /** True when golden files should be (re)written: {@code -Decsl.golden.update=true}. */
  public static boolean updating() {
    return Boolean.getBoolean("ecsl.golden.update");
  }

  /** Compares text with a golden file. */
  public static void assertText(Path expectedFile, String actual) {
    try {
      if (!Files.exists(expectedFile)) {
        Files.createDirectories(expectedFile.getParent());
        Files.writeString(expectedFile, actual, StandardCharsets.UTF_8);
        fail("golden file " + expectedFile + " did not exist; it was written: review it and run again");
      }
      String expected = Files.readString(expectedFile, StandardCharsets.UTF_8);
      if (!expected.equals(actual)) {
        if (updating()) {
          Files.writeString(expectedFile, actual, StandardCharsets.UTF_8);
          fail("golden file " + expectedFile + " was updated (ecsl.golden.update=true): review the diff and run again");
        }
        fail("output differs from " + expectedFile + " (run with -Decsl.golden.update=true to rewrite it)\n"
            + Diff.unified(expected, actual));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Compares a directory of generated files with an expected directory: same file names, same
   * contents. Missing or extra files fail; in update mode the expected directory is made equal.
   */
  public static void assertDirectory(Path expectedDir, Path actualDir) {
    Map<String, String> expected = read(expectedDir);
    Map<String, String> actual = read(actualDir);
    if (expected.equals(actual)) {
      return;
    }
    boolean create = expected.isEmpty() && !Files.exists(expectedDir);
    if (create || updating()) {
      write(expectedDir, actual, expected.keySet());
      fail("golden directory " + expectedDir + (create ? " did not exist; it was written" : " was updated")
          + ": review it and run again");
    }
    List<String> problems = new ArrayList<>();
    for (String name : expected.keySet()) {
      if (!actual.containsKey(name)) {
        problems.add("missing output file " + name);
      } else if (!expected.get(name).equals(actual.get(name))) {
        problems.add("file " + name + " differs:\n" + Diff.unified(expected.get(name), actual.get(name)));
      }
    }
    for (String name : actual.keySet()) {
      if (!expected.containsKey(name)) {
        problems.add("unexpected output file " + name);
      }
    }
    fail("output differs from " + expectedDir + " (run with -Decsl.golden.update=true to rewrite):\n"
        + String.join("\n", problems));
  }

  private static Map<String, String> read(Path dir) {
    Map<String, String> files = new TreeMap<>();
    if (!Files.isDirectory(dir)) {
      return files;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      // hidden files are a writer's bookkeeping (the build's .ecsl-outputs index), not content
      for (Path p : s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith(".")).toList()) {
        files.put(dir.relativize(p).toString().replace('\\', '/'), Files.readString(p, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }

  private static void write(Path dir, Map<String, String> files, Iterable<String> stale) {
    try {
      for (String name : stale) {
        if (!files.containsKey(name)) {
          Files.deleteIfExists(dir.resolve(name));
        }
      }
      for (Map.Entry<String, String> e : files.entrySet()) {
        Path p = dir.resolve(e.getKey());
        Files.createDirectories(p.getParent());
        Files.writeString(p, e.getValue(), StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
