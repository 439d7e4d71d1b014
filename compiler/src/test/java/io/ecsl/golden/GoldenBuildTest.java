package io.ecsl.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ecsl.TestProjects;
import io.ecsl.compile.Compiler;
import io.ecsl.emit.BuildWriter;
import io.ecsl.testing.Golden;
import io.ecsl.testing.RepoPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The emitted JSON, pinned: each case under golden/build/CASE/input compiles to exactly the files
 * under golden/build/CASE/expected, and each sample project to golden/samples/NAME.
 */
class GoldenBuildTest {
  static final Path GOLDEN = Path.of("src/test/resources/golden");

  @TempDir Path out;

  @TestFactory
  List<DynamicTest> cases() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (Path dir : dirs(GOLDEN.resolve("build"))) {
      tests.add(DynamicTest.dynamicTest(dir.getFileName().toString(), () ->
          check(dir.resolve("input"), dir.resolve("expected"), vars(dir))));
    }
    for (Path sample : dirs(RepoPaths.samples())) {
      tests.add(DynamicTest.dynamicTest("sample " + sample.getFileName(), () -> {
        Compiler.Result result = check(sample, GOLDEN.resolve("samples").resolve(sample.getFileName()), List.of());
        // A newcomer's first `ecsl check samples/…` is clean: no warning either (a sample that ECS
        // would run on EC2 without EC2 capacity, W1706, warned).
        assertEquals("", TestProjects.render(result.diagnostics(), Path.of("")), sample + " has warnings");
      }));
    }
    return tests;
  }

  private Compiler.Result check(Path input, Path expected, List<String> vars) throws IOException {
    Compiler.Result result = Compiler.compile(new Compiler.Options(List.of(input), input, vars, List.of(), null, null));
    assertTrue(result.ok(), () -> "does not compile:\n" + TestProjects.render(result.diagnostics(), Path.of("")));
    Path actual = out.resolve(input.getFileName());
    BuildWriter.write(actual, BuildWriter.files(result.model()));
    Golden.assertDirectory(expected, actual);
    return result;
  }

  private static List<String> vars(Path dir) throws IOException {
    Path file = dir.resolve("vars.txt");
    return Files.exists(file) ? Files.readAllLines(file).stream().filter(l -> !l.isBlank()).toList() : List.of();
  }

  static List<Path> dirs(Path parent) throws IOException {
    try (Stream<Path> s = Files.list(parent)) {
      return s.filter(Files::isDirectory).sorted().toList();
    }
  }
}
