package io.ecsl.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The workload the launcher trains the AOT cache on, in one JVM: every sample checked, built twice
 * (a build, then a rebuild over it, as most builds are), format-checked and drawn. The cache holds the classes this
 * loads, so a project using a feature the training touched (schedules, capacity providers, load
 * balancers, …) starts without reading classes from {@code ecsl.jar}, whose first read costs
 * ~20 ms for its 32,000-entry directory; and a check that fails does too.
 *
 * <p>Usage: {@code AotTraining SAMPLES_DIR OUT_DIR}. Output is discarded; failures are not this
 * run's concern (a sample that does not build still trains the classes it reached).
 */
public final class AotTraining {
  private AotTraining() {}

  public static void main(String[] args) throws IOException {
    Main.guardProcess(); // as every ecsl process does first, so that its classes are trained too
    train(Path.of(args[0]), Path.of(args[1]));
  }

  /** Checks, builds and rebuilds every project under {@code samples}, into {@code out}. */
  static void train(Path samples, Path out) throws IOException {
    List<Path> projects = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(samples)) {
      dirs.filter(Files::isDirectory).sorted().forEach(projects::add);
    }
    PrintStream sink = new PrintStream(OutputStream.nullOutputStream());
    for (Path project : projects) {
      String to = out.resolve(project.getFileName().toString()).toString();
      Main.run(sink, sink, "check", project.toString());
      Main.run(sink, sink, "build", project.toString(), "--out", to);
      Main.run(sink, sink, "build", project.toString(), "--out", to);
      Main.run(sink, sink, "fmt", "--check", project.toString());
      Main.run(sink, sink, "graph", project.toString());
    }
    // A check that fails, as most do while a file is being edited: diagnostics with their source
    // lines and a did-you-mean.
    Path broken = Files.createDirectories(out.resolve("aot-training-broken"));
    Files.writeString(broken.resolve("main.ecs"), """
        cluster main {}
        task web {
          container app { image = "registry.local/web:1.0.0" }
        }
        service web in main { task = wbe }
        """);
    Main.run(sink, sink, "check", broken.toString());
  }
}
