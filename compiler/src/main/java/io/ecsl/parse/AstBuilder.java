package io.ecsl.parse;

import io.ecsl.ast.Amount;
import io.ecsl.ast.Arg;
import io.ecsl.ast.Expr;
import io.ecsl.ast.Ident;
import io.ecsl.ast.Item;
import io.ecsl.ast.Operator;
import io.ecsl.ast.Param;
import io.ecsl.ast.StringPart;
import io.ecsl.ast.TypeRef;
import io.ecsl.grammar.EcslParser;
import io.ecsl.source.SourceFile;
import io.ecsl.source.Span;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;

/**
 * The only code that sees ANTLR parse trees: it turns them into immutable AST records with spans.
 * Lexical problems the grammar lets through (bad escapes, number overflow) are reported as
 * {@link SyntaxError}s with plain-words messages.
 */
final class AstBuilder {
  private static final Pattern QUANTITY = Pattern.compile("([0-9_]+(?:\\.[0-9_]+)?)[ \\t]*([A-Za-z%]+|%)");
  private static final Pattern PORT = Pattern.compile("([0-9_]+)(?:-([0-9_]+))?/(tcp|udp)");

  private final SourceFile file;

  AstBuilder(SourceFile file) {
    this.file = file;
  }

  private List<Item> items(List<EcslParser.ItemContext> contexts) {
    List<Item> out = new ArrayList<>(contexts.size());
    for (EcslParser.ItemContext c : contexts) {
      out.add(item(c));
    }
    return out;
  }

  Item item(EcslParser.ItemContext ctx) {
    Span span = span(ctx);
    return switch (ctx) {
      case EcslParser.ImportItemContext c ->
          new Item.Import(span, string(c.string()), c.ident() == null ? null : ident(c.ident()));
      case EcslParser.LetItemContext c ->
          new Item.Let(span, ident(c.ident()), c.typeRef() == null ? null : type(c.typeRef()), expr(c.expr()));
      case EcslParser.VarItemContext c ->
          new Item.Var(span, ident(c.ident()), c.typeRef() == null ? null : type(c.typeRef()),
              c.expr() == null ? null : expr(c.expr()));
      case EcslParser.TemplateItemContext c -> template(span, c);
      case EcslParser.ForItemContext c -> {
        boolean two = c.ident().size() == 2;
        yield new Item.For(span, two ? ident(c.ident(0)) : null, ident(c.ident(two ? 1 : 0)), expr(c.expr()),
            items(c.body().item()));
      }
      case EcslParser.IfItemContext c -> ifChain(c.ifChain());
      case EcslParser.SpreadItemContext c -> new Item.Spread(span, expr(c.expr()));
      case EcslParser.AttributeItemContext c -> new Item.Entry(span, key(c.key()), labels(c.label()),
          c.IN() == null ? null : expr(c.expr(0)), expr(c.expr(c.IN() == null ? 0 : 1)),
          c.body() == null ? null : items(c.body().item()), false, c.body() == null ? null : span(c.body()));
      case EcslParser.BlockItemContext c -> new Item.Entry(span, key(c.key()), labels(c.label()),
          c.expr() == null ? null : expr(c.expr()), null, items(c.body().item()), false, span(c.body()));
      case EcslParser.FromItemContext c ->
          new Item.Entry(span, key(c.key()), List.of(label(c.label())), null, expr(c.expr()), null, true, null);
      case EcslParser.CallItemContext c -> new Item.ExprStatement(span, new Expr.Call(span, qualified(c.qualifiedName()),
          args(c.args())));
      default -> throw new IllegalStateException("unknown item " + ctx.getClass().getSimpleName());
    };
  }

  private Expr qualified(EcslParser.QualifiedNameContext c) {
    Expr e = new Expr.Name(span(c.ident(0)), ident(c.ident(0)));
    for (int i = 1; i < c.ident().size(); i++) {
      e = new Expr.Member(span(c.ident(0)).to(span(c.ident(i))), e, ident(c.ident(i)));
    }
    return e;
  }

