package io.ecsl.fmt;

import io.ecsl.ast.Arg;
import io.ecsl.ast.Expr;
import io.ecsl.ast.Item;
import io.ecsl.ast.Operator;
import io.ecsl.ast.Param;
import io.ecsl.ast.SourceUnit;
import io.ecsl.ast.StringPart;
import io.ecsl.ast.TypeRef;
import io.ecsl.source.Span;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Prints an AST as canonical {@code .ecs} source: two-space indentation, one item per line, short
 * blocks and lists on one line when they fit, comments and single blank lines kept. Printing then
 * parsing gives back the same AST (tested on every golden input), and formatting is idempotent.
 */
public final class Formatter {
  private static final int WIDTH = 100;
  private static final Pattern IDENT = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*(-[a-zA-Z0-9_]+)*");
  private static final Set<String> KEYWORDS = Set.of("import", "let", "var", "template", "for", "in", "if", "else",
      "true", "false", "null", "and", "or", "not");

  private final Comments comments;
  private StringBuilder out = new StringBuilder();

  /**
   * Lists, calls and objects already printed, per place. Each is tried on one line and, when that
   * does not fit, printed again broken over lines; without this, every level of nesting doubled
   * the work (60 nested lists never finished).
   */
  private final Map<Expr, Map<Long, String>> printed;

  /**
   * Lists with comments in them, as first printed: comments are handed out once, in source order,
   * so a list printed again (at another column, or indentation) is this text, re-indented.
   */
  private final Map<Expr.ListLit, Printed> commentedLists;

  /** A list's text and the indentation it was printed at. */
  private record Printed(String text, int indent) {}

  private Formatter(Comments comments) {
    this(comments, new IdentityHashMap<>(), new IdentityHashMap<>());
  }

  private Formatter(Comments comments, Map<Expr, Map<Long, String>> printed, Map<Expr.ListLit, Printed> commentedLists) {
    this.comments = comments;
    this.printed = printed;
    this.commentedLists = commentedLists;
  }

  /** Formats a parsed file, keeping its comments. */
  public static String format(SourceUnit unit) {
    Formatter f = new Formatter(Comments.of(unit));
    f.items(unit.items(), 0, true);
    f.comments.remaining(f.out, 0);
    String text = f.out.toString().stripTrailing();
    return text.isEmpty() ? "" : text + "\n";
  }

  /** Formats items built in memory (e.g. by the importer), which have no comments. */
  public static String format(List<Item> items) {
    Formatter f = new Formatter(Comments.none());
    f.items(items, 0, true);
    return f.out.toString().stripTrailing() + "\n";
  }

  /** One expression on one line, for messages and for the importer's inline values. */
  public static String expression(Expr e) {
    return new Formatter(Comments.none()).expr(e, 0, 0);
  }

  // ------------------------------------------------------------------------------- items

  private void items(List<Item> items, int indent, boolean topLevel) {
    Item previous = null;
    boolean previousMultiLine = false;
    for (Item item : items) {
      boolean blank = previous != null && blankLineBetween(previous, item);
      // Each item is printed first, so that its size can decide the blank line above it.
      StringBuilder enclosing = out;
      out = new StringBuilder();
      comments.before(item.span(), out, indent);
      int itemStart = out.length();
      item(item, indent);
      boolean multiLine = out.indexOf("\n", itemStart) >= 0;  // the item itself, not the comments above it
      comments.trailing(item.span(), out);
      out.append('\n');
      String text = out.toString();
      out = enclosing;
      // At the top level, blocks of several lines stand apart, and so do blocks from plain items;
      // one-line blocks may stay together (`template small() { size(…) }` and its siblings).
      if (previous != null && (blank || topLevel && isBlockish(item) != isBlockish(previous)
          || topLevel && isBlockish(item) && isBlockish(previous) && (multiLine || previousMultiLine))) {
        out.append('\n');
      }
      out.append(text);
      previous = item;
      previousMultiLine = multiLine;
    }
  }

  private static boolean isBlockish(Item item) {
    return item instanceof Item.Entry e && e.isBlock() || item instanceof Item.Template || item instanceof Item.For
        || item instanceof Item.If;
  }

  private boolean blankLineBetween(Item a, Item b) {
    Span x = a.span();
    Span y = b.span();
    if (x.isNone() || y.isNone() || x.file() != y.file()) {
      return false;
    }
    // What counts is the gap before whatever comes next: the item, or the comments above it.
    int next = comments.firstStart(x.end(), y.start());
    String between = x.file().text().substring(Math.min(x.end(), next), next);
    return between.chars().filter(c -> c == '\n').count() >= 2;
  }

