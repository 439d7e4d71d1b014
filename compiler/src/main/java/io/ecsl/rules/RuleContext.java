package io.ecsl.rules;

import io.ecsl.diag.Diagnostic;
import io.ecsl.diag.Diagnostics;
import io.ecsl.model.ApiRequest;
import io.ecsl.model.EcsModel;
import io.ecsl.model.Resource;
import io.ecsl.source.Span;
import java.util.List;

/**
 * What a rule sees: the whole model, an index of it (built once per run and shared by every
 * rule), and a way to report at a field of a request. The span comes from the request's
 * {@link io.ecsl.model.SpanIndex}: the field itself, else its nearest ancestor, else the resource.
 */
public final class RuleContext {
  private final EcsModel model;
  private final ModelIndex index;
  private final Diagnostics diagnostics;
  private final Rule rule;

  public RuleContext(EcsModel model, Diagnostics diagnostics, Rule rule) {
    this(model, new ModelIndex(model), diagnostics, rule);
  }

  public RuleContext(EcsModel model, ModelIndex index, Diagnostics diagnostics, Rule rule) {
    this.model = model;
    this.index = index;
    this.diagnostics = diagnostics;
    this.rule = rule;
  }

  public EcsModel model() {
    return model;
  }

  public ModelIndex index() {
    return index;
  }

  /** Reports at the field {@code pointer} of {@code request} (or its nearest ancestor that has a span). */
  public Diagnostic report(Resource resource, ApiRequest request, String pointer, String message, String hint) {
    return add(new Diagnostic(rule.severity(), rule.code(), message, spanOf(resource, request, pointer),
        resource.address(), hint, List.of()));
  }

  /**
   * Reports like {@link #report(Resource, ApiRequest, String, String, String)} with a second
   * location, e.g. the task definition a service refers to ("declared here").
   */
  public Diagnostic report(Resource resource, ApiRequest request, String pointer, String message, String hint,
      Span labelSpan, String labelMessage) {
    Diagnostic d = new Diagnostic(rule.severity(), rule.code(), message, spanOf(resource, request, pointer),
        resource.address(), hint, List.of());
    if (labelSpan != null && !labelSpan.equals(d.span())) {
      d = d.withLabel(labelSpan, labelMessage);
    }
    return add(d);
  }

  /** Reports at the primary request of a resource. */
  public Diagnostic report(Resource resource, String pointer, String message, String hint) {
    return report(resource, resource.primary(), pointer, message, hint);
  }

  private Diagnostic add(Diagnostic d) {
    diagnostics.add(d);
    return d;
  }

  private static Span spanOf(Resource resource, ApiRequest request, String pointer) {
    Span span = request.spans().at(pointer);
    return span == null || span.isNone() ? resource.span() : span;
  }
}
