package io.ecsl.eval;

import static io.ecsl.diag.LanguageCode.DECLARATION_HEADER;
import static io.ecsl.diag.LanguageCode.DEFINED_TWICE;
import static io.ecsl.diag.LanguageCode.MISPLACED;
import static io.ecsl.diag.LanguageCode.NOT_IN_RANGE;
import static io.ecsl.diag.LanguageCode.NO_SUCH_MEMBER;
import static io.ecsl.diag.LanguageCode.RUNAWAY_RECURSION;
import static io.ecsl.diag.LanguageCode.TYPE;
import static io.ecsl.diag.LanguageCode.UNIT;
import static io.ecsl.diag.LanguageCode.UNKNOWN_NAME;
import static io.ecsl.diag.LanguageCode.UNUSED_EXPRESSION;

import io.ecsl.ast.Arg;
import io.ecsl.ast.Expr;
import io.ecsl.ast.Item;
import io.ecsl.ast.Operator;
import io.ecsl.ast.StringPart;
import io.ecsl.diag.Diagnostic;
import io.ecsl.diag.LanguageCode;
import io.ecsl.diag.Diagnostics;
import io.ecsl.diag.Suggestions;
import io.ecsl.source.Span;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Evaluates expressions and bodies. Errors are reported as diagnostics and the failing entry is
 * skipped, so one run reports every problem; values that already failed propagate silently.
 */
public final class Interpreter {
  private final Diagnostics diagnostics;
  private final Env builtins;
  private final Budget budget = new Budget();
  private final References references = new References(this);
  private int depth;

  public Interpreter(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
    this.builtins = Builtins.environment();
  }

  /** What this evaluation may still make. */
  Budget budget() {
    return budget;
  }

  /** The scope every module's scope descends from: the built-in functions. */
  /** A value as plain JSON, for the API's free-form {@code document} fields. */
  public com.fasterxml.jackson.databind.JsonNode json(Value v, io.ecsl.source.Span at) {
    return Json.toNode(this, v, at);
  }

  public Env builtins() {
    return builtins;
  }

  public void report(Diagnostic diagnostic) {
    if (!Silent.is(diagnostic)) {
      diagnostics.add(diagnostic);
    }
  }

  // =========================================================================================
  // Bodies
  // =========================================================================================

  /**
   * Evaluates the items of a body into {@code sink}. Names defined in the body ({@code let},
   * {@code template}, labelled declarations) are visible throughout it, before and after.
   */
  public void evalBody(List<Item> items, Env env, BodySink sink, boolean soft) {
    run(items, env, sink, soft, predeclare(items, env, env, sink));
  }

  /** Evaluates the items of a body whose names {@link #predeclare} already bound. */
  void run(List<Item> items, Env env, BodySink sink, boolean soft, List<Declaration> predeclared) {
    int next = 0;
    for (Item item : items) {
      try {
        if (item instanceof Item.Entry e && sink.acceptsDeclarations() && isPredeclared(e, predeclared, next)) {
          Declaration d = predeclared.get(next++);
          d.body(this);
          sink.declaration(d);
          continue;
        }
        evalItem(item, env, sink, soft);
      } catch (EvalException e) {
        report(e.diagnostic());
      }
    }
  }

  private static boolean isPredeclared(Item.Entry e, List<Declaration> predeclared, int next) {
    return next < predeclared.size() && predeclared.get(next).span().equals(headerSpan(e));
  }

  /**
   * Binds the names a body defines before evaluating any of it, so order does not matter. Names go
   * into {@code bind} (a module's shared scope) and evaluate in {@code env} (their file's scope).
   */
  List<Declaration> predeclare(List<Item> items, Env env, Env bind, BodySink sink) {
    List<Declaration> declarations = new ArrayList<>();
    for (Item item : items) {
      switch (item) {
        case Item.Let let -> bindLazy(bind, let.name().name(), let.name().span(), () -> {
          Value v = eval(let.value(), env);
          return let.type() == null ? v : Types.check(this, v, let.type(), let.value().span(), "`" + let.name() + "`");
        });
        case Item.Template t -> bind(bind, t.name().name(), t.name().span(),
            new Value.Function(t.span(), new TemplateFunction(t, env)));
        case Item.Entry e when sink.acceptsDeclarations() -> {
          Declaration d = declarationOf(e, env, sink);
          if (d != null) {
            declarations.add(d);
            if (e.labels().size() == 1 && e.labels().get(0).ident() != null) {
              bindDeclaration(bind, d);
            }
          }
        }
        default -> {}
      }
    }
    return declarations;
  }

