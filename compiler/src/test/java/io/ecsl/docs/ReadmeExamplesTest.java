package io.ecsl.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ecsl.TestProjects;
import io.ecsl.compile.Compiler;
import io.ecsl.diag.Diagnostics;
import io.ecsl.fmt.Formatter;
import io.ecsl.parse.Parser;
import io.ecsl.source.SourceFile;
import io.ecsl.testing.RepoPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's examples work when pasted: every block fenced as {@code ```ecs} is a whole project
 * that checks with no error and no warning, and is already in `ecsl fmt`'s layout. (The first
 * example once named a cluster it never declared, and ran a Fargate-only task on EC2.)
 */
class ReadmeExamplesTest {
  private static final Pattern ECS_BLOCK = Pattern.compile("(?m)^```ecs\\n(.*?)^```$", Pattern.DOTALL);

  @TempDir Path temp;

  static List<String> examples() throws IOException {
    String readme = Files.readString(RepoPaths.root().resolve("README.md"));
    List<String> blocks = new ArrayList<>();
    Matcher m = ECS_BLOCK.matcher(readme);
    while (m.find()) {
      blocks.add(m.group(1));
    }
    return blocks;
  }

  @Test
  void theReadmeHasEcsExamples() throws IOException {
    assertTrue(examples().size() >= 2, "README.md should fence its .ecs examples as ```ecs so this test finds them");
  }

  @TestFactory
  List<DynamicTest> everyExampleChecksCleanly() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    List<String> blocks = examples();
    for (int i = 0; i < blocks.size(); i++) {
      String source = blocks.get(i);
      String name = "example " + (i + 1) + " (" + source.lines().findFirst().orElse("") + ")";
      int n = i;
      tests.add(DynamicTest.dynamicTest(name, () -> {
        Path project = Files.createDirectories(temp.resolve("example-" + n));
        Files.writeString(project.resolve("main.ecs"), source);
        Compiler.Result result = Compiler.compile(Compiler.Options.of(project));
        assertEquals("", TestProjects.render(result.diagnostics(), project), name + " does not check cleanly");
        assertFalse(result.model().resources().isEmpty(), name + " declares nothing");
        Diagnostics syntax = new Diagnostics();
        String formatted = Formatter.format(Parser.parse(SourceFile.of("main.ecs", source), syntax));
        assertEquals(source, formatted, name + " is not in `ecsl fmt` layout");
      }));
    }
    return tests;
  }
}
