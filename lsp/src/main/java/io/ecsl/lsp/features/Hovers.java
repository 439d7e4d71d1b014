package io.ecsl.lsp.features;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.ast.Expr;
import io.ecsl.ast.Item;
import io.ecsl.ast.Node;
import io.ecsl.ast.Param;
import io.ecsl.ast.SourceUnit;
import io.ecsl.diag.Diagnostics;
import io.ecsl.eval.Builtins;
import io.ecsl.eval.Env;
import io.ecsl.eval.Kind;
import io.ecsl.eval.Unit;
import io.ecsl.eval.Value;
import io.ecsl.fmt.DocComments;
import io.ecsl.fmt.Formatter;
import io.ecsl.lower.Vocabulary;
import io.ecsl.lsp.ApiDocs;
import io.ecsl.lsp.Locations;
import io.ecsl.lsp.Snapshot;
import io.ecsl.lsp.index.Ast;
import io.ecsl.lsp.index.Occurrence;
import io.ecsl.lsp.index.Symbol;
import io.ecsl.lsp.index.Symbol.SymbolKind;
import io.ecsl.model.ApiRequest;
import io.ecsl.model.Resource;
import io.ecsl.source.SourceFile;
import io.ecsl.source.Span;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.Position;

/**
 * Hover: for an attribute, the API's documentation of the field it sets, its type and unit, and
 * the value it has in the request; for a name, what it is and its value (a template's signature
 * and documentation comment; a declaration's, container's or port's request JSON: what it lowers
 * to); for any other expression, its value.
 */
final class Hovers {
  private static final Vocabulary VOCABULARY = Vocabulary.get();

  private Hovers() {}

  static Hover at(Features.Request r, Position p) {
    SourceUnit unit = r.unit();
    if (unit == null) {
      return null;
    }
    int offset = r.offset(p);
    List<Node> path = Ast.path(unit.items(), offset);
    Occurrence o = r.snapshot().symbols().at(unit.file(), offset);
    String text = null;
    Span range = null;
    if (o != null) {
      text = symbol(r.snapshot(), o.symbol());
      range = o.span();
    }
    if (text == null) {
      Item.Entry entry = Ast.innermost(path, Item.Entry.class);
      if (entry != null && contains(entry.key().span(), offset)) {
        text = attribute(r.snapshot(), path, entry);
        range = entry.key().span();
      }
    }
    if (text == null) {
      Expr expr = Ast.innermost(path, Expr.class);
      if (expr != null) {
        text = expression(r, path, expr);
        range = expr.span();
      }
    }
    if (text == null) {
      return null;
    }
    return new Hover(new MarkupContent(MarkupKind.MARKDOWN, text), Locations.range(range));
  }

  private static boolean contains(Span s, int offset) {
    return s.start() <= offset && offset <= s.end();
  }

  // ------------------------------------------------------------------------------- names

