package io.ecsl.lsp.features;

import io.ecsl.ast.Expr;
import io.ecsl.ast.Item;
import io.ecsl.ast.SourceUnit;
import io.ecsl.lsp.index.Ast;
import io.ecsl.source.Span;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.FoldingRange;

/** Folding ranges: every block, template, loop, condition, object and list over several lines. */
final class Folding {
  private Folding() {}

  static List<FoldingRange> of(SourceUnit unit) {
    List<FoldingRange> out = new ArrayList<>();
    if (unit == null) {
      return out;
    }
    Ast.walk(unit.items(), n -> {
      Span s = switch (n) {
        case Item.Entry e when e.bodySpan() != null -> e.bodySpan();
        case Item.Template t -> t.span();
        case Item.For f -> f.span();
        case Item.If i -> i.span();
        case Expr.ObjectLit o -> o.span();
        case Expr.ListLit l -> l.span();
        case Expr.StringLit str when str.multiLine() -> str.span();
        default -> null;
      };
      if (s != null && s.line() < s.endLine()) {
        out.add(new FoldingRange(s.line() - 1, s.endLine() - 1));
      }
    });
    return out;
  }
}
