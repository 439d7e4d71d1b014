package io.ecsl.eval;

import static io.ecsl.diag.LanguageCode.SET_TWICE;

import io.ecsl.diag.Diagnostic;
import io.ecsl.source.Span;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects the fields of a block or object literal. An explicit field overrides a "soft" one that
 * came from a spread or mixin, whatever their order; the same attribute written twice is an error.
 */
public final class ObjectSink implements BodySink {
  private final List<Value.Field> fields = new ArrayList<>();

  @Override
  public void field(Value.Field field, Interpreter interpreter) {
    for (int i = 0; i < fields.size(); i++) {
      Value.Field existing = fields.get(i);
      if (!existing.key().equals(field.key()) || !existing.labels().equals(field.labels())) {
        continue;
      }
      if (field.labels().isEmpty() && field.block() && existing.block() && !field.soft() && !existing.soft()) {
        continue; // repeated unlabelled blocks (`load_balancer { … }` twice) form a list
      }
      if (existing.soft()) {
        fields.set(i, field);
        return;
      }
      if (field.soft()) {
        return;
      }
      String what = field.labels().isEmpty() ? "`" + field.key() + "`" : "`" + field.key() + " " + String.join(" ", field.labels()) + "`";
      interpreter.report(Diagnostic.error(SET_TWICE, field.keySpan(), what + " is set twice")
          .withLabel(existing.keySpan(), "first set here")
          .withHint(field.key().equals("port") && field.labels().isEmpty()
              ? "to give several ports, name them (`port http = 8080/tcp`) or list them (`port = [80/tcp, 443/tcp]`)"
              : "remove one of them"));
      return;
    }
    fields.add(field);
  }

  @Override
  public boolean acceptsDeclarations() {
    return false;
  }

  @Override
  public void declaration(Declaration declaration) {
    throw new IllegalStateException("object bodies do not take declarations");
  }

  public Value.Obj build(Span span) {
    return new Value.Obj(span, fields);
  }
}
