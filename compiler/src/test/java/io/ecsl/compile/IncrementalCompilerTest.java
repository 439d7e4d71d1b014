package io.ecsl.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ecsl.ast.SourceUnit;
import io.ecsl.diag.DiagnosticJson;
import io.ecsl.eval.Kind;
import io.ecsl.eval.Value;
import io.ecsl.model.ResourceKind;
import io.ecsl.modules.LoadedModule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The warm compiler an editor uses: unsaved buffers first, a file parsed again only when it changed. */
class IncrementalCompilerTest {
  private static final String CLUSTER = "cluster prod {}\n";
  private static final String TASK = """
      task web {
        cpu = 0.5 vcpu
        memory = 1 GiB
        network = awsvpc
        compatibilities = [FARGATE]
        execution_role = "arn:aws:iam::123456789012:role/ecsTaskExecutionRole"
        container app {
          image = "ghcr.io/acme/web:1.4.2"
          port http = 8080/tcp
        }
      }
      """;

  @TempDir
  Path dir;

  @Test
  void anUnsavedBufferIsCheckedExactlyAsTheCommandLineChecksTheSavedFile() throws Exception {
    Path main = write("main.ecs", CLUSTER + TASK);
    String edited = CLUSTER + TASK + "service web in prdo {\n  task = web\n  desired = 2\n  launch_type = FARGATE\n}\n";
    IncrementalCompiler compiler = new IncrementalCompiler(Compiler.Options.of(dir));

    String fromBuffer = DiagnosticJson.render(compiler.check(Map.of(main, edited)).diagnostics().sorted());
    assertTrue(fromBuffer.contains("E0201"), "the buffer, not the disk, was checked: " + fromBuffer);

    Files.writeString(main, edited);
    assertEquals(DiagnosticJson.render(Compiler.compile(Compiler.Options.of(dir)).diagnostics().sorted()), fromBuffer);
  }

  @Test
  void onlyTheFileWhoseTextChangedIsParsedAgain() throws Exception {
    Path clusters = write("clusters.ecs", CLUSTER);
    Path tasks = write("tasks.ecs", TASK);
    IncrementalCompiler compiler = new IncrementalCompiler(Compiler.Options.of(dir));
    IncrementalCompiler.Analysis first = compiler.check(Map.of());
    IncrementalCompiler.Analysis second = compiler.check(Map.of(tasks, TASK.replace("8080", "9090")));

    assertSame(unit(first, clusters), unit(second, clusters), "an unchanged file keeps its parse");
    assertNotSame(unit(first, tasks), unit(second, tasks), "a changed file is parsed again");
    assertTrue(second.model().ofKind(ResourceKind.TASK_DEFINITION).get(0).primary().body().toString().contains("9090"),
        "the new text is what was lowered");
    IncrementalCompiler.Analysis third = compiler.check(Map.of(tasks, TASK.replace("8080", "9090")));
    assertSame(unit(second, tasks), unit(third, tasks), "the same buffer text again is not parsed again");
  }

  @Test
  void afterASyntaxErrorTheModelStillHoldsWhatLowered() throws Exception {
    write("clusters.ecs", CLUSTER);
    Path tasks = write("tasks.ecs", TASK);
    IncrementalCompiler compiler = new IncrementalCompiler(Compiler.Options.of(dir));
    IncrementalCompiler.Analysis broken = compiler.check(Map.of(tasks, TASK + "service web in {\n"));

    assertTrue(broken.diagnostics().hasErrors());
    assertFalse(broken.rulesRan(), "rules need a model without errors");
    assertEquals(1, broken.model().ofKind(ResourceKind.CLUSTER).size(), "the file that parses is still lowered");
  }

  @Test
  void everyUseOfATemplateSharesItsFieldsSpans() throws Exception {
    // An editor's server keeps a whole check alive; a span per field per use was a tenth of it
    // for 10,000 services (bench/lsp/CheckCost.java: "one check keeps").
    write("main.ecs", "template named(n: string) {\n  cluster c {\n    cluster_name = n\n  }\n}\nnamed(\"a\")\nnamed(\"b\")\n");
    IncrementalCompiler.Analysis analysis = new IncrementalCompiler(Compiler.Options.of(dir)).check(Map.of());
    List<Value.Field> fields = analysis.evaluation().declarations().stream()
        .filter(d -> d.kind() == Kind.CLUSTER)
        .map(d -> d.body(analysis.evaluation().interpreter()).field("cluster_name"))
        .toList();

    assertEquals(2, fields.size());
    assertEquals("cluster_name = n", fields.get(0).span().text(), "a field's span covers its key and value");
    assertSame(fields.get(0).span(), fields.get(1).span(), "both uses point at the template's one entry");
    assertSame(fields.get(0).span(), fields.get(0).span(), "asking again makes no new span");
  }

  private Path write(String name, String text) throws Exception {
    return Files.writeString(dir.resolve(name), text).toAbsolutePath().normalize();
  }

  private static SourceUnit unit(IncrementalCompiler.Analysis analysis, Path file) {
    for (LoadedModule m : analysis.modules()) {
      for (SourceUnit u : m.units()) {
        if (u.file().path() != null && u.file().path().toAbsolutePath().normalize().equals(file)) {
          return u;
        }
      }
    }
    throw new AssertionError(file + " was not loaded");
  }
}