  private void item(Item item, int indent) {
    pad(indent);
    switch (item) {
      case Item.Import i -> {
        out.append("import ").append(string(i.path()));
        if (i.alias() != null) {
          out.append(" as ").append(i.alias().name());
        }
      }
      case Item.Let l -> {
        out.append("let ").append(l.name().name());
        if (l.type() != null) {
          out.append(": ").append(type(l.type()));
        }
        out.append(" = ").append(expr(l.value(), indent, 0, currentColumn()));
      }
      case Item.Var v -> {
        out.append("var ").append(v.name().name());
        if (v.type() != null) {
          out.append(": ").append(type(v.type()));
        }
        if (v.defaultValue() != null) {
          out.append(" = ").append(expr(v.defaultValue(), indent, 0, currentColumn()));
        }
      }
      case Item.Template t -> template(t, indent);
      case Item.For f -> {
        out.append("for ");
        if (f.key() != null) {
          out.append(f.key().name()).append(", ");
        }
        out.append(f.value().name()).append(" in ").append(expr(f.iterable(), indent, 0)).append(' ');
        block(f.body(), indent, f.span());
      }
      case Item.If i -> ifChain(i, indent);
      // `...` takes a whole expression; anything looser than `*` is parenthesized to read clearly
      case Item.Spread s -> out.append("...").append(expr(s.value(), indent, Operator.MUL.precedence()));
      case Item.Entry e -> entry(e, indent);
      case Item.ExprStatement s -> out.append(expr(s.expr(), indent, 0));
    }
  }

  private void template(Item.Template t, int indent) {
    List<String> params = new ArrayList<>();
    for (Param p : t.params()) {
      StringBuilder param = new StringBuilder(p.name().name());
      if (p.type() != null) {
        param.append(": ").append(type(p.type()));
      }
      if (p.defaultValue() != null) {
        param.append(" = ").append(expr(p.defaultValue(), indent + 2, 0));
      }
      params.add(param.toString());
    }
    String result = t.result() != null ? ": " + type(t.result()) : "";
    String header = "template " + t.name().name() + "(" + String.join(", ", params) + ")" + result;
    // `) = {` or ` {` follows the header: a header that leaves no room for it gets a parameter per line
    if (currentColumn() + header.length() + 4 <= WIDTH || params.stream().anyMatch(x -> x.contains("\n"))) {
      out.append(header);
    } else {
      out.append("template ").append(t.name().name()).append("(\n");
      for (String param : params) {
        pad(indent + 2);
        out.append(param).append(",\n");
      }
      pad(indent);
      out.append(')').append(result);
    }
    if (t.value() != null) {
      out.append(" = ");
      out.append(expr(t.value(), indent, 0, currentColumn()));
    } else {
      out.append(' ');
      block(t.body(), indent, t.span());
    }
  }

  private void ifChain(Item.If i, int indent) {
    out.append("if ").append(expr(i.condition(), indent, 0)).append(' ');
    block(i.then(), indent, i.span());
    if (i.otherwise() != null) {
      out.append(" else ");
      if (i.otherwise().size() == 1 && i.otherwise().get(0) instanceof Item.If nested) {
        ifChain(nested, indent);
      } else {
        block(i.otherwise(), indent, i.span());
      }
    }
  }

  private void entry(Item.Entry e, int indent) {
    out.append(key(e.key()));
    for (Item.Label l : e.labels()) {
      out.append(' ').append(l.ident() != null ? l.ident().name() : string(l.string()));
    }
    if (e.in() != null) {
      out.append(" in ").append(expr(e.in(), indent, 0));
    }
    if (e.value() != null) {
      out.append(e.fromForm() ? " from " : " = ");
      out.append(expr(e.value(), indent, 0, currentColumn()));
    }
    if (e.body() != null) {
      out.append(' ');
      block(e.body(), indent, e.bodySpan());
    }
  }

  private int lineStart(int from) {
    int nl = out.lastIndexOf("\n", from);
    return nl + 1;
  }

  /** A block body: on one line when short and simple, else one item per line. */
  private void block(List<Item> body, int indent, Span span) {
    if (body.isEmpty() && !comments.any(span)) {
      out.append("{}");
      return;
    }
    // A block with comments is never one line; not even trying keeps the attempt from taking them.
    String inline = comments.any(span) ? null : inlineItems(body, indent);
    if (inline != null && currentColumn() + inline.length() + 4 <= WIDTH) {
      out.append("{ ").append(inline).append(" }");
      return;
    }
    out.append("{\n");
    items(body, indent + 2, false);
    comments.inside(span, out, indent + 2);
    pad(indent);
    out.append('}');
  }

