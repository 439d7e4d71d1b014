package io.ecsl.lsp.index;

import io.ecsl.ast.Arg;
import io.ecsl.ast.Expr;
import io.ecsl.ast.Item;
import io.ecsl.ast.Param;
import io.ecsl.ast.SourceUnit;
import io.ecsl.ast.StringPart;
import io.ecsl.eval.Builtins;
import io.ecsl.eval.Kind;
import io.ecsl.lsp.index.Symbol.SymbolKind;
import io.ecsl.modules.LoadedModule;
import io.ecsl.source.Span;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Resolves every name of a project without evaluating it, by the language's scoping rules (the
 * same the evaluator follows, see {@code io.ecsl.eval.Interpreter}): built-ins under each module's
 * names (shared by its files, order-independent), a file's imports over them, then one scope per
 * declaration body, block, template call, loop body and object; inside a service, the containers
 * of its task definition; {@code alias.name} into a module, {@code web.app.http} into a task
 * definition's containers and their ports.
 *
 * <p>Where a name refers to declarations of several kinds ({@code task web} and {@code service
 * web}), the attribute it is written in picks the kind, as the compiler's typed references do.
 */
public final class Resolver {
  /** Attributes that name a declaration of one kind: the kind that wins when a name has several. */
  private static final Map<String, Kind> EXPECTED = Map.ofEntries(
      Map.entry("task", Kind.TASK),
      Map.entry("task_definition", Kind.TASK),
      Map.entry("cluster", Kind.CLUSTER),
      Map.entry("namespace", Kind.NAMESPACE),
      Map.entry("service_connect_namespace", Kind.NAMESPACE),
      Map.entry("capacity_provider", Kind.CAPACITY_PROVIDER),
      Map.entry("capacity_providers", Kind.CAPACITY_PROVIDER),
      Map.entry("strategy", Kind.CAPACITY_PROVIDER),
      Map.entry("default_strategy", Kind.CAPACITY_PROVIDER));

  private final SymbolTable table = new SymbolTable();
  private final Scope builtins = new Scope(null);
  private final Map<LoadedModule, Scope> moduleScopes = new IdentityHashMap<>();
  /** Symbols made ahead of the walk (declarations, containers, ports, volumes), by their AST. */
  private final Map<Object, Symbol> made = new IdentityHashMap<>();
  /** The symbol each name or member expression denotes, for the member access and call around it. */
  private final Map<Expr, Symbol> denotes = new IdentityHashMap<>();

  /** A scope: names to the symbols bound to them (several declarations of different kinds share one). */
  public static final class Scope {
    private final Scope parent;
    private final Map<String, List<Symbol>> names = new LinkedHashMap<>();

    Scope(Scope parent) {
      this.parent = parent;
    }

    Scope parent() {
      return parent;
    }

    Map<String, List<Symbol>> names() {
      return names;
    }

    void define(Symbol s) {
      names.computeIfAbsent(s.name(), k -> new ArrayList<>(1)).add(s);
    }

    List<Symbol> lookup(String name) {
      for (Scope s = this; s != null; s = s.parent) {
        List<Symbol> found = s.names.get(name);
        if (found != null) {
          return found;
        }
      }
      return List.of();
    }
  }

  /** What a walk is inside: the task and container being declared, and a service's outer scope. */
  private record Context(Symbol task, Symbol container, Scope serviceOuter, String block) {
    static final Context NONE = new Context(null, null, null, null);

    Context in(String key) {
      return new Context(task, container, serviceOuter, key);
    }
  }

  private Resolver() {}

  /** The symbol table of these modules (as the module loader ordered them: dependencies first). */
  public static SymbolTable resolve(List<LoadedModule> modules) {
    return new Resolver().run(modules);
  }

