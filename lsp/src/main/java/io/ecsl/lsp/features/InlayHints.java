package io.ecsl.lsp.features;

import io.ecsl.ast.Expr;
import io.ecsl.ast.Item;
import io.ecsl.ast.Node;
import io.ecsl.ast.SourceUnit;
import io.ecsl.eval.Unit;
import io.ecsl.lower.Vocabulary;
import io.ecsl.lsp.Locations;
import io.ecsl.lsp.index.Ast;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.InlayHint;
import org.eclipse.lsp4j.InlayHintKind;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * Inlay hints: after a quantity written for an attribute, the number the API gets
 * ({@code memory = 1 GiB} shows {@code 1024}, {@code cpu = 0.5 vcpu} shows {@code 512},
 * {@code grace_period = 2m} shows {@code 120}); nothing when the written number already is it.
 */
final class InlayHints {
  private InlayHints() {}

  static List<InlayHint> of(SourceUnit unit, Range range, Features.Request r) {
    List<InlayHint> out = new ArrayList<>();
    if (unit == null) {
      return out;
    }
    int from = range == null ? 0 : r.offset(range.getStart());
    int to = range == null ? Integer.MAX_VALUE : r.offset(range.getEnd());
    Ast.walk(unit.items(), n -> {
      if (n instanceof Expr.QuantityLit q && q.span().end() >= from && q.span().start() <= to) {
        InlayHint hint = hint(unit, q);
        if (hint != null) {
          out.add(hint);
        }
      }
    });
    return out;
  }

  private static InlayHint hint(SourceUnit unit, Expr.QuantityLit q) {
    List<Node> path = Ast.path(unit.items(), q.span().start());
    Item.Entry entry = Ast.innermost(path, Item.Entry.class);
    if (entry == null || entry.value() != q && !(entry.value() instanceof Expr.ObjectLit)) {
      return null; // only a quantity that is the attribute's whole value maps to one number
    }
    Vocabulary.Attribute a = Blocks.attributeOf(path);
    Unit unitWritten = Unit.parse(q.unit());
    if (a == null || a.unit() == null || unitWritten == null || unitWritten.dimension() != a.unit().dimension()
        || unitWritten == a.unit()) {
      return null;
    }
    BigDecimal api = q.amount().decimal().multiply(unitWritten.toBase()).divide(a.unit().toBase(), MathContext.DECIMAL64)
        .stripTrailingZeros();
    InlayHint hint = new InlayHint(Locations.position(q.span().file(), q.span().end()),
        Either.forLeft("= " + api.toPlainString()));
    hint.setKind(InlayHintKind.Type);
    hint.setPaddingLeft(true);
    hint.setTooltip(a.name() + " in the API: " + api.toPlainString() + " " + Hovers.unitWord(a.unit()));
    return hint;
  }
}
