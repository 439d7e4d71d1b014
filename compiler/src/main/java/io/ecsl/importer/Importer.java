package io.ecsl.importer;

import static io.ecsl.diag.LanguageCode.IMPORT_TWICE;
import static io.ecsl.diag.LanguageCode.IMPORT_UNREADABLE;

import io.ecsl.ast.Item;
import io.ecsl.diag.Diagnostic;
import io.ecsl.diag.LanguageCode;
import io.ecsl.diag.Diagnostics;
import io.ecsl.fmt.Formatter;
import io.ecsl.model.ApiRequest;
import io.ecsl.model.EcsModel;
import io.ecsl.model.Resource;
import io.ecsl.model.TaskDefinitionRef;
import io.ecsl.rules.Rules;
import io.ecsl.source.SourceFile;
import io.ecsl.source.SourceFiles;
import io.ecsl.source.Span;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code ecsl import}: existing ECS JSON (task definitions, services, clusters, capacity providers,
 * as requests or Describe output; target groups, load balancers, listeners and their rules as
 * Elastic Load Balancing's Describe output) in, idiomatic {@code .ecs} source out. Every document is checked
 * against the ECS API model with diagnostics at JSON locations, then the ECS rules run on the
 * imported resources exactly as on a compiled project, so an import reports what a build would.
 */
public final class Importer {
  private Importer() {}

  /**
   * What an import produced.
   *
   * @param diagnostics every problem, at JSON locations
   * @param files the imported resources of each input, in input order
   * @param model the resources as a compiled model (for the rules and for {@code --format json})
   * @param converted true when every document was read and checked against the model without
   *     error, so the source says exactly what the JSON did (the ECS rules may still have failed)
   */
  public record Result(Diagnostics diagnostics, Map<SourceFile, List<ImportedResource>> files, EcsModel model,
      boolean converted) {
    public boolean ok() {
      return !diagnostics.hasErrors();
    }

    /** True when the source can be printed: it would build the same JSON, rule errors and all. */
    public boolean sourceAvailable() {
      return converted;
    }

    /** Every imported resource as one {@code .ecs} file. */
    public String source() {
      List<ImportedResource> all = new ArrayList<>();
      files.values().forEach(all::addAll);
      return format(all, declared(all));
    }

    /** The resources of one input as an {@code .ecs} file (references resolve across the whole import). */
    public String source(SourceFile input) {
      List<ImportedResource> all = new ArrayList<>();
      files.values().forEach(all::addAll);
      return format(files.getOrDefault(input, List.of()), declared(all));
    }
  }

  /** Reads and imports files from disk; an unreadable file is an error, not an exception. */
  public static Result importFiles(List<Path> paths) {
    Diagnostics diagnostics = new Diagnostics();
    List<SourceFile> sources = new ArrayList<>();
    for (Path p : paths) {
      try {
        sources.add(SourceFiles.read(p, p.toString()));
      } catch (SourceFiles.NotUtf8 e) {
        diagnostics.add(Diagnostic.error(LanguageCode.IMPORT_UNREADABLE, e.span(), e.describe()).withHint("save the file as UTF-8 (JSON is UTF-8)"));
      } catch (IOException | RuntimeException e) {
        diagnostics.add(Diagnostic.error(IMPORT_UNREADABLE, null, "cannot read " + p + ": " + e.getMessage())
            .withResource(p.toString()).withHint("check the path and that the file is UTF-8 text"));
      }
    }
    return importSources(sources, diagnostics);
  }

  public static Result importSources(List<SourceFile> sources) {
    return importSources(sources, new Diagnostics());
  }

  private static Result importSources(List<SourceFile> sources, Diagnostics diagnostics) {
    Map<SourceFile, List<ImportedResource>> files = new LinkedHashMap<>();
    DaemonImports daemons = new DaemonImports();
    for (SourceFile source : sources) {
      List<ImportedResource> resources = new ArrayList<>();
      JsonDocument doc = JsonDocument.parse(source, diagnostics);
      if (doc != null && !daemons.supplement(doc)) {
        RequestConverter converter = new RequestConverter(doc, diagnostics);
        for (DocumentShapes.Found found : DocumentShapes.recognize(doc, diagnostics)) {
          if (found.kind() == ImportKind.LISTENER_RULE && found.object().path("IsDefault").asBoolean(false)) {
            continue; // DescribeRules lists the listener's default actions as a rule: they are the listener's own
          }
          resources.add(converter.convert(found));
        }
      }
      files.put(source, resources);
    }
    ElbReferences.resolve(files, diagnostics);
    duplicates(files, diagnostics);
    daemons.pair(files, diagnostics);
    resolveTaskDefinitions(files);
    EcsModel model = model(files);
    boolean converted = !diagnostics.hasErrors();
    if (converted) {
      // Like the compiler: the rules need complete resources, so they run only on a clean import.
      Rules.check(model, diagnostics);
    }
    return new Result(diagnostics, files, model, converted);
  }

  /**
   * A service imported with the task definition it runs names it by family, so the source says
   * `task = web` and the cross-resource rules see both: DescribeServices gives the pinned ARN
   * (`arn:…:task-definition/web:7`), which is the imported definition when the revisions agree
   * (or the reference names no revision). A revision other than the imported one stays a string:
   * it is a registration the import does not describe.
   */
  private static void resolveTaskDefinitions(Map<SourceFile, List<ImportedResource>> files) {
    Map<String, ImportedResource> byFamily = new HashMap<>();
    files.values().forEach(list -> list.stream()
        .filter(r -> r.kind() == ImportKind.TASK_DEFINITION && r.name() != null)
        .forEach(r -> byFamily.putIfAbsent(r.name(), r)));
    for (List<ImportedResource> list : files.values()) {
      for (ImportedResource r : list) {
        if (r.kind() != ImportKind.SERVICE || !r.request().path("taskDefinition").isTextual()) {
          continue;
        }
        TaskDefinitionRef ref = TaskDefinitionRef.parse(r.request().get("taskDefinition").asText());
        ImportedResource task = ref == null ? null : byFamily.get(ref.family());
        if (task != null && (ref.revision() == null || ref.revision().equals(task.revision()))) {
          r.request().put("taskDefinition", ref.family());
        }
      }
    }
  }

  /** Two documents for the same resource would be one declaration twice in the source. */
  private static void duplicates(Map<SourceFile, List<ImportedResource>> files, Diagnostics diagnostics) {
    Map<String, Span> seen = new HashMap<>();
    for (List<ImportedResource> resources : files.values()) {
      for (ImportedResource r : resources) {
        if (r.name() == null) {
          continue;
        }
        Span previous = seen.putIfAbsent(r.kind() + " " + r.address(), r.span());
        if (previous != null) {
          diagnostics.add(Diagnostic.error(IMPORT_TWICE, r.span(), r.address() + " is imported twice")
              .withLabel(previous, "first imported here")
              .withHint("import one document per resource (a task definition family is one `task`)"));
        }
      }
    }
  }

  private static EcsModel model(Map<SourceFile, List<ImportedResource>> files) {
    List<Resource> resources = new ArrayList<>();
    String region = null;
    for (List<ImportedResource> list : files.values()) {
      for (ImportedResource r : list) {
        if (r.name() == null) {
          continue;
        }
        String file = r.kind().directory + (r.cluster() != null ? r.cluster() + "/" : "")
            + (r.kind() == ImportKind.SERVICE && r.cluster() == null ? "default/" : "")
            + r.name().replace(':', '-').replace('/', '_') + ".json";
        ApiRequest request = new ApiRequest(r.kind().service, r.kind().operation, r.request(), r.spans(), file);
        boolean inCluster = r.kind() == ImportKind.SERVICE || r.kind() == ImportKind.DAEMON;
        resources.add(new Resource(r.kind().resourceKind, r.name(), inCluster
            ? (r.cluster() != null ? r.cluster() : "default") : null, r.span(), List.of(request), Map.of()));
        region = region != null ? region : regionOf(r);
      }
    }
    resources.sort(Comparator.comparing(Resource::kind));
    return new EcsModel("imported", region != null ? region : "us-east-1", null, resources);
  }

  /** The region of the first ARN in the request, if any: rules that build ARNs use it. */
  private static String regionOf(ImportedResource r) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"arn:aws[a-z-]*:[a-z0-9-]+:([a-z]{2}(?:-[a-z]+)+-\\d):")
        .matcher(r.request().toString());
    return m.find() ? m.group(1) : null;
  }

  private static ServiceSource.Declared declared(List<ImportedResource> all) {
    Set<String> families = new HashSet<>();
    Set<String> clusters = new HashSet<>();
    Set<String> providers = new HashSet<>();
    Map<String, String> labels = new HashMap<>();
    Map<String, List<ImportedResource>> rules = new HashMap<>();
    for (ImportedResource r : all) {
      if (r.name() == null) {
        continue;
      }
      switch (r.kind()) {
        case TASK_DEFINITION -> families.add(r.name());
        case CLUSTER -> clusters.add(r.name());
        case CAPACITY_PROVIDER -> providers.add(r.name());
        case TARGET_GROUP, LOAD_BALANCER -> labels.put(io.ecsl.model.ArnPlaceholder.of(r.kind().resourceKind, r.name()),
            ElbSource.label(r.name()));
        case LISTENER_RULE -> rules.computeIfAbsent(r.request().path("ListenerArn").asText(), k -> new ArrayList<>()).add(r);
        default -> {}
      }
    }
    return new ServiceSource.Declared(families, clusters, providers, labels, rules, DaemonImports.definitions(all));
  }

  /** Declarations in dependency order (capacity providers, clusters, task definitions, services), formatted. */
  static String format(List<ImportedResource> resources, ServiceSource.Declared declared) {
    List<ImportedResource> sorted = new ArrayList<>(resources);
    sorted.removeIf(r -> r.name() == null);
    sorted.sort(Comparator.comparing((ImportedResource r) -> r.kind().resourceKind));
    List<Item> items = new ArrayList<>();
    for (ImportedResource r : sorted) {
      items.add(switch (r.kind()) {
        case TASK_DEFINITION -> TaskSource.declaration(r);
        case SERVICE -> ServiceSource.service(r, declared);
        case CLUSTER -> ServiceSource.cluster(r, declared);
        case CAPACITY_PROVIDER -> ServiceSource.capacityProvider(r, declared);
        case TARGET_GROUP -> ElbSource.targetGroup(r);
        case LOAD_BALANCER -> ElbSource.loadBalancer(r);
        case LISTENER -> ElbSource.listener(r, declared);
        case LISTENER_RULE -> null; // inside its listener
        case DAEMON_TASK_DEFINITION -> null; // inside its daemon
        case DISCOVERY_SERVICE -> DiscoverySource.declaration(r);
        case DAEMON -> DaemonSource.declaration(r, declared.daemonDefinitions().get(
            DaemonImports.family(r.request())), declared);
      });
    }
    items.removeIf(java.util.Objects::isNull);
    return items.isEmpty() ? "" : Formatter.format(items);
  }
}