  private SymbolTable run(List<LoadedModule> modules) {
    for (String name : Builtins.usages().keySet()) {
      Symbol s = new Symbol(SymbolKind.BUILTIN, name, null, null, null, null, null);
      builtins.define(s);
      table.addSymbol(s);
    }
    Map<SourceUnit, Scope> fileScopes = new IdentityHashMap<>();
    for (LoadedModule m : modules) {
      Scope scope = new Scope(builtins);
      moduleScopes.put(m, scope);
      table.addModuleScope(m, scope);
    }
    for (LoadedModule m : modules) {
      Scope scope = moduleScopes.get(m);
      for (SourceUnit unit : m.units()) {
        Scope file = new Scope(scope);
        fileScopes.put(unit, file);
        table.addScope(unit.file(), 0, unit.file().text().length(), file);
        for (LoadedModule.Import imp : m.imports()) {
          if (imp.unit() == unit) {
            Span at = imp.item().alias() != null ? imp.item().alias().span() : imp.item().path().span();
            Symbol s = symbol(SymbolKind.IMPORT, imp.alias(), at, imp.item(), null, imp.module(), null);
            file.define(s);
            table.addOccurrence(new Occurrence(at, s, true));
          }
        }
        for (Item item : unit.items()) {
          if (item instanceof Item.Var v && m.isRoot()) {
            define(scope, symbol(SymbolKind.VAR, v.name().name(), v.name().span(), v, null, m, null));
          }
        }
        predeclare(unit.items(), scope, true, m);
      }
    }
    for (LoadedModule m : modules) {
      for (SourceUnit unit : m.units()) {
        Scope file = fileScopes.get(unit);
        for (Item item : unit.items()) {
          walkItem(item, file, true, Context.NONE, m);
        }
      }
    }
    return table;
  }

  private Symbol symbol(SymbolKind kind, String name, Span at, io.ecsl.ast.Node definition, Kind declarationKind,
      LoadedModule module, Symbol parent) {
    Symbol s = new Symbol(kind, name, at, definition, declarationKind, module, parent);
    table.addSymbol(s);
    return s;
  }

  private void define(Scope scope, Symbol s) {
    scope.define(s);
    table.addOccurrence(new Occurrence(s.nameSpan(), s, true));
  }

  // ------------------------------------------------------------------------------- bodies

  /** Binds the names a body defines before any of it is walked: order does not matter. */
  private void predeclare(List<Item> items, Scope scope, boolean declarations, LoadedModule m) {
    for (Item item : items) {
      switch (item) {
        case Item.Let let -> define(scope, symbol(SymbolKind.LET, let.name().name(), let.name().span(), let, null, m, null));
        case Item.Template t -> {
          Symbol template = symbol(SymbolKind.TEMPLATE, t.name().name(), t.name().span(), t, null, m, null);
          made.put(t, template);
          define(scope, template);
          for (Param p : t.params()) {
            made.put(p, symbol(SymbolKind.PARAMETER, p.name().name(), p.name().span(), p, null, m, template));
          }
        }
        case Item.Entry e when declarations && declarationKind(e) != null -> {
          Kind kind = declarationKind(e);
          Item.Label label = e.labels().isEmpty() ? null : e.labels().get(0);
          String name = label == null ? kind.keyword() : label.constant() != null ? label.constant() : label.span().text();
          Span at = label == null ? e.key().span() : label.span();
          Symbol d = symbol(SymbolKind.DECLARATION, name, at, e, kind, m, null);
          made.put(e, d);
          if (label != null && label.ident() != null) {
            define(scope, d);
          } else {
            table.addOccurrence(new Occurrence(at, d, true));
          }
          if (kind == Kind.TASK) {
            taskParts(e, d, m);
          } else if (kind == Kind.LISTENER) {
            listenerRules(e, d, m);
          }
        }
        default -> {}
      }
    }
  }

  /** The containers (and their ports) and volumes of a task definition, made before services need them. */
  private void taskParts(Item.Entry task, Symbol owner, LoadedModule m) {
    for (Item item : task.body()) {
      if (!(item instanceof Item.Entry e) || e.labels().size() != 1 || e.labels().get(0).ident() == null) {
        continue;
      }
      String key = e.key().constant();
      Item.Label label = e.labels().get(0);
      if ("container".equals(key)) {
        Symbol container = symbol(SymbolKind.CONTAINER, label.ident().name(), label.span(), e, null, m, owner);
        made.put(e, container);
        if (e.body() != null) {
          for (Item inner : e.body()) {
            if (inner instanceof Item.Entry p && "port".equals(p.key().constant()) && p.labels().size() == 1
                && p.labels().get(0).ident() != null) {
              made.put(p, symbol(SymbolKind.PORT, p.labels().get(0).ident().name(), p.labels().get(0).span(), p, null, m,
                  container));
            }
          }
        }
      } else if ("volume".equals(key)) {
        made.put(e, symbol(SymbolKind.VOLUME, label.ident().name(), label.span(), e, null, m, owner));
      }
    }
  }

