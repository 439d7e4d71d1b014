package io.ecsl.cli;

import io.ecsl.compile.Compiler;
import io.ecsl.graph.GraphRenderer;
import io.ecsl.graph.ResourceGraph;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code ecsl graph}: the project's resources and their references, for documentation and reviews.
 * Its picocli spec is built without annotations ({@link Specs}), as {@code check}'s is.
 */
final class GraphCommand implements Callable<Integer> {
  enum GraphFormat { mermaid, dot, json }

  final CompileOptions compile = new CompileOptions();
  GraphFormat format;
  CommandSpec spec;

  /** The command line of {@code ecsl graph}, with a fresh command behind it. */
  static CommandSpec spec() {
    GraphCommand command = new GraphCommand();
    CommandSpec spec = Specs.command(command, "graph",
        // each line within 80 columns: picocli wraps a longer one mid-sentence
        "Draw the project's resources and how they refer to each other.",
        "Clusters with their services, task definitions with their containers (and",
        "their dependencies), capacity providers, namespaces, target groups, schedules",
        "and scaling. Mermaid renders in Markdown (GitHub, GitLab), DOT with Graphviz:",
        "  ecsl graph --format dot | dot -Tsvg > graph.svg",
        "Exit status: 0 drawn, 1 the project has errors (printed as check prints them).");
    command.compile.addTo(spec);
    spec.addOption(Specs.option(GraphFormat.class, () -> command.format, v -> command.format = v, "--format")
        .paramLabel("<format>")  // picocli names it after the field when annotated
        .defaultValue("mermaid").description("mermaid, dot or json (default: mermaid).").build());
    command.spec = spec;
    return spec;
  }

  @Override
  public Integer call() {
    var out = spec.commandLine().getOut();
    var err = spec.commandLine().getErr();
    Compiler.Result result = Compiler.compile(compile.toOptions());
    DiagnosticPrinter.print(result.diagnostics(), OutputFormat.text, err, err, Terminal.colorEnabled(System.err));
    if (!result.ok()) {
      err.println("graph: the project has errors: " + DiagnosticPrinter.counts(result.diagnostics()));
      return ExitCodes.ERROR;
    }
    ResourceGraph graph = ResourceGraph.of(result.model());
    out.print(switch (format) {
      case mermaid -> GraphRenderer.mermaid(graph);
      case dot -> GraphRenderer.dot(graph);
      case json -> GraphRenderer.json(graph);
    });
    out.flush();
    return ExitCodes.OK;
  }
}