  /** Declarations of different kinds may share a name (`task web`, `service web`); one kind may not. */
  private void bindDeclaration(Env env, Declaration d) {
    Env.Slot previous = env.local(d.label());
    if (previous != null && previous.peek() instanceof Value.Ref ref) {
      Declaration same = ref.of(d.kind());
      if (same == null) {
        env.replace(d.label(), previous.definedAt(), ref.with(d));
        return;
      }
      // the earlier declaration of the same kind, not whatever first took the name (`task web`)
      report(Diagnostic.error(DEFINED_TWICE, d.labelSpan(), "`" + d.label() + "` is defined twice")
          .withLabel(same.labelSpan(), "first defined here")
          .withHint("rename one of them; names are shared by every file of a module"));
      return;
    }
    bind(env, d.label(), d.labelSpan(), new Value.Ref(d.labelSpan(), d));
  }

  private void bind(Env env, String name, Span at, Value value) {
    Env.Slot previous = env.define(name, at, value);
    if (previous != null) {
      duplicate(name, at, previous);
    }
  }

  private void bindLazy(Env env, String name, Span at, java.util.function.Supplier<Value> thunk) {
    Env.Slot previous = env.defineLazy(name, at, thunk);
    if (previous != null) {
      duplicate(name, at, previous);
    }
  }

  private void duplicate(String name, Span at, Env.Slot previous) {
    report(Diagnostic.error(DEFINED_TWICE, at, "`" + name + "` is defined twice")
        .withLabel(previous.definedAt(), "first defined here")
        .withHint("rename one of them; names are shared by every file of a module"));
  }

  /** The declaration an entry makes at the top level, or null (after reporting) if it makes none. */
  private Declaration declarationOf(Item.Entry e, Env env, BodySink sink) {
    String keyword = e.key().constant();
    Kind kind = keyword == null ? null : Kind.byKeyword(keyword);
    if (kind == null) {
      return null; // reported when the item itself is evaluated
    }
    if (!e.isBlock()) {
      report(Diagnostic.error(DECLARATION_HEADER, e.key().span(), "`" + keyword + "` declarations take a block")
          .withHint("write `" + keyword + (kind.isSingleton() ? "" : " name") + " { … }`"));
      return null;
    }
    if (kind.isSingleton()) {
      if (!e.labels().isEmpty()) {
        report(Diagnostic.error(DECLARATION_HEADER, e.labels().get(0).span(), "`" + keyword + "` takes no name")
            .withHint("write `" + keyword + " { … }`"));
        return null;
      }
      return new Declaration(kind, keyword, headerSpan(e), e.key().span(), e, env);
    }
    if (e.labels().size() != 1) {
      Span at = e.labels().isEmpty() ? e.key().span() : e.labels().get(1).span();
      report(Diagnostic.error(DECLARATION_HEADER, at, e.labels().isEmpty()
              ? "`" + keyword + "` needs a name" : "`" + keyword + "` takes one name")
          .withHint("write `" + keyword + " name { … }`" + (kind == Kind.SERVICE ? " or `service name in cluster { … }`"
              : kind == Kind.LISTENER ? " with its load balancer: `listener http in web { … }`" : "")));
      return null;
    }
    if (e.in() != null && !kind.takesIn()) {
      report(Diagnostic.error(DECLARATION_HEADER, e.in().span(), "`in` is only for services (`service web in prod`) and listeners"
          + " (`listener http in web`)").withHint("remove `in …`"));
    }
    Item.Label label = e.labels().get(0);
    String name;
    try {
      name = label.ident() != null ? label.ident().name() : evalString(label.string(), env);
    } catch (EvalException ex) {
      // Names are bound before any body runs, outside the per-item recovery: report it here.
      report(ex.diagnostic());
      return null;
    }
    return new Declaration(kind, name, headerSpan(e), label.span(), e, env);
  }

  static Span headerSpan(Item.Entry e) {
    Span end = e.in() != null ? e.in().span() : e.labels().isEmpty() ? e.key().span() : e.labels().get(e.labels().size() - 1).span();
    return e.key().span().to(end);
  }