  /** A listener's {@code rule NAME { … }}s: a service names one as {@code LISTENER.NAME}. */
  private void listenerRules(Item.Entry listener, Symbol owner, LoadedModule m) {
    for (Item item : listener.body()) {
      if (item instanceof Item.Entry e && "rule".equals(e.key().constant()) && e.labels().size() == 1
          && e.labels().get(0).ident() != null) {
        Item.Label label = e.labels().get(0);
        made.put(e, symbol(SymbolKind.LISTENER_RULE, label.ident().name(), label.span(), e, null, m, owner));
      }
    }
  }

  private static Kind declarationKind(Item.Entry e) {
    String keyword = e.key().constant();
    Kind kind = keyword == null ? null : Kind.byKeyword(keyword);
    if (kind == null || !e.isBlock()) {
      return null;
    }
    return kind.isSingleton() ? (e.labels().isEmpty() ? kind : null) : (e.labels().size() == 1 ? kind : null);
  }

  private void walkBody(List<Item> items, Scope scope, boolean declarations, Context ctx, LoadedModule m, Span range) {
    if (range != null && !range.isNone()) {
      table.addScope(range.file(), range.start(), range.end(), scope);
    }
    predeclare(items, scope, declarations, m);
    for (Item item : items) {
      walkItem(item, scope, declarations, ctx, m);
    }
  }

  private void walkItem(Item item, Scope scope, boolean declarations, Context ctx, LoadedModule m) {
    switch (item) {
      case Item.Import i -> {}
      case Item.Let let -> expr(let.value(), scope, null, m);
      case Item.Var v -> {
        if (v.defaultValue() != null) {
          expr(v.defaultValue(), scope, null, m);
        }
      }
      case Item.Template t -> template(t, scope, m);
      case Item.For f -> {
        expr(f.iterable(), scope, null, m);
        Scope loop = new Scope(scope);
        if (f.key() != null) {
          define(loop, symbol(SymbolKind.LOOP_VARIABLE, f.key().name(), f.key().span(), f, null, m, null));
        }
        define(loop, symbol(SymbolKind.LOOP_VARIABLE, f.value().name(), f.value().span(), f, null, m, null));
        walkBody(f.body(), loop, declarations, ctx, m, f.span());
      }
      case Item.If i -> {
        expr(i.condition(), scope, null, m);
        walkBody(i.then(), new Scope(scope), declarations, ctx, m, i.span());
        if (i.otherwise() != null) {
          walkBody(i.otherwise(), new Scope(scope), declarations, ctx, m, null);
        }
      }
      case Item.Spread s -> expr(s.value(), scope, null, m);
      case Item.ExprStatement s -> expr(s.expr(), scope, null, m);
      case Item.Entry e -> {
        Symbol declaration = made.get(e);
        if (declarations && declaration != null && declaration.kind() == SymbolKind.DECLARATION) {
          declaration(e, declaration, scope, m);
        } else {
          entry(e, scope, ctx, m);
        }
      }
    }
  }

  private void template(Item.Template t, Scope scope, LoadedModule m) {
    Scope params = new Scope(scope);
    for (Param p : t.params()) {
      if (p.defaultValue() != null) {
        expr(p.defaultValue(), params, null, m);
      }
      define(params, made.get(p));
    }
    if (t.body() != null) {
      walkBody(t.body(), params, true, Context.NONE, m, t.span());
    } else {
      table.addScope(t.span().file(), t.span().start(), t.span().end(), params);
      expr(t.value(), params, null, m);
    }
  }

  private void declaration(Item.Entry e, Symbol d, Scope scope, LoadedModule m) {
    if (e.in() != null) {
      expr(e.in(), scope, Kind.CLUSTER, m);
    }
    Scope body = new Scope(scope);
    Context ctx = Context.NONE;
    if (d.declarationKind() == Kind.SERVICE) {
      Symbol task = serviceTask(e, scope);
      if (task != null) {
        for (Symbol part : table.children(task)) {
          if (part.kind() == SymbolKind.CONTAINER) {
            body.define(part);
          }
        }
      }
      ctx = new Context(null, null, scope, null);
    } else if (d.declarationKind() == Kind.TASK) {
      ctx = new Context(d, null, null, null);
    }
    walkBody(e.body(), body, false, ctx, m, e.bodySpan());
  }