  private static String symbol(Snapshot s, Symbol sym) {
    StringBuilder md = new StringBuilder();
    switch (sym.kind()) {
      case DECLARATION -> {
        Item.Entry e = (Item.Entry) sym.definition();
        md.append(code(e.key().span().text() + (e.labels().isEmpty() ? "" : " " + e.labels().get(0).span().text())
            + (e.in() != null ? " in " + e.in().span().text() : ""))).append('\n');
        comment(md, e.span());
        lowered(md, s, e);
      }
      case LET -> {
        Item.Let l = (Item.Let) sym.definition();
        md.append(code("let " + l.name() + (l.type() != null ? ": " + l.type() : "") + " = "
            + Formatter.expression(l.value()))).append('\n');
        comment(md, l.span());
        value(md, s, sym);
      }
      case VAR -> {
        Item.Var v = (Item.Var) sym.definition();
        md.append(code("var " + v.name() + (v.type() != null ? ": " + v.type() : "")
            + (v.defaultValue() != null ? " = " + Formatter.expression(v.defaultValue()) : ""))).append('\n');
        comment(md, v.span());
        md.append("An input of the project: set it with `--var ").append(v.name()).append("=…` or a `--var-file`.\n");
        value(md, s, sym);
      }
      case TEMPLATE -> {
        Item.Template t = (Item.Template) sym.definition();
        md.append(code(Signatures.signature(t))).append('\n');
        comment(md, t.span());
        if (sym.module() != null && !sym.module().isRoot()) {
          md.append("\nFrom `").append(sym.module().displayName()).append("`.\n");
        }
      }
      case PARAMETER -> {
        Param p = (Param) sym.definition();
        md.append(code(p.name() + (p.type() != null ? ": " + p.type() : "")
            + (p.defaultValue() != null ? " = " + Formatter.expression(p.defaultValue()) : ""))).append('\n');
        md.append("A parameter of template `").append(sym.parent().name()).append("`.\n");
      }
      case LOOP_VARIABLE -> md.append(code(sym.name())).append("\nA loop variable: one value per iteration.\n");
      case IMPORT -> {
        md.append(code("import \"" + importPath(sym) + "\"" + " as " + sym.name())).append('\n');
        if (!sym.module().units().isEmpty()) {
          SourceFile first = sym.module().units().get(0).file();
          String header = DocComments.of(first).header();
          if (header != null) {
            md.append('\n').append(header).append('\n');
          }
          md.append("\nDefines: ").append(String.join(", ", s.symbols().moduleNames(sym.module()).keySet()
              .stream().map(n -> "`" + n + "`").toList())).append('\n');
        }
      }
      case CONTAINER -> {
        md.append(code("container " + sym.name())).append("\nA container of task definition `")
            .append(sym.parent().name()).append("`.\n");
        part(md, s, sym.parent(), "/containerDefinitions", "name", sym.name());
      }
      case PORT -> {
        md.append(code("port " + sym.name())).append("\nA port of container `").append(sym.parent().name())
            .append("`; `").append(sym.parent().name()).append('.').append(sym.name())
            .append("` refers to it (a load balancer's `container`).\n");
        Symbol task = sym.parent().parent();
        JsonNode container = partJson(s, task, "/containerDefinitions", "name", sym.parent().name());
        if (container != null) {
          for (JsonNode m : container.path("portMappings")) {
            if (sym.name().equals(m.path("name").asText())) {
              md.append("\n```json\n").append(Values.json(m, 30)).append("\n```\n");
            }
          }
        }
      }
      case VOLUME -> {
        md.append(code("volume " + sym.name())).append("\nA volume of task definition `")
            .append(sym.parent().name()).append("`; containers `mount` it.\n");
        part(md, s, sym.parent(), "/volumes", "name", sym.name());
      }
      case LISTENER_RULE -> md.append(code("rule " + sym.name())).append("\nA rule of listener `").append(sym.parent().name())
          .append("`; `").append(sym.parent().name()).append('.').append(sym.name())
          .append("` refers to it (a service's `production_listener_rule` or `test_listener_rule`).\n");
      case BUILTIN -> md.append(code(Builtins.usages().get(sym.name()))).append("\nA built-in function.\n");
    }
    return md.toString();
  }

  private static String importPath(Symbol sym) {
    return sym.definition() instanceof Item.Import i && i.path().constant() != null ? i.path().constant() : sym.module().id();
  }

  private static String code(String text) {
    return "```ecsl\n" + text + "\n```";
  }

  private static void comment(StringBuilder md, Span definition) {
    String doc = DocComments.of(definition.file()).before(definition.start());
    if (doc != null) {
      md.append('\n').append(doc).append('\n');
    }
  }

  /** The value of a top-level let or var, as the check evaluated it. */
  private static void value(StringBuilder md, Snapshot s, Symbol sym) {
    if (sym.nameSpan() == null || s.analysis().evaluation() == null) {
      return;
    }
    for (Map.Entry<SourceUnit, Env> e : s.analysis().evaluation().fileScopes().entrySet()) {
      if (e.getKey().file() != sym.nameSpan().file()) {
        continue;
      }
      Env.Slot slot = e.getValue().lookup(sym.name());
      if (slot != null && slot.definedAt().equals(sym.nameSpan())) {
        Value v = slot.peek();
        String text = v == null ? null : Values.render(v);
        if (text != null) {
          md.append("\nValue: `").append(text).append("`\n");
        }
      }
    }
  }

  /** What a declaration lowers to: its API requests. */
  private static void lowered(StringBuilder md, Snapshot s, Item.Entry e) {
    List<Resource> resources = resourcesOf(s, e);
    if (resources.isEmpty()) {
      Kind kind = Kind.byKeyword(e.key().constant());
      if (kind != null) {
        md.append("\nA ").append(kind.word()).append(" (no request yet: the project does not compile this far).\n");
      }
      return;
    }
    Resource first = resources.get(0);
    if (resources.size() > 1) {
      md.append("\nDeclared ").append(resources.size()).append(" times (once per template call or loop); the first, ")
          .append(first.address()).append(":\n");
    } else {
      md.append("\nLowers to ").append(first.address()).append(":\n");
    }
    for (ApiRequest req : first.requests()) {
      md.append("\n`").append(req.service()).append(' ').append(req.operation()).append("`\n```json\n")
          .append(Values.json(req.body(), 60)).append("\n```\n");
    }
  }