  private void evalItem(Item item, Env env, BodySink sink, boolean soft) {
    switch (item) {
      case Item.Let let -> {
        Env.Slot slot = env.lookup(let.name().name());
        if (slot != null) {
          slot.force(let.name().span(), let.name().name());
        }
      }
      case Item.Template t -> {}
      case Item.Import i -> report(Diagnostic.error(MISPLACED, i.span(), "`import` must be at the top of a file")
          .withHint("move it above the declarations"));
      case Item.Var v -> report(Diagnostic.error(MISPLACED, v.span(), "`var` must be at the top level of the project")
          .withHint("inside blocks and templates use `let` or a template parameter"));
      case Item.For f -> evalFor(f, env, sink, soft);
      case Item.If i -> {
        Value c = eval(i.condition(), env);
        if (truth(c, i.condition().span())) {
          evalBody(i.then(), env.child(), sink, soft);
        } else if (i.otherwise() != null) {
          evalBody(i.otherwise(), env.child(), sink, soft);
        }
      }
      case Item.Spread s -> spread(eval(s.value(), env), s.value().span(), sink);
      case Item.Entry e -> evalEntry(e, env, sink, soft);
      case Item.ExprStatement s -> evalStatement(s, env, sink);
    }
  }

  private void evalFor(Item.For f, Env env, BodySink sink, boolean soft) {
    Value iterable = eval(f.iterable(), env);
    for (Value[] pair : iterate(iterable, f.iterable().span(), f.key() != null)) {
      Env scope = env.child();
      if (f.key() != null) {
        scope.define(f.key().name(), f.key().span(), pair[0]);
      }
      scope.define(f.value().name(), f.value().span(), pair[1]);
      evalBody(f.body(), scope, sink, soft);
    }
  }

  private void spread(Value value, Span at, BodySink sink) {
    if (value instanceof Value.Error) {
      return;
    }
    if (!(value instanceof Value.Obj obj)) {
      throw new EvalException(Diagnostic.error(TYPE, at, "`...` needs an object, found a " + value.typeName())
          .withHint("spread a block value such as a template result: `...defaults()`"));
    }
    budget.steps(obj.fields().size(), at, "spreading these %s fields");
    for (Value.Field f : obj.fields()) {
      sink.field(new Value.Field(f.key(), f.labels(), f.value(), f.keySpan(), f.valueSpan(), f.in(), true, f.block(), f.span()), this);
    }
  }

  private void evalEntry(Item.Entry e, Env env, BodySink sink, boolean soft) {
    String key = e.key().ident() != null ? e.key().ident().name() : evalString(e.key().string(), env);
    if (sink.acceptsDeclarations()) {
      Kind kind = Kind.byKeyword(key);
      if (kind != null) {
        Declaration d = declarationOf(e, env, sink);
        if (d != null) {
          d.body(this);
          sink.declaration(d);
        }
        return;
      }
      sink.field(new Value.Field(key, List.of(), new Value.Null(e.span()), e.key().span(), e.span(), null, soft, e.isBlock()), this);
      return;
    }
    List<String> labels = e.labels().isEmpty() ? List.of() : new ArrayList<>(e.labels().size());
    for (Item.Label l : e.labels()) {
      labels.add(l.ident() != null ? l.ident().name() : evalString(l.string(), env));
    }
    Value in;
    Value value;
    Span valueSpan;
    try {
      in = e.in() == null ? null : eval(e.in(), env);
    } catch (EvalException ex) {
      report(ex.diagnostic());
      in = new Value.Error(e.in().span());
    }
    try {
      if (e.value() != null) {
        value = eval(e.value(), references.scopeFor(key, labels, env));
        valueSpan = e.value().span();
        if (e.isBlock()) {
          value = refine(value, e, env);
          valueSpan = valueSpan.to(e.bodySpan());
        }
      } else {
        value = evalBlock(e, env, false);
        valueSpan = e.bodySpan();
      }
    } catch (EvalException ex) {
      // Reported once here; the entry stays (as an error value) so nothing downstream calls it missing.
      report(ex.diagnostic());
      value = new Value.Error(e.span());
      valueSpan = e.span();
    }
    Span keySpan = e.key().span().to(e.labels().isEmpty() ? e.key().span() : e.labels().get(e.labels().size() - 1).span());
    sink.field(new Value.Field(key, labels, value, keySpan, valueSpan, in, soft, e.isBlock() && e.value() == null,
        sameRange(e.span(), keySpan, valueSpan)), this);
  }

