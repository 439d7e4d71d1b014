package io.ecsl.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A fresh clone must pass its tests: no code, test, build file or CI script may reach outside the
 * repository for what it needs. This workplace keeps reference material beside the repository
 * ({@code ../shared}: the ECS docs, the JSON corpus, benchmark kits) and tests once read it from
 * there, or from an absolute path of one machine; a user's clone has neither. What tests need is
 * in the repository ({@code corpus/}, the compiler's AWS models) and found through
 * {@link RepoPaths}.
 *
 * <p>Not scanned: {@code bench/} (benchmarks may take an optional workload from beside the
 * repository; CI does not run them), {@code corpus/} (data, whose SOURCES.md cites upstream
 * paths), {@code third_party/} (vendored upstream code), build output and this file.
 */
class RepositoryBoundaryTest {
  /** Paths that exist on this workplace's machines only. */
  static final Pattern OUTSIDE = Pattern.compile(
      "/work/|\\.\\./shared\\b|\\bshared/(corpus|docs|bench)\\b|resolve\\(\"shared\"\\)|/root/|/home/[a-z]|\\.pyenv/");
  private static final Set<String> SKIPPED = Set.of(".git", "target", "bench", "corpus", "third_party", "node_modules");

  /** The lines of {@code text} that name a place outside the repository, as {@code line: text}. */
  static List<String> offences(String text) {
    List<String> out = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (OUTSIDE.matcher(lines[i]).find()) {
        out.add((i + 1) + ": " + lines[i].strip());
      }
    }
    return out;
  }

  @Test
  void nothingInTheRepositoryReadsOutsideIt() throws IOException {
    Path root = RepoPaths.root();
    Path self = root.resolve("test-support/src/test/java/io/ecsl/testing/RepositoryBoundaryTest.java");
    List<String> found = new ArrayList<>();
    int scanned = 0;
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        Path relative = root.relativize(file);
        if (file.equals(self) || skipped(relative)) {
          continue;
        }
        String text;
        try {
          text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (MalformedInputException binary) {
          continue; // images, jars, deliberately broken test inputs: not code
        }
        scanned++;
        for (String offence : offences(text)) {
          found.add(relative + ":" + offence);
        }
      }
    }
    assertEquals(List.of(), found, "these lines name places outside the repository, which a fresh clone does not have;"
        + " bring what they need into the repository (see docs/development.md, \"Tests\")");
    if (scanned < 200) {
      throw new AssertionError("only " + scanned + " files scanned under " + root + ": is this the repository root?");
    }
  }

  private static boolean skipped(Path relative) {
    for (Path part : relative) {
      if (SKIPPED.contains(part.toString())) {
        return true;
      }
    }
    return false;
  }

  @Test
  void theCheckRecognisesThePathsAFreshCloneLacks() {
    assertEquals(List.of("2: Path.of(\"/work/shared/docs/aws-model/ecs-service-2.json\");"),
        offences("class A {\n  Path.of(\"/work/shared/docs/aws-model/ecs-service-2.json\");\n}"));
    assertEquals(4, offences("root().resolve(\"../shared/corpus\")\nroot().getParent().resolve(\"shared\")\n"
        + "see shared/corpus/invalid\nPYTHON=/root/.pyenv/shims/python3\n").size());
    assertEquals(List.of(), offences("RepoPaths.corpus().resolve(\"invalid\")\nPath.of(\"/proc/sys/net\")\n"
        + "service web in \"shared\" {}\nvolume scope = shared\n"));
  }
}