  /** The task definition a service's {@code task = …} names, if it is one of the project's. */
  private Symbol serviceTask(Item.Entry service, Scope outer) {
    for (Item item : service.body()) {
      if (item instanceof Item.Entry t && t.labels().isEmpty() && t.value() != null
          && ("task".equals(t.key().constant()) || "task_definition".equals(t.key().constant()))) {
        return target(t.value(), outer);
      }
    }
    return null;
  }

  /** The task definition a name or {@code alias.name} denotes, resolved without recording anything. */
  private Symbol target(Expr value, Scope scope) {
    if (value instanceof Expr.Name n) {
      return pick(scope.lookup(n.ident().name()), Kind.TASK);
    }
    if (value instanceof Expr.Member mem && target(mem.target(), scope) instanceof Symbol module
        && module.kind() == SymbolKind.IMPORT && moduleScopes.containsKey(module.module())) {
      return pick(moduleScopes.get(module.module()).names().getOrDefault(mem.member().name(), List.of()), Kind.TASK);
    }
    return null;
  }

  private void entry(Item.Entry e, Scope scope, Context ctx, LoadedModule m) {
    String key = e.key().constant();
    if (e.key().string() != null) {
      strings(e.key().string(), scope, m);
    }
    if ("depends_on".equals(ctx.block()) && key != null && ctx.task() != null) {
      refer(e.key().span(), part(ctx.task(), SymbolKind.CONTAINER, key));
    }
    Context inner = ctx.in(key);
    Symbol own = made.get(e);
    if (own != null && (own.kind() == SymbolKind.CONTAINER || own.kind() == SymbolKind.PORT || own.kind() == SymbolKind.VOLUME)) {
      table.addOccurrence(new Occurrence(own.nameSpan(), own, true));
      if (own.kind() == SymbolKind.CONTAINER) {
        inner = new Context(ctx.task(), own, null, key);
      }
    } else if (e.labels().size() == 1 && e.labels().get(0).ident() != null && ctx.task() != null) {
      Item.Label label = e.labels().get(0);
      if ("mount".equals(key)) {
        refer(label.span(), part(ctx.task(), SymbolKind.VOLUME, label.ident().name()));
      } else if ("volumes_from".equals(key)) {
        refer(label.span(), part(ctx.task(), SymbolKind.CONTAINER, label.ident().name()));
      }
    }
    for (Item.Label l : e.labels()) {
      if (l.string() != null) {
        strings(l.string(), scope, m);
      }
    }
    if (e.in() != null) {
      expr(e.in(), scope, Kind.CLUSTER, m);
    }
    if (e.value() != null) {
      boolean taskOfService = ctx.serviceOuter() != null && e.labels().isEmpty()
          && ("task".equals(key) || "task_definition".equals(key));
      expr(e.value(), taskOfService ? ctx.serviceOuter() : scope, key == null ? null : EXPECTED.get(key), m);
    }
    if (e.body() != null) {
      walkBody(e.body(), new Scope(scope), false, inner, m, e.bodySpan());
    }
  }

  private Symbol part(Symbol owner, SymbolKind kind, String name) {
    for (Symbol s : table.children(owner)) {
      if (s.kind() == kind && s.name().equals(name)) {
        return s;
      }
    }
    return null;
  }

  private void refer(Span at, Symbol target) {
    if (target != null) {
      table.addOccurrence(new Occurrence(at, target, false));
    }
  }

  // ------------------------------------------------------------------------------- expressions