  /** The entry's own span when it covers exactly key to value (shared by every evaluation of the entry), else null. */
  private static Span sameRange(Span entry, Span key, Span value) {
    return entry.file() == key.file() && entry.start() == Math.min(key.start(), value.start())
        && entry.end() == Math.max(key.end(), value.end()) && key.file() == value.file() ? entry : null;
  }

  /**
   * {@code container log = sidecar() { cpu = 64 }}: the block's entries override the value's. A
   * scalar refined by a block ({@code port http = 8080/tcp { host = 0 }}) becomes an object whose
   * {@code __value} field holds the scalar.
   */
  private Value refine(Value base, Item.Entry e, Env env) {
    if (base instanceof Value.Error) {
      return base;
    }
    ObjectSink sink = new ObjectSink();
    if (base instanceof Value.Obj obj) {
      budget.steps(obj.fields().size(), e.value().span(), "refining these %s fields");
      for (Value.Field f : obj.fields()) {
        sink.field(new Value.Field(f.key(), f.labels(), f.value(), f.keySpan(), f.valueSpan(), f.in(), true, f.block(), f.span()), this);
      }
    } else {
      sink.field(new Value.Field(PRIMARY, List.of(), base, e.value().span(), e.value().span(), null, false, false), this);
    }
    evalBody(e.body(), env.child(), sink, false);
    return sink.build(e.value().span().to(e.bodySpan()));
  }

  /** The field that holds the {@code = value} of an entry refined by a block. */
  public static final String PRIMARY = "__value";

  /** The body of a declaration; a service's body also sees its task's containers. */
  Value.Obj evalDeclarationBody(Item.Entry e, Env env) {
    return evalBlock(e, env, true);
  }

  private Value.Obj evalBlock(Item.Entry e, Env env, boolean declaration) {
    Env scope = env.child();
    Env previous = references.enter(e, env, scope, declaration);
    try {
      ObjectSink sink = new ObjectSink();
      evalBody(e.body(), scope, sink, false);
      return sink.build(e.bodySpan() != null ? e.bodySpan() : e.span());
    } finally {
      references.leave(previous);
    }
  }

  private void evalStatement(Item.ExprStatement s, Env env, BodySink sink) {
    if (!(s.expr() instanceof Expr.Call call)) {
      throw new EvalException(Diagnostic.error(UNUSED_EXPRESSION, s.span(), "this expression is not used")
          .withHint("write `name = value` for an attribute, or call a template: `name(…)`"));
    }
    Value callee = eval(call.callee(), env);
    if (callee instanceof Value.Error) {
      return;
    }
    List<Callable.Argument> args = evalArgs(call.args(), env);
    Value result = invokeStatement(callee, call, args, sink);
    if (result instanceof Value.Obj obj) {
      if (sink.acceptsDeclarations()) {
        if (!obj.fields().isEmpty()) {
          throw new EvalException(Diagnostic.error(UNUSED_EXPRESSION, s.span(), "the result of this call is not used")
              .withHint("templates called at the top level must declare resources (`task …`, `service …`)"));
        }
        return;
      }
      spread(obj, s.span(), sink);
    } else if (!(result instanceof Value.Null) && !(result instanceof Value.Error)) {
      throw new EvalException(Diagnostic.error(UNUSED_EXPRESSION, s.span(), "the " + result.typeName() + " this call returns is not used")
          .withHint("assign it: `name = " + call.callee().span().text() + "(…)`"));
    }
  }

  // =========================================================================================
  // Expressions
  // =========================================================================================

  /** Evaluates, reporting failure and returning {@link Value.Error} instead of throwing. */
  public Value evalCatching(Expr expr, Env env) {
    try {
      return eval(expr, env);
    } catch (EvalException e) {
      report(e.diagnostic());
      return new Value.Error(expr.span());
    }
  }

  public Value eval(Expr expr, Env env) {
    if (depth >= MAX_DEPTH) {
      throw unwind(new Runaway(expr));
    }
    budget.step(expr.span());
    depth++;
    try {
      return evalInner(expr, env);
    } catch (StackOverflowError e) {
      // Deep template bodies can exhaust the thread's stack before MAX_DEPTH: the same mistake.
      throw unwind(new Runaway(expr));
    } catch (Runaway r) {
      throw unwind(r);
    } finally {
      depth--;
    }
  }

