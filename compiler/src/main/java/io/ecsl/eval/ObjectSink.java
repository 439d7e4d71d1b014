package io.ecsl.eval;

import static io.ecsl.diag.LanguageCode.SET_TWICE;

import io.ecsl.diag.Diagnostic;
import io.ecsl.source.Span;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects the fields of a block or object literal. An explicit field overrides a "soft" one that
 * came from a spread or mixin, whatever their order, except that a block written in place amends
 * the mixin's block of the same name ({@code container app { env { … } }} keeps the mixin's image);
 * the same attribute written twice is an error.
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
      if (existing.soft() != field.soft() && amends(existing.soft() ? field : existing, existing.soft() ? existing : field)) {
        fields.set(i, amended(existing.soft() ? existing : field, existing.soft() ? field : existing, interpreter));
        return;
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

  /**
   * True when {@code own}, a block written in place ({@code container app { … }}), amends the
   * object {@code mixed} that a mixin or spread gave the same key and labels, rather than
   * replacing it. An assignment ({@code container app = …}) replaces.
   */
  private static boolean amends(Value.Field own, Value.Field mixed) {
    return own.block() && own.value() instanceof Value.Obj && mixed.value() instanceof Value.Obj;
  }

  /** The mixin's object with the block's entries over it, nested blocks amended the same way. */
  private static Value.Field amended(Value.Field mixed, Value.Field own, Interpreter interpreter) {
    ObjectSink sink = new ObjectSink();
    for (Value.Field f : ((Value.Obj) mixed.value()).fields()) {
      sink.field(new Value.Field(f.key(), f.labels(), f.value(), f.keySpan(), f.valueSpan(), f.in(), true, f.block()), interpreter);
    }
    for (Value.Field f : ((Value.Obj) own.value()).fields()) {
      sink.field(f, interpreter);
    }
    Value merged = sink.build(own.value().span());
    return new Value.Field(own.key(), own.labels(), merged, own.keySpan(), own.valueSpan(), own.in(), false, true);
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
