package io.ecsl.importer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.model.SpanIndex;
import io.ecsl.source.Span;

/**
 * One resource read from JSON, as the API request that creates it.
 *
 * @param name its AWS name (family, service name, cluster name, capacity provider name)
 * @param cluster a service's cluster name, or null (the default cluster)
 * @param request the request JSON, members in API-model order, order-insensitive lists sorted
 * @param spans request pointer → where in the JSON the value came from
 * @param span the resource's object in the JSON
 * @param revision a task definition's revision, when the JSON is Describe output that says it; else null
 * @param arn an Elastic Load Balancing resource's ARN, when Describe output gives it (other resources
 *     refer to it by this ARN); else null
 */
public record ImportedResource(ImportKind kind, String name, String cluster, ObjectNode request, SpanIndex spans,
    Span span, Integer revision, String arn) {

  ImportedResource(ImportKind kind, String name, String cluster, ObjectNode request, SpanIndex spans, Span span,
      Integer revision) {
    this(kind, name, cluster, request, spans, span, revision, null);
  }

  /** The same resource under another name (a rule, once its listener is known). */
  ImportedResource named(String newName) {
    return new ImportedResource(kind, newName, cluster, request, spans, span, revision, arn);
  }

  /** {@code service prod/web}, as messages name it. */
  public String address() {
    return kind.word() + " " + (cluster != null ? cluster + "/" + name : name);
  }
}