  private Item.Template template(Span span, EcslParser.TemplateItemContext c) {
    List<Param> params = new ArrayList<>();
    if (c.params() != null) {
      for (EcslParser.ParamContext p : c.params().param()) {
        params.add(new Param(span(p), ident(p.ident()), p.typeRef() == null ? null : type(p.typeRef()),
            p.expr() == null ? null : expr(p.expr())));
      }
    }
    TypeRef result = c.typeRef() == null ? null : type(c.typeRef());
    if (c.body() != null) {
      return new Item.Template(span, ident(c.ident()), params, result, items(c.body().item()), null);
    }
    return new Item.Template(span, ident(c.ident()), params, result, null, expr(c.expr()));
  }

  private Item.If ifChain(EcslParser.IfChainContext c) {
    List<Item> otherwise = null;
    if (c.ifChain() != null) {
      otherwise = List.of(ifChain(c.ifChain()));
    } else if (c.body().size() > 1) {
      otherwise = items(c.body(1).item());
    }
    return new Item.If(span(c), expr(c.expr()), items(c.body(0).item()), otherwise);
  }

  private Item.Key key(EcslParser.KeyContext c) {
    return c.ident() != null ? new Item.Key(span(c), ident(c.ident()), null) : new Item.Key(span(c), null, string(c.string()));
  }

  private List<Item.Label> labels(List<EcslParser.LabelContext> contexts) {
    List<Item.Label> out = new ArrayList<>(contexts.size());
    for (EcslParser.LabelContext c : contexts) {
      out.add(label(c));
    }
    return out;
  }

  private Item.Label label(EcslParser.LabelContext c) {
    return c.labelIdent() != null ? new Item.Label(span(c), new Ident(span(c.labelIdent()), c.labelIdent().getText()), null)
        : new Item.Label(span(c), null, string(c.string()));
  }

  private TypeRef type(EcslParser.TypeRefContext ctx) {
    return switch (ctx) {
      case EcslParser.NamedTypeContext c ->
          new TypeRef(span(c), c.ident().getText(), c.typeRef() == null ? null : type(c.typeRef()));
      case EcslParser.ListTypeContext c -> new TypeRef(span(c), "list", type(c.typeRef()));
      default -> throw new IllegalStateException();
    };
  }

  private Ident ident(EcslParser.IdentContext c) {
    return new Ident(span(c), c.getText());
  }

  Expr expr(EcslParser.ExprContext ctx) {
    Span span = span(ctx);
    return switch (ctx) {
      case EcslParser.PrimaryExprContext c -> primary(c.primary());
      case EcslParser.MemberExprContext c -> new Expr.Member(span, expr(c.expr()), ident(c.ident()));
      case EcslParser.IndexExprContext c -> new Expr.Index(span, expr(c.expr(0)), expr(c.expr(1)));
      case EcslParser.CallExprContext c -> new Expr.Call(span, expr(c.expr()), args(c.args()));
      case EcslParser.UnaryExprContext c -> new Expr.Unary(span, Operator.unary(c.op.getText()), expr(c.expr()));
      case EcslParser.MulExprContext c -> binary(span, c.op, c.expr(0), c.expr(1));
      case EcslParser.AddExprContext c -> binary(span, c.op, c.expr(0), c.expr(1));
      case EcslParser.CompareExprContext c -> binary(span, c.op, c.expr(0), c.expr(1));
      case EcslParser.EqualityExprContext c -> binary(span, c.op, c.expr(0), c.expr(1));
      case EcslParser.AndExprContext c -> binary(span, c.op, c.expr(0), c.expr(1));
      case EcslParser.OrExprContext c -> binary(span, c.op, c.expr(0), c.expr(1));
      case EcslParser.CondExprContext c -> new Expr.Conditional(span, expr(c.expr(0)), expr(c.expr(1)), expr(c.expr(2)));
      default -> throw new IllegalStateException("unknown expression " + ctx.getClass().getSimpleName());
    };
  }

  /** `and`/`or`/`not` are spelled-out forms of `&&`/`||`/`!`: one {@link Operator} each. */
  private Expr binary(Span span, Token op, EcslParser.ExprContext l, EcslParser.ExprContext r) {
    return new Expr.Binary(span, Operator.binary(op.getText()), expr(l), expr(r));
  }

