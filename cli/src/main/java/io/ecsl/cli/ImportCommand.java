package io.ecsl.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.diag.DiagnosticJson;
import io.ecsl.emit.Json;
import io.ecsl.importer.ImportedResource;
import io.ecsl.importer.Importer;
import io.ecsl.source.SourceFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ecsl import}: existing ECS JSON in, idiomatic {@code .ecs} source out. */
@Command(name = "import", mixinStandardHelpOptions = true,
    description = {"Turn existing ECS JSON into .ecs source.",
        "Reads task definitions (RegisterTaskDefinition input or DescribeTaskDefinition output), services"
            + " (CreateService/UpdateService input, DescribeServices output), clusters and capacity providers"
            + " (Create/Describe), and target groups, load balancers, listeners and rules (aws elbv2 describe-…"
            + " output), referring to each other by name. Unknown members are reported and dropped; invalid values are errors at their"
            + " JSON line and column; the ECS rules run on what was imported.",
        "Without --out the source is printed; with --out DIR each FILE.json becomes DIR/FILE.ecs.",
        "Exit status: 0 imported (warnings allowed), 1 errors."})
final class ImportCommand implements Callable<Integer> {
  @Parameters(paramLabel = "FILE", arity = "1..*", description = "JSON documents to import.")
  List<Path> files;

  @Option(names = "--out", paramLabel = "DIR", description = "Write one .ecs file per input into DIR (created if missing).")
  Path out;

  @Option(names = "--force", description = "With --out, overwrite .ecs files that exist and differ (by default nothing is written then).")
  boolean force;

  @Option(names = "--format", defaultValue = "text",
      description = "text (source on stdout, diagnostics on stderr) or json (one JSON document on stdout).")
  OutputFormat format;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    var stdout = spec.commandLine().getOut();
    var stderr = spec.commandLine().getErr();
    Importer.Result result = Importer.importFiles(files);
    Map<Path, String> targets = result.sourceAvailable() && out != null ? targets(result) : Map.of();
    List<Path> clobbered = force ? List.of() : targets.entrySet().stream()
        .filter(t -> Files.exists(t.getKey()) && !t.getValue().equals(readOrNull(t.getKey()))).map(Map.Entry::getKey).toList();
    if (!clobbered.isEmpty()) {
      stderr.println("ecsl: import would overwrite " + join(clobbered) + ", which "
          + (clobbered.size() == 1 ? "exists and differs" : "exist and differ") + "; nothing was written."
          + " Pass --force to overwrite, or choose another --out directory.");
      return ExitCodes.ERROR;
    }
    List<Path> written = write(targets);
    if (format == OutputFormat.json) {
      stdout.print(Json.pretty(json(result, written)));
      stdout.flush();
      return result.ok() ? ExitCodes.OK : ExitCodes.ERROR;
    }
    DiagnosticPrinter.print(result.diagnostics(), format, stdout, stderr, Terminal.colorEnabled(System.err));
    if (out == null && result.sourceAvailable()) {
      stdout.print(result.source());
      stdout.flush();
    }
    int count = result.files().values().stream().mapToInt(List::size).sum();
    if (!result.ok()) {
      stderr.println("import failed: " + DiagnosticPrinter.counts(result.diagnostics())
          + (written.isEmpty() ? "" : " (source written anyway, to fix in .ecs: " + join(written) + ")"));
      return ExitCodes.ERROR;
    }
    stderr.println("imported " + count + " resource" + (count == 1 ? "" : "s") + " from " + files.size() + " file"
        + (files.size() == 1 ? "" : "s") + (written.isEmpty() ? "" : " into " + join(written))
        + (result.diagnostics().warningCount() > 0 ? ", " + DiagnosticPrinter.counts(result.diagnostics()) : ""));
    return ExitCodes.OK;
  }

  /** One {@code NAME.ecs} per input, with its source; inputs with the same file name get {@code NAME-2.ecs}, … */
  private Map<Path, String> targets(Importer.Result result) {
    Map<Path, String> targets = new java.util.LinkedHashMap<>();
    Set<String> used = new HashSet<>();
    for (Map.Entry<SourceFile, List<ImportedResource>> e : result.files().entrySet()) {
      if (e.getValue().isEmpty()) {
        continue;
      }
      String stem = stem(e.getKey());
      String name = stem + ".ecs";
      for (int n = 2; !used.add(name); n++) {
        name = stem + "-" + n + ".ecs";
      }
      targets.put(out.resolve(name), result.source(e.getKey()));
    }
    return targets;
  }

  private List<Path> write(Map<Path, String> targets) throws IOException {
    if (targets.isEmpty()) {
      return List.of();
    }
    Files.createDirectories(out);
    List<Path> written = new ArrayList<>();
    for (Map.Entry<Path, String> t : targets.entrySet()) {
      Files.writeString(t.getKey(), t.getValue(), StandardCharsets.UTF_8);
      written.add(t.getKey());
    }
    return written;
  }

  private static String readOrNull(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return null;
    }
  }

  private static String stem(SourceFile file) {
    String name = file.path() != null ? file.path().getFileName().toString() : file.displayName();
    return name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
  }

  private static String join(List<Path> paths) {
    return String.join(", ", paths.stream().map(Path::toString).toList());
  }

  private ObjectNode json(Importer.Result result, List<Path> written) {
    ObjectNode root = Json.mapper().createObjectNode();
    root.put("ok", result.ok());
    if (out == null && result.sourceAvailable()) {
      root.put("source", result.source());
    }
    ArrayNode files = root.putArray("written");
    written.forEach(p -> files.add(p.toString()));
    ArrayNode resources = root.putArray("resources");
    for (List<ImportedResource> list : result.files().values()) {
      for (ImportedResource r : list) {
        ObjectNode n = resources.addObject();
        n.put("kind", r.kind().word());
        n.put("name", r.name());
        if (r.cluster() != null) {
          n.put("cluster", r.cluster());
        }
        n.put("from", r.span().file().displayName());
        n.set("request", r.request());
      }
    }
    root.set("diagnostics", DiagnosticJson.toJson(result.diagnostics().sorted()).get("diagnostics"));
    return root;
  }
}
