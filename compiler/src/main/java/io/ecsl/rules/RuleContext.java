package io.ecsl.rules;

import io.ecsl.diag.Diagnostic;
import io.ecsl.diag.Diagnostics;
import io.ecsl.diag.Severity;
import io.ecsl.model.ApiRequest;
import io.ecsl.model.EcsModel;
import io.ecsl.model.Resource;
import io.ecsl.source.Span;

/** What a rule sees: the whole model, and a way to report at a field of a request. */
public final class RuleContext {
  private final EcsModel model;
  private final Diagnostics diagnostics;
  private final Rule rule;

  public RuleContext(EcsModel model, Diagnostics diagnostics, Rule rule) {
    this.model = model;
    this.diagnostics = diagnostics;
    this.rule = rule;
  }

  public EcsModel model() {
    return model;
  }

  /** Reports at the field {@code pointer} of {@code request} (or its nearest ancestor that has a span). */
  public Diagnostic report(Resource resource, ApiRequest request, String pointer, String message, String hint) {
    Span span = request.spans().at(pointer);
    Severity severity = rule.code().startsWith("W") ? Severity.WARNING : Severity.ERROR;
    Diagnostic d = new Diagnostic(severity, rule.code(), message, span, resource.address(), hint, java.util.List.of());
    diagnostics.add(d);
    return d;
  }

  /** Reports at the primary request of a resource. */
  public Diagnostic report(Resource resource, String pointer, String message, String hint) {
    return report(resource, resource.primary(), pointer, message, hint);
  }
}