  private List<Arg> args(EcslParser.ArgsContext c) {
    List<Arg> out = new ArrayList<>();
    if (c == null) {
      return out;
    }
    for (EcslParser.ArgContext a : c.arg()) {
      out.add(new Arg(span(a), a.ident() == null ? null : ident(a.ident()), expr(a.expr())));
    }
    return out;
  }

  private Expr primary(EcslParser.PrimaryContext ctx) {
    Span span = span(ctx);
    return switch (ctx) {
      case EcslParser.IntLitContext c -> new Expr.IntLit(span, parseLong(c.INT().getSymbol()));
      case EcslParser.DecimalLitContext c -> new Expr.DecimalLit(span, decimal(span, c.getText()));
      case EcslParser.QuantityLitContext c -> quantity(span, c.getText());
      case EcslParser.PortLitContext c -> port(span, c.getText());
      case EcslParser.TrueLitContext c -> new Expr.BoolLit(span, true);
      case EcslParser.FalseLitContext c -> new Expr.BoolLit(span, false);
      case EcslParser.NullLitContext c -> new Expr.NullLit(span);
      case EcslParser.StringLitContext c -> string(c.string());
      case EcslParser.NameRefContext c -> new Expr.Name(span, ident(c.ident()));
      case EcslParser.ParenExprContext c -> expr(c.expr());
      case EcslParser.ListComprehensionContext c -> {
        boolean two = c.ident().size() == 2;
        yield new Expr.ListComprehension(span, two ? ident(c.ident(0)) : null, ident(c.ident(two ? 1 : 0)),
            expr(c.expr(0)), expr(c.expr(1)), c.expr().size() > 2 ? expr(c.expr(2)) : null);
      }
      case EcslParser.ListLitContext c -> {
        List<Expr> elements = new ArrayList<>();
        for (EcslParser.ElementContext e : c.element()) {
          elements.add(element(e));
        }
        yield new Expr.ListLit(span, elements);
      }
      case EcslParser.ObjectLitContext c -> new Expr.ObjectLit(span, items(c.item()));
      default -> throw new IllegalStateException("unknown primary " + ctx.getClass().getSimpleName());
    };
  }

  private Expr element(EcslParser.ElementContext c) {
    Expr value = expr(c.expr());
    if (c.modifier().isEmpty()) {
      return value;
    }
    Expr base = null;
    Expr weight = null;
    for (EcslParser.ModifierContext m : c.modifier()) {
      if (m.BASE() != null) {
        if (base != null) {
          throw new SyntaxError(span(m), "`base` is given twice for this capacity provider", "keep one `base`");
        }
        base = expr(m.expr());
      } else {
        if (weight != null) {
          throw new SyntaxError(span(m), "`weight` is given twice for this capacity provider", "keep one `weight`");
        }
        weight = expr(m.expr());
      }
    }
    return new Expr.StrategyItem(span(c), value, base, weight);
  }

  private Expr quantity(Span span, String text) {
    Matcher m = QUANTITY.matcher(text);
    if (!m.matches()) {
      throw new SyntaxError(span, "malformed quantity `" + text + "`", null);
    }
    return new Expr.QuantityLit(span, Amount.parse(digits(span, m.group(1))), m.group(2));
  }

  /** {@code 1_000.5}; reading a number of millions of digits would take minutes. */
  private static BigDecimal decimal(Span span, String text) {
    return new BigDecimal(digits(span, text));
  }

  /** The digits of a number literal without its underscores, at most MAX_DIGITS each side of the point. */
  private static String digits(Span span, String text) {
    String digits = text.replace("_", "");
    int point = digits.indexOf('.');
    if (Math.max(point < 0 ? digits.length() : point, point < 0 ? 0 : digits.length() - point - 1)
        > Expr.DecimalLit.MAX_DIGITS) {
      throw new SyntaxError(span, "this number has more than " + Expr.DecimalLit.MAX_DIGITS
          + " digits before or after the decimal point", "write a number of at most " + Expr.DecimalLit.MAX_DIGITS
          + " digits on each side of the point");
    }
    return digits;
  }

