package io.ecsl.lsp.index;

import io.ecsl.ast.Arg;
import io.ecsl.ast.Expr;
import io.ecsl.ast.Item;
import io.ecsl.ast.Node;
import io.ecsl.ast.Param;
import io.ecsl.ast.StringPart;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Walking the AST: a node's children, every node of a file, the nodes under a cursor. */
public final class Ast {
  private Ast() {}

  /** The direct children of a node, in source order. */
  public static List<Node> children(Node node) {
    List<Node> out = new ArrayList<>();
    switch (node) {
      case Item.Import i -> add(out, i.path(), i.alias());
      case Item.Let l -> add(out, l.name(), l.value());
      case Item.Var v -> add(out, v.name(), v.defaultValue());
      case Item.Template t -> {
        add(out, t.name());
        out.addAll(t.params());
        if (t.body() != null) {
          out.addAll(t.body());
        }
        add(out, t.value());
      }
      case Item.For f -> {
        add(out, f.key(), f.value(), f.iterable());
        out.addAll(f.body());
      }
      case Item.If i -> {
        add(out, i.condition());
        out.addAll(i.then());
        if (i.otherwise() != null) {
          out.addAll(i.otherwise());
        }
      }
      case Item.Spread s -> add(out, s.value());
      case Item.ExprStatement s -> add(out, s.expr());
      case Item.Entry e -> {
        add(out, e.key());
        out.addAll(e.labels());
        add(out, e.in(), e.value());
        if (e.body() != null) {
          out.addAll(e.body());
        }
      }
      case Item.Key k -> add(out, k.ident(), k.string());
      case Item.Label l -> add(out, l.ident(), l.string());
      case Param p -> add(out, p.name(), p.defaultValue());
      case Arg a -> add(out, a.name(), a.value());
      case Expr.StringLit s -> {
        for (StringPart p : s.parts()) {
          if (p instanceof StringPart.Interpolation i) {
            out.add(i.expr());
          }
        }
      }
      case Expr.Member m -> add(out, m.target(), m.member());
      case Expr.Index i -> add(out, i.target(), i.index());
      case Expr.Call c -> {
        add(out, c.callee());
        out.addAll(c.args());
      }
      case Expr.Unary u -> add(out, u.operand());
      case Expr.Binary b -> add(out, b.left(), b.right());
      case Expr.Conditional c -> add(out, c.condition(), c.ifTrue(), c.ifFalse());
      case Expr.ListLit l -> out.addAll(l.elements());
      case Expr.StrategyItem s -> add(out, s.provider(), s.base(), s.weight());
      case Expr.ListComprehension c -> add(out, c.key(), c.value(), c.iterable(), c.body(), c.condition());
      case Expr.ObjectLit o -> out.addAll(o.items());
      case Expr.Name n -> add(out, n.ident());
      default -> {}
    }
    return out;
  }

  private static void add(List<Node> out, Node... nodes) {
    for (Node n : nodes) {
      if (n != null) {
        out.add(n);
      }
    }
  }

  /** Visits every node under these, parents before children. */
  public static void walk(List<? extends Node> nodes, Consumer<Node> visit) {
    for (Node n : nodes) {
      visit.accept(n);
      walk(children(n), visit);
    }
  }

  /**
   * The nodes that contain an offset, outermost first (the cursor right after a name is still on
   * it). Empty when the offset is between items.
   */
  public static List<Node> path(List<? extends Node> items, int offset) {
    List<Node> out = new ArrayList<>();
    List<? extends Node> level = items;
    outer:
    while (true) {
      for (Node n : level) {
        if (n.span() != null && !n.span().isNone() && n.span().start() <= offset && offset <= n.span().end()) {
          out.add(n);
          level = children(n);
          continue outer;
        }
      }
      return out;
    }
  }

  /** The innermost node of a type on the path, or null. */
  public static <T> T innermost(List<Node> path, Class<T> type) {
    for (int i = path.size() - 1; i >= 0; i--) {
      if (type.isInstance(path.get(i))) {
        return type.cast(path.get(i));
      }
    }
    return null;
  }
}