  /** A template called as a statement: one nesting level, like a call in an expression. */
  private Value invokeStatement(Value callee, Expr.Call call, List<Callable.Argument> args, BodySink sink) {
    if (depth >= MAX_DEPTH) {
      throw unwind(new Runaway(call));
    }
    depth++;
    try {
      return invoke(callee, call, args, sink);
    } catch (StackOverflowError e) {
      throw unwind(new Runaway(call));
    } catch (Runaway r) {
      throw unwind(r);
    } finally {
      depth--;
    }
  }

  /** The whole recursion unwinds; the outermost level, where the stack has room, reports it. */
  private RuntimeException unwind(Runaway r) {
    if (depth > 1) {
      return r; // each level on the way would only start the recursion again
    }
    return new EvalException(Diagnostic.error(RUNAWAY_RECURSION, r.at.span(), "evaluation nests too deeply (runaway recursion?)")
        .withHint("templates may not call themselves without end"));
  }

  private static final int MAX_DEPTH = 400;

  /**
   * Unwinds a runaway recursion to the outermost evaluation, where the stack has room to report
   * it (E0206). Not an {@link EvalException}: the entries on the way, which catch those to go on
   * with their next item, must not start the recursion again. Carries no stack trace, and is
   * loaded before any stack runs out.
   */
  static final class Runaway extends RuntimeException {
    final transient Expr at;

    Runaway(Expr at) {
      super(null, null, false, false);
      this.at = at;
    }
  }

  static {
    new Runaway(null).getClass();  // load and link it now: at a stack overflow there is no room to do it
  }

  private Value evalInner(Expr expr, Env env) {
    return switch (expr) {
      case Expr.IntLit i -> new Value.Int(i.span(), i.value());
      case Expr.DecimalLit d -> new Value.Dec(d.span(), d.value());
      case Expr.BoolLit b -> new Value.Bool(b.span(), b.value());
      case Expr.NullLit n -> new Value.Null(n.span());
      case Expr.QuantityLit q -> quantity(q);
      case Expr.PortLit p -> new Value.Port(p.span(), p.from(), p.to(), p.protocol());
      case Expr.StringLit s -> new Value.Str(s.span(), evalString(s, env));
      case Expr.Name n -> name(n, env);
      case Expr.Member m -> member(eval(m.target(), env), m);
      case Expr.Index i -> index(eval(i.target(), env), eval(i.index(), env), i);
      case Expr.Call c -> call(c, env);
      case Expr.Unary u -> Operators.unary(this, u.op(), eval(u.operand(), env), u.span());
      case Expr.Binary b -> binary(b, env);
      case Expr.Conditional c -> truth(eval(c.condition(), env), c.condition().span())
          ? eval(c.ifTrue(), env) : eval(c.ifFalse(), env);
      case Expr.ListLit l -> {
        List<Value> items = new ArrayList<>(l.elements().size());
        for (Expr e : l.elements()) {
          items.add(eval(e, env));
        }
        yield new Value.ListV(l.span(), items);
      }
      case Expr.StrategyItem s -> strategyItem(s, env);
      case Expr.ListComprehension c -> comprehension(c, env);
      case Expr.ObjectLit o -> {
        ObjectSink sink = new ObjectSink();
        evalBody(o.items(), env.child(), sink, false);
        yield sink.build(o.span());
      }
    };
  }

  private Value binary(Expr.Binary b, Env env) {
    Value left = eval(b.left(), env);
    // && and || short-circuit so `x != null && x.y` works.
    if (b.op() == Operator.AND) {
      return truth(left, b.left().span()) ? new Value.Bool(b.span(), truth(eval(b.right(), env), b.right().span()))
          : new Value.Bool(b.span(), false);
    }
    if (b.op() == Operator.OR) {
      return truth(left, b.left().span()) ? new Value.Bool(b.span(), true)
          : new Value.Bool(b.span(), truth(eval(b.right(), env), b.right().span()));
    }
    return Operators.binary(this, b.op(), left, eval(b.right(), env), b.span());
  }

  private Value quantity(Expr.QuantityLit q) {
    Unit unit = Unit.parse(q.unit());
    if (unit == null) {
      String hint = q.unit().equals("MB") || q.unit().equals("GB")
          ? "write `" + q.amount().toPlainString() + " " + q.unit().charAt(0) + "iB`: ECS counts memory in MiB (1 GiB = 1024 MiB)"
          : "units are MiB, GiB, vcpu, ms, s, m, h, d and %";
      throw new EvalException(Diagnostic.error(UNIT, q.span(), "unknown unit `" + q.unit() + "`").withHint(hint));
    }
    return new Value.Quantity(q.span(), q.amount(), unit);
  }