  private Expr port(Span span, String text) {
    Matcher m = PORT.matcher(text);
    if (!m.matches()) {
      throw new SyntaxError(span, "malformed port `" + text + "`", null);
    }
    int from = parsePort(span, m.group(1));
    int to = m.group(2) == null ? 0 : parsePort(span, m.group(2));
    return new Expr.PortLit(span, from, to, m.group(3));
  }

  private static int parsePort(Span span, String digits) {
    String clean = digits.replace("_", "");
    if (clean.length() > 6) {
      throw new SyntaxError(span, "port `" + digits + "` is out of range", "ports are 1 to 65535");
    }
    return Integer.parseInt(clean);
  }

  private long parseLong(Token t) {
    String clean = t.getText().replace("_", "");
    try {
      return Long.parseLong(clean);
    } catch (NumberFormatException e) {
      throw new SyntaxError(span(t), "number `" + t.getText() + "` is too large", "integers are 64-bit");
    }
  }

  // ------------------------------------------------------------------------------------ strings

  Expr.StringLit string(EcslParser.StringContext ctx) {
    Span span = span(ctx);
    if (ctx instanceof EcslParser.SimpleStringContext c) {
      List<StringPart> parts = new ArrayList<>();
      StringBuilder text = new StringBuilder();
      int textStart = -1;
      for (EcslParser.StringPartContext p : c.stringPart()) {
        if (p instanceof EcslParser.StrInterpContext i) {
          flush(parts, text, textStart, p.start.getStartIndex());
          textStart = -1;
          parts.add(new StringPart.Interpolation(span(i), expr(i.expr())));
          continue;
        }
        if (textStart < 0) {
          textStart = p.start.getStartIndex();
        }
        if (p instanceof EcslParser.StrEscapeContext e) {
          text.append(escape(e.STR_ESCAPE().getSymbol()));
        } else {
          text.append(p.getText());
        }
      }
      flush(parts, text, textStart, c.CLOSE_STRING().getSymbol().getStartIndex());
      return new Expr.StringLit(span, parts, false);
    }
    EcslParser.MultiLineStringContext c = (EcslParser.MultiLineStringContext) ctx;
    List<MultiLineStrings.Piece> pieces = new ArrayList<>();
    for (EcslParser.MlStringPartContext p : c.mlStringPart()) {
      if (p instanceof EcslParser.MlInterpContext i) {
        pieces.add(MultiLineStrings.Piece.interpolation(new StringPart.Interpolation(span(i), expr(i.expr()))));
      } else if (p instanceof EcslParser.MlEscapeContext e) {
        pieces.add(MultiLineStrings.Piece.escaped(escape(e.ML_ESCAPE().getSymbol()), span(p)));
      } else {
        pieces.add(MultiLineStrings.Piece.text(p.getText(), span(p)));
      }
    }
    return new Expr.StringLit(span, MultiLineStrings.dedent(pieces, span), true);
  }

  private void flush(List<StringPart> parts, StringBuilder text, int start, int end) {
    if (!text.isEmpty()) {
      parts.add(new StringPart.Text(new Span(file, start, end), text.toString()));
      text.setLength(0);
    }
  }

  private String escape(Token t) {
    String s = t.getText();
    char c = s.charAt(1);
    return switch (c) {
      case 'n' -> "\n";
      case 't' -> "\t";
      case 'r' -> "\r";
      case '\\' -> "\\";
      case '"' -> "\"";
      case '$' -> "$";
      case '\n' -> "";
      default -> throw new SyntaxError(span(t), "unknown escape `" + s + "` in string",
          "the escapes are \\n \\t \\r \\\\ \\\" and \\$ (write \\${ for a literal ${)");
    };
  }

  // ------------------------------------------------------------------------------------ spans

  private Span span(ParserRuleContext ctx) {
    Token stop = ctx.stop != null && ctx.stop.getStopIndex() >= ctx.start.getStartIndex() ? ctx.stop : ctx.start;
    return new Span(file, ctx.start.getStartIndex(), stop.getStopIndex() + 1);
  }

  private Span span(Token t) {
    return new Span(file, t.getStartIndex(), t.getStopIndex() + 1);
  }
}