  /** The resources a declaration made (one per call when it is inside a template). */
  static List<Resource> resourcesOf(Snapshot s, Item.Entry e) {
    List<Resource> out = new ArrayList<>();
    Span key = e.key().span();
    for (Resource r : s.analysis().model().resources()) {
      Span at = r.span();
      if (at != null && at.file() == key.file() && at.start() == key.start()) {
        out.add(r);
      }
    }
    return out;
  }

  private static void part(StringBuilder md, Snapshot s, Symbol task, String list, String field, String name) {
    JsonNode n = partJson(s, task, list, field, name);
    if (n != null) {
      md.append("\n```json\n").append(Values.json(n, 40)).append("\n```\n");
    }
  }

  private static JsonNode partJson(Snapshot s, Symbol task, String list, String field, String name) {
    if (task == null || !(task.definition() instanceof Item.Entry e)) {
      return null;
    }
    for (Resource r : resourcesOf(s, e)) {
      for (JsonNode n : r.primary().body().at(list)) {
        if (name.equals(n.path(field).asText())) {
          return n;
        }
      }
    }
    return null;
  }

  // ------------------------------------------------------------------------------- attributes

  private static String attribute(Snapshot s, List<Node> path, Item.Entry entry) {
    String key = entry.key().constant();
    if (key == null) {
      return null;
    }
    Map<Item.Entry, Vocabulary.Block> blocks = Blocks.along(path);
    Vocabulary.Block block = blocks.get(entry);
    StringBuilder md = new StringBuilder();
    if (block == null) {
      Kind kind = Kind.byKeyword(key);
      if (kind == null || !entry.isBlock()) {
        return null;
      }
      md.append("**").append(key).append("**: declares a ").append(kind.word()).append('\n');
      String op = operation(kind);
      if (op != null) {
        md.append("\nCreated with `").append(op).append("`.\n");
        String doc = ApiDocs.of(op.startsWith("ecs ") ? "ecs:op/" + op.substring(4) : null);
        if (doc != null) {
          md.append('\n').append(doc).append('\n');
        }
      }
      return md.toString();
    }
    Vocabulary.Attribute a = VOCABULARY.attribute(block, key);
    if (a == null) {
      return null;
    }
    md.append("**").append(a.name()).append("**: ").append(a.summary()).append('\n');
    if (!a.values().isEmpty() && a.values().size() <= 30) {
      md.append("\nValues: ").append(String.join(", ", a.values().stream().map(v -> "`" + v + "`").toList())).append('\n');
    }
    String inRequest = requestValue(s, path, entry);
    if (inRequest != null) {
      md.append("\nIn the request: ").append(inRequest).append('\n');
    }
    String doc = ApiDocs.of(a.docKey());
    if (doc != null) {
      md.append("\n---\n\n").append(doc).append('\n');
    }
    return md.toString();
  }

  private static String operation(Kind kind) {
    return switch (kind) {
      case TASK -> "ecs RegisterTaskDefinition";
      case SERVICE -> "ecs CreateService";
      case CLUSTER -> "ecs CreateCluster";
      case CAPACITY_PROVIDER -> "ecs CreateCapacityProvider";
      case NAMESPACE -> "servicediscovery CreateHttpNamespace";
      case DISCOVERY_SERVICE -> "servicediscovery CreateService";
      case SCHEDULE -> "events PutRule and PutTargets";
      case TARGET_GROUP -> "elbv2 CreateTargetGroup";
      case LOAD_BALANCER -> "elbv2 CreateLoadBalancer";
      case LISTENER -> "elbv2 CreateListener (and CreateRule per rule)";
      case EXPRESS_SERVICE -> "ecs CreateExpressGatewayService";
      case DAEMON -> "ecs RegisterDaemonTaskDefinition and CreateDaemon";
      case ACCOUNT_SETTINGS -> "ecs PutAccountSettingDefault";
      case PROJECT -> null;
    };
  }