  private int currentColumn() {
    return out.length() - lineStart(out.length());
  }

  /** "a = 1, b = 2" when there are at most four items, each a simple attribute or a mixin call, else null. */
  private String inlineItems(List<Item> body, int indent) {
    if (body.size() > 4) {
      return null;
    }
    StringBuilder sb = new StringBuilder();
    for (Item item : body) {
      if (item instanceof Item.ExprStatement statement && statement.expr() instanceof Expr.Call) {
        String call = expr(statement.expr(), indent, 0);  // a mixin: `task api { app_task(port = 80) }`
        if (call.contains("\n")) {
          return null;
        }
        sb.append(sb.isEmpty() ? "" : ", ").append(call);
        continue;
      }
      if (!(item instanceof Item.Entry e) || e.body() != null || e.in() != null || e.fromForm()
          || !e.labels().isEmpty() || e.value() == null) {
        return null;
      }
      String value = expr(e.value(), indent, 0);
      if (value.contains("\n")) {
        return null;
      }
      sb.append(sb.isEmpty() ? "" : ", ").append(key(e.key())).append(" = ").append(value);
    }
    return sb.toString();  // whether it fits is the caller's to decide, at the column it starts
  }

  // ------------------------------------------------------------------------------- expressions

  private String expr(Expr e, int indent, int parentPrecedence) {
    return expr(e, indent, parentPrecedence, indent);
  }

  /** Prints an expression; {@code column} is where it starts, to decide when lists must break. */
  private String expr(Expr e, int indent, int parentPrecedence, int column) {
    if (!(e instanceof Expr.ListLit || e instanceof Expr.Call || e instanceof Expr.ObjectLit)) {
      return print(e, indent, parentPrecedence, column);
    }
    long place = ((long) indent << 40) | ((long) column << 20) | parentPrecedence;
    Map<Long, String> byPlace = printed.computeIfAbsent(e, k -> new HashMap<>());
    String text = byPlace.get(place);
    if (text == null) {
      text = print(e, indent, parentPrecedence, column);
      byPlace.put(place, text);
    }
    return text;
  }

  /** How many times an expression was printed, nested ones included (the memo's test looks at it). */
  private int[] prints = new int[1];

  /** Formats a file and says how many expression prints it took. */
  static int printsToFormat(SourceUnit unit) {
    Formatter f = new Formatter(Comments.of(unit));
    f.items(unit.items(), 0, true);
    return f.prints[0];
  }

  private String print(Expr e, int indent, int parentPrecedence, int column) {
    prints[0]++;
    return switch (e) {
      case Expr.IntLit i -> asWritten(i.span(), Long.toString(i.value()));
      case Expr.DecimalLit d -> asWritten(d.span(), d.value().toPlainString());
      case Expr.QuantityLit q -> quantity(asWritten(q.span(), q.amount().toPlainString()), q.unit());
      case Expr.PortLit p -> (p.to() > 0 ? p.from() + "-" + p.to() : Integer.toString(p.from())) + "/" + p.protocol();
      case Expr.BoolLit b -> Boolean.toString(b.value());
      case Expr.NullLit n -> "null";
      case Expr.StringLit s -> string(s, indent);
      case Expr.Name n -> n.ident().name();
      case Expr.Member m -> expr(m.target(), indent, Operator.POSTFIX) + "." + m.member().name();
      case Expr.Index i -> expr(i.target(), indent, Operator.POSTFIX) + "[" + expr(i.index(), indent, 0) + "]";
      case Expr.Call c -> call(c, indent, column);
      case Expr.Unary u -> paren(u.op().symbol() + expr(u.operand(), indent, u.op().precedence()), u.op().precedence(),
          parentPrecedence);
      case Expr.Binary b -> {
        // operators of one level group from the left: a right operand of the same level keeps its parentheses
        int p = b.op().precedence();
        yield paren(expr(b.left(), indent, p) + " " + b.op().symbol() + " " + expr(b.right(), indent, p + 1), p,
            parentPrecedence);
      }
      // a conditional binds looser than every operator: only a conditional in its condition needs parentheses
      case Expr.Conditional c -> paren(expr(c.condition(), indent, Operator.OR.precedence()) + " ? "
          + expr(c.ifTrue(), indent, 0) + " : "
          + expr(c.ifFalse(), indent, 0), 0, parentPrecedence == 0 ? 0 : parentPrecedence);
      case Expr.ListLit l -> list(l, indent, column);
      case Expr.StrategyItem s -> {
        StringBuilder sb = new StringBuilder(expr(s.provider(), indent, Operator.POSTFIX));
        if (s.base() != null) {
          sb.append(" base ").append(expr(s.base(), indent, Operator.POSTFIX));
        }
        if (s.weight() != null) {
          sb.append(" weight ").append(expr(s.weight(), indent, Operator.POSTFIX));
        }
        yield sb.toString();
      }
      case Expr.ListComprehension c -> "[for " + (c.key() != null ? c.key().name() + ", " : "") + c.value().name() + " in "
          + expr(c.iterable(), indent, 0) + ": " + expr(c.body(), indent, 0)
          + (c.condition() != null ? " if " + expr(c.condition(), indent, 0) : "") + "]";
      case Expr.ObjectLit o -> object(o, indent, column);
    };
  }

