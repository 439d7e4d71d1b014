package io.ecsl.rules;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.diag.Diagnostic;
import io.ecsl.diag.Diagnostics;
import io.ecsl.model.ApiRequest;
import io.ecsl.model.EcsModel;
import io.ecsl.model.Resource;
import io.ecsl.model.ResourceKind;
import io.ecsl.model.SpanIndex;
import io.ecsl.source.SourceFile;
import io.ecsl.source.Span;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Models built the way an importer builds them from existing JSON: requests as found, and a span
 * index that knows only the whole document (no .ecs source behind it).
 */
final class JsonModels {
  private static final ObjectMapper JSON = new ObjectMapper();

  private JsonModels() {}

  static ObjectNode parse(String json) {
    try {
      return (ObjectNode) JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A resource whose only span is the whole document {@code file}. */
  static Resource resource(ResourceKind kind, String file, String json) {
    ObjectNode body = parse(json);
    SourceFile source = SourceFile.of(file, json);
    Span span = new Span(source, 0, Math.min(1, json.length()));
    String operation = switch (kind) {
      case TASK_DEFINITION -> "RegisterTaskDefinition";
      case SERVICE -> "CreateService";
      case CLUSTER -> "CreateCluster";
      case CAPACITY_PROVIDER -> "CreateCapacityProvider";
      default -> throw new IllegalArgumentException(kind.toString());
    };
    String name = switch (kind) {
      case TASK_DEFINITION -> body.path("family").asText("imported");
      case SERVICE -> body.path("serviceName").asText("imported");
      case CLUSTER -> body.path("clusterName").asText("default");
      default -> body.path("name").asText("imported");
    };
    String cluster = kind == ResourceKind.SERVICE ? body.path("cluster").asText("default") : null;
    ApiRequest request = new ApiRequest("ecs", operation, body, new SpanIndex(span), file);
    return new Resource(kind, name, cluster, span, List.of(request), Map.of());
  }

  static Diagnostics check(Resource... resources) {
    Diagnostics d = new Diagnostics();
    Rules.check(new EcsModel("imported", "eu-west-1", "123456789012", List.of(resources)), d);
    return d;
  }

  /** {@code CODE message} per diagnostic, in order. */
  static List<String> lines(Diagnostics d) {
    List<String> out = new ArrayList<>();
    for (Diagnostic x : d.sorted()) {
      out.add(x.code() + " " + x.message());
    }
    return out;
  }

  static List<String> codes(Diagnostics d) {
    List<String> out = new ArrayList<>();
    for (Diagnostic x : d.sorted()) {
      out.add(x.code());
    }
    return out;
  }
}
