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
  /** Where reports go: the check's {@link Diagnostics}, or one chunk's list of them ({@link ItemChecks}). */
  private final java.util.function.Consumer<Diagnostic> sink;
  private final Rule rule;
  /** True for a per-item rule on one item ({@link #forOneItem}). */
  private final boolean oneItem;

  public RuleContext(EcsModel model, Diagnostics diagnostics, Rule rule) {
    this(model, new ModelIndex(model), diagnostics, rule);
  }

  public RuleContext(EcsModel model, ModelIndex index, Diagnostics diagnostics, Rule rule) {
    this(model, index, diagnostics::add, rule, false);
  }

  private RuleContext(EcsModel model, ModelIndex index, java.util.function.Consumer<Diagnostic> sink, Rule rule,
      boolean oneItem) {
    this.model = model;
    this.index = index;
    this.sink = sink;
    this.rule = rule;
    this.oneItem = oneItem;
  }

  /**
   * The context of a per-item rule checking one item: it may read only that item's view, since
   * {@link CleanItems} skips an item whose view did not change. Reading the model or its index
   * here is a mistake that would make an editor miss findings, so it fails every rule test.
   */
  static RuleContext forOneItem(EcsModel model, ModelIndex index, java.util.function.Consumer<Diagnostic> sink, Rule rule) {
    return new RuleContext(model, index, sink, rule, true);
  }

  private void wholeModelRead(String what) {
    if (oneItem) {
      throw new IllegalStateException(rule.code() + " reads " + what + " while checking one item: a per-item rule ("
          + "PerTaskDefinition, PerService) may read only the item's view, or CleanItems would skip it wrongly; make it "
          + "a whole-model rule instead");
    }
  }

  public EcsModel model() {
    wholeModelRead("the model");
    return model;
  }

  public ModelIndex index() {
    wholeModelRead("the model's index");
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

  /**
   * Reports at characters [start, end) of the string {@code value} at {@code pointer}, when the
   * field's source shows that string as one plain literal ({@code "…"}, no escapes or
   * interpolation), so each character is where it is written; otherwise at the field, as
   * {@link #report} does.
   */
  public Diagnostic reportWithin(Resource resource, ApiRequest request, String pointer, String value, int start, int end,
      String message, String hint) {
    return add(new Diagnostic(rule.severity(), rule.code(), message, within(spanOf(resource, request, pointer), value,
        start, end), resource.address(), hint, List.of()));
  }

  /** A reporter for the fields of one request, for checks shared between rules. */
  public Reporter reporter(Resource resource, ApiRequest request) {
    return new Reporter() {
      @Override
      public void report(String pointer, String message, String hint) {
        RuleContext.this.report(resource, request, pointer, message, hint);
      }

      @Override
      public void reportWithin(String pointer, String value, int start, int end, String message, String hint) {
        RuleContext.this.reportWithin(resource, request, pointer, value, start, end, message, hint);
      }
    };
  }

  /**
   * The characters value[start, end) inside {@code field} (e.g. {@code expression = "…"}), when
   * the field's text holds {@code value} as a plain literal exactly once; else the field. An empty
   * part widens to one character.
   */
  static Span within(Span field, String value, int start, int end) {
    if (field.isNone() || start < 0 || end > value.length() || start > end) {
      return field;
    }
    String text = field.text();
    String literal = '"' + value + '"';
    int at = text.indexOf(literal);
    if (at < 0 || text.indexOf(literal, at + 1) >= 0) {
      return field;
    }
    int from = field.start() + at + 1 + start;
    return new Span(field.file(), from, Math.max(from + 1, field.start() + at + 1 + end));
  }

  private Diagnostic add(Diagnostic d) {
    sink.accept(d);
    return d;
  }

  private static Span spanOf(Resource resource, ApiRequest request, String pointer) {
    Span span = request.spans().at(pointer);
    return span == null || span.isNone() ? resource.span() : span;
  }
}