  String evalString(Expr.StringLit s, Env env) {
    String constant = s.constant();
    if (constant != null) {
      return constant;
    }
    StringBuilder sb = new StringBuilder();
    for (StringPart part : s.parts()) {
      switch (part) {
        case StringPart.Text t -> sb.append(t.text());
        case StringPart.Interpolation i -> {
          String text = Text.interpolate(this, eval(i.expr(), env), i.expr().span());
          budget.text(text.length(), i.expr().span());
          sb.append(text);
        }
      }
    }
    return sb.toString();
  }

  private Value name(Expr.Name n, Env env) {
    String name = n.ident().name();
    Env.Slot slot = env.lookup(name);
    if (slot == null) {
      return new Value.Symbol(n.span(), name, env);
    }
    Value v = slot.force(n.span(), name);
    // Names of templates, modules and declarations take the span of where they are used, so a
    // later error ("`driver` must be a string, found a template") points at the use.
    return switch (v) {
      case Value.Function f -> new Value.Function(n.span(), f.callable());
      case Value.Module m -> new Value.Module(n.span(), m.module());
      case Value.Ref r -> new Value.Ref(n.span(), r.targets());
      default -> v;
    };
  }

  /** The error for a bare word that turned out to be needed as a name. */
  public EvalException unknownName(Value.Symbol s) {
    return unknownName(s, List.of(), null);
  }

  /**
   * The error for a bare word that had to name something: {@code also} are words it may be besides
   * the names in scope (FARGATE_SPOT for a capacity provider), suggested when one is close;
   * {@code otherwise} is the hint when none is (how to declare what was meant).
   */
  public EvalException unknownName(Value.Symbol s, java.util.Collection<String> also, String otherwise) {
    Set<String> candidates = new LinkedHashSet<>(s.scope().visibleNames());
    // a name used as a value is not a misspelt built-in function (`prod` is not `cron`)
    candidates.removeIf(n -> builtins.local(n) != null);
    candidates.addAll(also);
    String hint = null;
    int dash = s.name().lastIndexOf('-');
    if (dash > 0 && s.scope().lookup(s.name().substring(0, dash)) != null) {
      hint = "`-` inside a name is part of the name; write `" + s.name().substring(0, dash) + " - "
          + s.name().substring(dash + 1) + "` to subtract";
    } else if (s.name().equals("tpc") || s.name().equals("upd") || s.name().equals("tcpp")) {
      hint = "ports are written with their protocol: `8080/tcp` or `8080/udp`";
    } else {
      hint = Suggestions.didYouMean(s.name(), candidates);
    }
    return new EvalException(Diagnostic.error(LanguageCode.UNKNOWN_NAME, s.span(), "unknown name `" + s.name() + "`")
        .withHint(hint != null ? hint : otherwise != null ? otherwise : "declare it with `let`, or import the module that defines it"));
  }

  /**
   * {@code logging.awslogs(…)} without {@code import "std/logging"}: the word before the dot names
   * a standard library module that this file does not import.
   */
  private EvalException unknownModule(Value.Symbol s) {
    if (io.ecsl.modules.Stdlib.modules().contains(s.name())) {
      return new EvalException(Diagnostic.error(LanguageCode.UNKNOWN_NAME, s.span(), "unknown name `" + s.name()
          + "` (the standard library module `std/" + s.name() + "` is not imported here)")
          .withHint("add `import \"std/" + s.name() + "\"` at the top of the file"));
    }
    return unknownName(s);
  }

  private Value member(Value target, Expr.Member m) {
    String name = m.member().name();
    Span at = m.span();
    return switch (target) {
      case Value.Error e -> target;
      case Value.Symbol s -> throw unknownModule(s);
      case Value.Module mod -> {
        Env.Slot slot = mod.module().env().local(name);
        if (slot == null) {
          throw new EvalException(Diagnostic.error(NO_SUCH_MEMBER, m.member().span(),
              "module `" + mod.module().name() + "` has no `" + name + "`")
              .withHint(orList(Suggestions.didYouMean(name, mod.module().env().localNames()),
                  "it defines: " + String.join(", ", mod.module().env().localNames()))));
        }
        yield slot.force(at, name);
      }
      case Value.Ref r -> references.declarationMember(r, m);
      case Value.ContainerRef c -> references.containerMember(c, m);
      case Value.PortRef p -> references.portMember(p, m);
      case Value.Obj o -> objectMember(o, m);
      default -> throw new EvalException(Diagnostic.error(TYPE, m.member().span(),
          "a " + target.typeName() + " has no fields (`." + name + "`)").withHint(null));
    };
  }