  private void expr(Expr expr, Scope scope, Kind expected, LoadedModule m) {
    switch (expr) {
      case Expr.Name n -> {
        Symbol s = pick(scope.lookup(n.ident().name()), expected);
        if (s == null) {
          table.addWord(n.span());
        } else {
          table.addOccurrence(new Occurrence(n.ident().span(), s, false));
          denotes.put(n, s);
        }
      }
      case Expr.Member mem -> {
        expr(mem.target(), scope, expected, m);
        Symbol target = denotes.get(mem.target());
        Symbol s = target == null ? null : member(target, mem.member().name(), expected);
        if (s != null) {
          table.addOccurrence(new Occurrence(mem.member().span(), s, false));
          denotes.put(mem, s);
        }
      }
      case Expr.Call c -> {
        expr(c.callee(), scope, null, m);
        Symbol callee = denotes.get(c.callee());
        for (Arg a : c.args()) {
          if (a.name() != null && callee != null && callee.kind() == SymbolKind.TEMPLATE) {
            refer(a.name().span(), part(callee, SymbolKind.PARAMETER, a.name().name()));
          }
          expr(a.value(), scope, null, m);
        }
      }
      case Expr.Index i -> {
        expr(i.target(), scope, null, m);
        expr(i.index(), scope, null, m);
      }
      case Expr.Unary u -> expr(u.operand(), scope, null, m);
      case Expr.Binary b -> {
        expr(b.left(), scope, null, m);
        expr(b.right(), scope, null, m);
      }
      case Expr.Conditional c -> {
        expr(c.condition(), scope, null, m);
        expr(c.ifTrue(), scope, expected, m);
        expr(c.ifFalse(), scope, expected, m);
      }
      case Expr.ListLit l -> l.elements().forEach(e -> expr(e, scope, expected, m));
      case Expr.StrategyItem s -> {
        expr(s.provider(), scope, Kind.CAPACITY_PROVIDER, m);
        if (s.base() != null) {
          expr(s.base(), scope, null, m);
        }
        if (s.weight() != null) {
          expr(s.weight(), scope, null, m);
        }
      }
      case Expr.ListComprehension c -> {
        expr(c.iterable(), scope, null, m);
        Scope loop = new Scope(scope);
        table.addScope(c.span().file(), c.span().start(), c.span().end(), loop);
        if (c.key() != null) {
          define(loop, symbol(SymbolKind.LOOP_VARIABLE, c.key().name(), c.key().span(), c, null, m, null));
        }
        define(loop, symbol(SymbolKind.LOOP_VARIABLE, c.value().name(), c.value().span(), c, null, m, null));
        expr(c.body(), loop, expected, m);
        if (c.condition() != null) {
          expr(c.condition(), loop, null, m);
        }
      }
      case Expr.ObjectLit o -> walkBody(o.items(), new Scope(scope), false, Context.NONE, m, o.span());
      case Expr.StringLit s -> strings(s, scope, m);
      default -> {}
    }
  }

  private void strings(Expr.StringLit s, Scope scope, LoadedModule m) {
    for (StringPart p : s.parts()) {
      if (p instanceof StringPart.Interpolation i) {
        expr(i.expr(), scope, null, m);
      }
    }
  }

  /**
   * {@code alias.name} in a module, {@code web.app} a container of a task, {@code app.http} a port,
   * {@code http.production} a listener's rule.
   */
  private Symbol member(Symbol target, String name, Kind expected) {
    return switch (target.kind()) {
      case IMPORT -> {
        Scope module = moduleScopes.get(target.module());
        yield module == null ? null : pick(module.names().getOrDefault(name, List.of()), expected);
      }
      case DECLARATION -> target.declarationKind() == Kind.TASK ? part(target, SymbolKind.CONTAINER, name)
          : target.declarationKind() == Kind.LISTENER ? part(target, SymbolKind.LISTENER_RULE, name) : null;
      case CONTAINER -> part(target, SymbolKind.PORT, name);
      default -> null;
    };
  }

  /**
   * The one symbol a name means: the only one, or among declarations of several kinds the kind
   * the place expects, else the task definition (as the evaluator's references do), else the first.
   */
  private static Symbol pick(List<Symbol> found, Kind expected) {
    if (found.isEmpty()) {
      return null;
    }
    if (found.size() == 1) {
      return found.get(0);
    }
    for (Kind k : expected != null ? new Kind[] {expected, Kind.TASK} : new Kind[] {Kind.TASK}) {
      for (Symbol s : found) {
        if (s.declarationKind() == k) {
          return s;
        }
      }
    }
    return found.get(0);
  }
}