  private String list(Expr.ListLit l, int indent, int column) {
    Printed commented = commentedLists.get(l);
    if (commented == null && comments.any(l.span())) {
      commented = new Printed(commentedList(l, indent), indent);
      commentedLists.put(l, commented);
    }
    if (commented != null) {
      return reindented(commented, indent);
    }
    if (l.elements().isEmpty()) {
      return "[]";
    }
    StringBuilder inline = new StringBuilder("[");
    boolean multiLine = false;
    for (int i = 0; i < l.elements().size(); i++) {
      String item = expr(l.elements().get(i), indent, 0);
      multiLine |= item.contains("\n");
      inline.append(i == 0 ? "" : ", ").append(item);
    }
    inline.append(']');
    if (!multiLine && column + inline.length() <= WIDTH) {
      return inline.toString();
    }
    StringBuilder sb = new StringBuilder("[\n");
    for (Expr element : l.elements()) {
      sb.append(" ".repeat(indent + 2)).append(expr(element, indent + 2, 0, indent + 2)).append(",\n");
    }
    sb.append(" ".repeat(indent)).append(']');
    return sb.toString();
  }

  /** A list with comments in it: one element per line, each comment where the source has it. */
  private String commentedList(Expr.ListLit l, int indent) {
    String pad = " ".repeat(indent + 2);
    StringBuilder sb = new StringBuilder("[\n");
    for (Expr element : l.elements()) {
      comments.before(element.span(), sb, indent + 2);
      sb.append(pad).append(expr(element, indent + 2, 0, indent + 2)).append(',');
      comments.trailing(element.span(), sb);
      sb.append('\n');
    }
    comments.inside(l.span(), sb, indent + 2);
    return sb.append(" ".repeat(indent)).append(']').toString();
  }

  /** Every line after the first moved by the difference in indentation. */
  private static String reindented(Printed p, int indent) {
    if (p.indent() == indent) {
      return p.text();
    }
    String[] lines = p.text().split("\n", -1);
    StringBuilder sb = new StringBuilder(lines[0]);
    for (int i = 1; i < lines.length; i++) {
      String line = lines[i];
      sb.append('\n');
      if (!line.isEmpty()) {
        sb.append(indent > p.indent() ? " ".repeat(indent - p.indent()) + line
            : line.substring(Math.min(p.indent() - indent, line.length() - line.stripLeading().length())));
      }
    }
    return sb.toString();
  }

  private String object(Expr.ObjectLit o, int indent, int column) {
    if (o.items().isEmpty()) {
      return "{}";
    }
    String inline = comments.any(o.span()) ? null : inlineItems(o.items(), indent);
    if (inline != null && column + inline.length() + 4 <= WIDTH) {
      return "{ " + inline + " }";
    }
    Formatter nested = new Formatter(comments, printed, commentedLists);
    nested.prints = prints;
    nested.out.append("{\n");
    nested.items(o.items(), indent + 2, false);
    nested.comments.inside(o.span(), nested.out, indent + 2);
    nested.out.append(" ".repeat(indent)).append('}');
    return nested.out.toString();
  }

