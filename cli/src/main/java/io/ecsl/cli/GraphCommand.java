package io.ecsl.cli;

import io.ecsl.compile.Compiler;
import io.ecsl.graph.GraphRenderer;
import io.ecsl.graph.ResourceGraph;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ecsl graph}: the project's resources and their references, for documentation and reviews. */
@Command(name = "graph", mixinStandardHelpOptions = true,
    description = {"Draw the project's resources and how they refer to each other.",
        "Clusters with their services, task definitions with their containers (and their dependencies),",
        "capacity providers, namespaces, target groups, schedules and scaling. Mermaid renders in",
        "Markdown (GitHub, GitLab), DOT with Graphviz (`ecsl graph --format dot | dot -Tsvg > graph.svg`).",
        "Exit status: 0 drawn, 1 the project has errors (printed as `ecsl check` prints them)."})
final class GraphCommand implements Callable<Integer> {
  enum GraphFormat { mermaid, dot, json }

  @Mixin CompileOptions compile;

  @Option(names = "--format", defaultValue = "mermaid", description = "mermaid, dot or json (default: mermaid).")
  GraphFormat format;

  @Spec CommandSpec spec;

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