  /** The container port number behind {@code web.app.http}. */
  public long containerPortNumber(Value.PortRef p) {
    return references.containerPortNumber(p);
  }

  private Value objectMember(Value.Obj o, Expr.Member m) {
    String name = m.member().name();
    Value v = o.get(name);
    if (v != null) {
      return v;
    }
    List<Value.Field> labelled = o.all(name);
    if (!labelled.isEmpty()) {
      List<Value.Field> byLabel = new ArrayList<>();
      for (Value.Field f : labelled) {
        byLabel.add(new Value.Field(f.label() == null ? "" : f.label(), List.of(), f.value(), f.keySpan(), f.valueSpan(), null, false, f.block(), f.span()));
      }
      return new Value.Obj(m.span(), byLabel);
    }
    List<String> keys = new ArrayList<>();
    for (Value.Field f : o.fields()) {
      keys.add(f.key());
    }
    throw noMember("the object", name, keys, m);
  }

  static EvalException noMember(String what, String name, List<String> candidates, Expr.Member m) {
    return new EvalException(Diagnostic.error(NO_SUCH_MEMBER, m.member().span(), what + " has no `" + name + "`")
        .withHint(orList(Suggestions.didYouMean(name, candidates),
            candidates.isEmpty() ? null : "it has: " + String.join(", ", new LinkedHashSet<>(candidates)))));
  }

  private static String orList(String first, String second) {
    return first != null ? first : second;
  }

  private Value index(Value target, Value index, Expr.Index at) {
    if (target instanceof Value.Error || index instanceof Value.Error) {
      return new Value.Error(at.span());
    }
    if (target instanceof Value.Symbol s) {
      throw unknownName(s);
    }
    if (target instanceof Value.ListV list) {
      if (!(index instanceof Value.Int i)) {
        throw new EvalException(Diagnostic.error(TYPE, at.index().span(),
            "a list index must be an int, found a " + index.typeName()).withHint(null));
      }
      if (i.value() < 0 || i.value() >= list.items().size()) {
        throw new EvalException(Diagnostic.error(NOT_IN_RANGE, at.index().span(),
            "index " + i.value() + " is out of range: the list has " + list.items().size() + " items")
            .withHint(list.items().isEmpty() ? "the list is empty" : "valid indexes are 0 to " + (list.items().size() - 1)));
      }
      return list.items().get((int) i.value());
    }
    if (target instanceof Value.Obj o) {
      String key = index instanceof Value.Str s ? s.value() : index instanceof Value.Symbol sym ? sym.name() : null;
      if (key == null) {
        throw new EvalException(Diagnostic.error(TYPE, at.index().span(),
            "an object key must be a string, found a " + index.typeName()).withHint(null));
      }
      Value v = o.get(key);
      if (v == null) {
        List<String> keys = new ArrayList<>();
        o.fields().forEach(f -> keys.add(f.key()));
        throw new EvalException(Diagnostic.error(NOT_IN_RANGE, at.index().span(), "no key `" + key + "` in this map")
            .withHint(orList(Suggestions.didYouMean(key, keys), "keys: " + String.join(", ", keys))));
      }
      return v;
    }
    throw new EvalException(Diagnostic.error(TYPE, at.span(), "cannot index a " + target.typeName()).withHint(null));
  }

  private Value call(Expr.Call c, Env env) {
    Value callee = eval(c.callee(), env);
    if (callee instanceof Value.Error) {
      return callee;
    }
    return invoke(callee, c, evalArgs(c.args(), env), null);
  }