  /** A call on one line when it fits, else one argument per line (the grammar takes the trailing comma). */
  private String call(Expr.Call c, int indent, int column) {
    String callee = expr(c.callee(), indent, Operator.POSTFIX);
    List<String> args = new ArrayList<>();
    for (Arg a : c.args()) {
      args.add((a.name() != null ? a.name().name() + " = " : "") + expr(a.value(), indent + 2, 0, indent + 2));
    }
    String inline = callee + "(" + String.join(", ", args) + ")";
    if (args.size() < 2 || column + inline.length() <= WIDTH || args.stream().anyMatch(x -> x.contains("\n"))) {
      // an argument that is itself several lines (an object, a list) already shapes the call
      return args.stream().anyMatch(x -> x.contains("\n"))
          ? callee + "(" + String.join(", ", inlineArgs(c.args(), indent)) + ")" : inline;
    }
    StringBuilder sb = new StringBuilder(callee).append("(\n");
    for (String arg : args) {
      sb.append(" ".repeat(indent + 2)).append(arg).append(",\n");
    }
    return sb.append(" ".repeat(indent)).append(')').toString();
  }

  /** Arguments printed at the call's own indentation, for calls that stay on the call's line. */
  private List<String> inlineArgs(List<Arg> args, int indent) {
    List<String> out = new ArrayList<>();
    for (Arg a : args) {
      out.add((a.name() != null ? a.name().name() + " = " : "") + expr(a.value(), indent, 0));
    }
    return out;
  }

  private static String paren(String text, int precedence, int parent) {
    return precedence < parent ? "(" + text + ")" : text;
  }

  /**
   * A number's digits as its author grouped them ({@code 10_000}, {@code 1_048_576 MiB}) when they
   * spell the same number as {@code canonical}; else {@code canonical} (leading zeros go; numbers
   * built in memory, such as the importer's, have no source text).
   */
  private static String asWritten(Span span, String canonical) {
    if (span == null || span.isNone()) {
      return canonical;
    }
    String text = span.text();
    int end = 0;
    while (end < text.length() && (Character.isDigit(text.charAt(end)) || text.charAt(end) == '_' || text.charAt(end) == '.')) {
      end++;
    }
    String digits = text.substring(0, end);
    return digits.indexOf('_') > 0 && digits.replace("_", "").equals(canonical) ? digits : canonical;
  }

  private static String quantity(String n, String unit) {
    return switch (unit) {
      case "ms", "s", "m", "min", "h", "d", "%" -> n + unit;
      default -> n + " " + unit;
    };
  }

  private static String type(TypeRef t) {
    if (t.element() == null) {
      return t.name();
    }
    return t.name() + "(" + type(t.element()) + ")";
  }

  private String key(Item.Key k) {
    return k.ident() != null ? k.ident().name() : string(k.string());
  }

  /** A key as written by generated code: bare when it is a valid name, else quoted. */
  public static String keyText(String key) {
    return IDENT.matcher(key).matches() && !KEYWORDS.contains(key) ? key : quote(key);
  }

  private String string(Expr.StringLit s) {
    return string(s, 0);
  }

  private String string(Expr.StringLit s, int indent) {
    if (s.multiLine()) {
      return multiLine(s, indent);
    }
    StringBuilder sb = new StringBuilder("\"");
    for (StringPart p : s.parts()) {
      switch (p) {
        case StringPart.Text t -> sb.append(escape(t.text()));
        case StringPart.Interpolation i -> sb.append("${").append(expr(i.expr(), indent, 0)).append('}');
      }
    }
    return sb.append('"').toString();
  }

  private String multiLine(Expr.StringLit s, int indent) {
    StringBuilder body = new StringBuilder();
    for (StringPart p : s.parts()) {
      switch (p) {
        case StringPart.Text t -> body.append(t.text().replace("\\", "\\\\").replace("${", "\\${").replace("\"\"\"", "\\\"\"\""));
        case StringPart.Interpolation i -> body.append("${").append(expr(i.expr(), indent, 0)).append('}');
      }
    }
    String pad = " ".repeat(indent + 2);
    StringBuilder sb = new StringBuilder("\"\"\"\n");
    for (String line : body.toString().split("\n", -1)) {
      sb.append(line.isEmpty() ? "" : pad).append(line).append('\n');
    }
    return sb.append(pad).append("\"\"\"").toString();
  }

  /** A string literal for any text. */
  public static String quote(String text) {
    return "\"" + escape(text) + "\"";
  }

  static String escape(String text) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\t' -> sb.append("\\t");
        case '\r' -> sb.append("\\r");
        case '$' -> sb.append(i + 1 < text.length() && text.charAt(i + 1) == '{' ? "\\$" : "$");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  private void pad(int indent) {
    out.append(" ".repeat(indent));
  }
}