  /** The JSON an attribute became in its declaration's request: {@code /memory = "1024"}. */
  private static String requestValue(Snapshot s, List<Node> path, Item.Entry entry) {
    Item.Entry declaration = Blocks.declaration(path);
    if (declaration == null) {
      return null;
    }
    int start = entry.key().span().start();
    int end = entry.value() != null ? entry.value().span().end() : entry.bodySpan() != null ? entry.bodySpan().end() : -1;
    for (Resource r : resourcesOf(s, declaration)) {
      for (ApiRequest req : r.requests()) {
        String best = null;
        for (Map.Entry<String, Span> e : req.spans().entries().entrySet()) {
          Span at = e.getValue();
          if (at.file() == entry.key().span().file() && at.start() == start && at.end() == end
              && (best == null || e.getKey().length() < best.length())) {
            best = e.getKey();
          }
        }
        if (best != null) {
          JsonNode n = req.body().at(best);
          if (!n.isMissingNode()) {
            String json = n.isContainerNode() ? "\n```json\n" + Values.json(n, 20) + "\n```" : "`" + n + "`";
            return "`" + best + "` = " + json;
          }
        }
      }
      break; // the first call of a template tells enough
    }
    return null;
  }

  // ------------------------------------------------------------------------------- expressions

  private static String expression(Features.Request r, List<Node> path, Expr expr) {
    if (expr instanceof Expr.QuantityLit q) {
      return quantity(q, path);
    }
    if (expr instanceof Expr.Name n) {
      return word(path, n);
    }
    if (expr instanceof Expr.StringLit str && str.constant() != null || expr instanceof Expr.IntLit || expr instanceof Expr.BoolLit
        || expr instanceof Expr.NullLit || expr instanceof Expr.DecimalLit || expr instanceof Expr.PortLit) {
      return null; // a literal says what it is
    }
    String value = evaluate(r, expr);
    return value == null ? null : "`" + Formatter.expression(expr) + "` = `" + value + "`";
  }

  /** {@code 1 GiB}: the same quantity in the unit the API counts the attribute in. */
  private static String quantity(Expr.QuantityLit q, List<Node> path) {
    Unit unit = Unit.parse(q.unit());
    if (unit == null) {
      return null;
    }
    BigDecimal base = q.amount().decimal().multiply(unit.toBase());
    StringBuilder md = new StringBuilder("`" + q.span().text() + "`: " + unit.dimension().word());
    Vocabulary.Attribute a = Blocks.attributeOf(path);
    if (a != null && a.unit() != null && a.unit().dimension() == unit.dimension()) {
      BigDecimal api = base.divide(a.unit().toBase(), java.math.MathContext.DECIMAL64).stripTrailingZeros();
      md.append("; the API gets `").append(api.toPlainString()).append("` (").append(unitWord(a.unit())).append(")");
    } else {
      md.append(" = ").append(base.stripTrailingZeros().toPlainString()).append(' ').append(unitWord(baseUnit(unit)));
    }
    return md.toString();
  }

  private static Unit baseUnit(Unit u) {
    return switch (u.dimension()) {
      case MEMORY -> Unit.MIB;
      case CPU -> Unit.CPU_UNITS;
      case DURATION -> Unit.SECONDS;
      case PERCENT -> Unit.PERCENT;
    };
  }

  static String unitWord(Unit u) {
    return switch (u) {
      case CPU_UNITS -> "CPU units";
      case SECONDS -> "seconds";
      case MINUTES -> "minutes";
      case PERCENT -> "percent";
      default -> u.symbol();
    };
  }

  /** A bare word that names nothing: an enum value of the attribute it is written in. */
  private static String word(List<Node> path, Expr.Name n) {
    Vocabulary.Attribute a = Blocks.attributeOf(path);
    if (a == null || !a.values().contains(n.ident().name()) && a.values().stream()
        .noneMatch(v -> v.equalsIgnoreCase(n.ident().name()))) {
      return null;
    }
    return "`" + n.ident().name() + "`: a value of `" + a.name() + "` (" + a.summary() + ")";
  }

  /** The value of an expression in its file's scope; null when it needs names only a call or loop gives. */
  private static String evaluate(Features.Request r, Expr expr) {
    var evaluation = r.snapshot().analysis().evaluation();
    Env env = evaluation == null ? null : evaluation.fileScopes().get(r.unit());
    if (env == null) {
      return null;
    }
    synchronized (r.snapshot()) {
      try {
        Value v = new io.ecsl.eval.Interpreter(new Diagnostics()).evalCatching(expr, env);
        return v instanceof Value.Symbol ? null : Values.render(v);
      } catch (RuntimeException e) {
        return null;
      }
    }
  }
}