  private Value invoke(Value callee, Expr.Call c, List<Callable.Argument> args, BodySink sink) {
    if (callee instanceof Value.Symbol s) {
      List<String> functions = new ArrayList<>();
      for (String n : s.scope().visibleNames()) {
        Env.Slot slot = s.scope().lookup(n);
        functions.add(n);
      }
      throw new EvalException(Diagnostic.error(UNKNOWN_NAME, s.span(), "unknown template or function `" + s.name() + "`")
          .withHint(orList(Suggestions.didYouMean(s.name(), functions), "see the built-in functions in docs/language.md")));
    }
    if (callee instanceof Value.Ref && c.callee() instanceof Expr.Name n && builtins.local(n.ident().name()) != null
        && builtins.local(n.ident().name()).peek() instanceof Value.Function builtin) {
      // A declaration is never called, so `canary(10%)` beside a `service canary` still means the function.
      callee = builtin;
    }
    if (!(callee instanceof Value.Function f)) {
      throw new EvalException(Diagnostic.error(TYPE, c.callee().span(),
          "`" + c.callee().span().text() + "` is a " + callee.typeName() + ", not a template").withHint(null));
    }
    for (Callable.Argument a : args) {
      if (a.value() instanceof Value.Error) {
        return a.value();
      }
    }
    return f.callable().call(this, c.span(), args, sink);
  }

  private List<Callable.Argument> evalArgs(List<Arg> args, Env env) {
    List<Callable.Argument> out = new ArrayList<>(args.size());
    for (Arg a : args) {
      out.add(new Callable.Argument(a.name() == null ? null : a.name().name(), eval(a.value(), env), a.span()));
    }
    return out;
  }

  private Value strategyItem(Expr.StrategyItem s, Env env) {
    List<Value.Field> fields = new ArrayList<>();
    Value provider = eval(s.provider(), env);
    fields.add(new Value.Field("capacity_provider", List.of(), provider, s.provider().span(), s.provider().span(), null, false, false));
    if (s.base() != null) {
      fields.add(new Value.Field("base", List.of(), eval(s.base(), env), s.base().span(), s.base().span(), null, false, false));
    }
    if (s.weight() != null) {
      fields.add(new Value.Field("weight", List.of(), eval(s.weight(), env), s.weight().span(), s.weight().span(), null, false, false));
    }
    return new Value.Obj(s.span(), fields);
  }

  private Value comprehension(Expr.ListComprehension c, Env env) {
    Value iterable = eval(c.iterable(), env);
    List<Value> out = new ArrayList<>();
    for (Value[] pair : iterate(iterable, c.iterable().span(), c.key() != null)) {
      Env scope = env.child();
      if (c.key() != null) {
        scope.define(c.key().name(), c.key().span(), pair[0]);
      }
      scope.define(c.value().name(), c.value().span(), pair[1]);
      if (c.condition() == null || truth(eval(c.condition(), scope), c.condition().span())) {
        out.add(eval(c.body(), scope));
      }
    }
    return new Value.ListV(c.span(), out);
  }

  /** Pairs of (index or key, element) for {@code for} over a list or an object. */
  private List<Value[]> iterate(Value iterable, Span at, boolean twoVariables) {
    List<Value[]> out = new ArrayList<>();
    switch (iterable) {
      case Value.Error e -> {}
      case Value.Symbol s -> throw unknownName(s);
      case Value.ListV list -> {
        budget.steps(list.items().size(), at, "a loop over %s items");
        for (int i = 0; i < list.items().size(); i++) {
          out.add(new Value[] {new Value.Int(at, i), list.items().get(i)});
        }
      }
      case Value.Obj obj -> {
        budget.steps(obj.fields().size(), at, "a loop over %s fields");
        for (Value.Field f : obj.fields()) {
          out.add(new Value[] {new Value.Str(f.keySpan(), f.key()), twoVariables ? f.value() : new Value.Str(f.keySpan(), f.key())});
        }
      }
      default -> throw new EvalException(Diagnostic.error(TYPE, at,
          "`for` needs a list or an object, found a " + iterable.typeName())
          .withHint(iterable instanceof Value.Int ? "use `range(n)` for the numbers 0 to n-1" : null));
    }
    return out;
  }

  public boolean truth(Value v, Span at) {
    if (v instanceof Value.Bool b) {
      return b.value();
    }
    if (v instanceof Value.Error) {
      throw Silent.INSTANCE;
    }
    if (v instanceof Value.Symbol s) {
      throw unknownName(s);
    }
    throw new EvalException(Diagnostic.error(TYPE, at, "a condition must be a bool, found a " + v.typeName())
        .withHint("compare it: `x == …`, `x != null`"));
  }

  /** Helpers for built-ins and templates. */
  static BigDecimal numeric(Value v) {
    return switch (v) {
      case Value.Int i -> BigDecimal.valueOf(i.value());
      case Value.Dec d -> d.value();
      default -> null;
    };
  }
}
