package io.ecsl.modules;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ecsl.TestProjects;
import io.ecsl.compile.Compiler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which files a project is made of: its own `.ecs` files stay inside its root, links included. */
class ProjectFilesTest {
  private static final String SECRET = "CI_TOKEN=very-secret-value";

  @TempDir Path tmp;

  private Path project() throws IOException {
    Path project = Files.createDirectories(tmp.resolve("project"));
    Files.writeString(project.resolve("main.ecs"), "cluster prod {}\n");
    return project;
  }

  /** A file outside the project that must never be read: a stand-in for /proc/self/environ. */
  private Path outsideSecret() throws IOException {
    return Files.writeString(tmp.resolve("environ"), SECRET + " HOME=/root\n");
  }

  private static String check(Path root, Path... inputs) {
    Compiler.Result r = Compiler.compile(new Compiler.Options(List.of(inputs), root, List.of(), List.of(), null, null));
    assertFalse(r.ok(), "expected the project to be refused");
    return TestProjects.render(r.diagnostics(), root);
  }

  @Test
  void aProjectFileLinkingOutsideTheRootIsRefusedUnread() throws IOException {
    Path project = project();
    Path secret = outsideSecret();
    Files.createSymbolicLink(project.resolve("x.ecs"), secret);
    String out = check(project, project);
    assertTrue(out.contains("error[E0208]: `") && out.contains("x.ecs` is a link to " + secret.toRealPath()
        + ", outside the project root"), out);
    assertFalse(out.contains("very-secret-value"), out);
  }

  @Test
  void aLinkedFileNamedOnTheCommandLineIsRefusedToo() throws IOException {
    Path project = project();
    Files.createSymbolicLink(project.resolve("x.ecs"), outsideSecret());
    String out = check(project, project.resolve("x.ecs"));
    assertTrue(out.contains("error[E0208]"), out);
    assertFalse(out.contains("very-secret-value"), out);
  }

  @Test
  void aLinkInAnImportedDirectoryIsRefused() throws IOException {
    Path project = project();
    Files.writeString(project.resolve("main.ecs"), "import \"./lib\"\ncluster prod {}\n");
    Path lib = Files.createDirectories(project.resolve("lib"));
    Files.writeString(lib.resolve("a.ecs"), "let a = 1\n");
    Files.createSymbolicLink(lib.resolve("b.ecs"), outsideSecret());
    String out = check(project, project);
    assertTrue(out.contains("error[E0208]") && out.contains("b.ecs` is a link to"), out);
    assertFalse(out.contains("very-secret-value"), out);
  }

  @Test
  void aLinkInsideTheRootIsAnOrdinaryFile() throws IOException {
    Path project = project();
    Path lib = Files.createDirectories(project.resolve("lib"));
    Files.writeString(lib.resolve("common.ecs"), "let replicas = 2\n");
    Files.createSymbolicLink(project.resolve("common.ecs"), lib.resolve("common.ecs"));
    Compiler.Result r = Compiler.compile(new Compiler.Options(List.of(project), project, List.of(), List.of(), null, null));
    assertTrue(r.ok(), () -> TestProjects.render(r.diagnostics(), project));
  }
}
