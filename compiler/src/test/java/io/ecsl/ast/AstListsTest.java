package io.ecsl.ast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ecsl.source.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** An AST node keeps a copy of every list it is given: changing the list afterwards changes nothing. */
class AstListsTest {
  private static final Span NONE = Span.NONE;
  private static final Ident X = new Ident(NONE, "x");
  private static final Expr ONE = new Expr.IntLit(NONE, 1);
  private static final Item LET = new Item.Let(NONE, X, null, ONE);

  /** Builds a node from {@code list}, then grows the list: what the node reads must not move. */
  private static <T, N> void copies(T element, Function<List<T>, N> build, Function<N, List<T>> read) {
    List<T> list = new ArrayList<>(List.of(element));
    N node = build.apply(list);
    list.add(element);
    assertEquals(1, read.apply(node).size(), node.getClass().getSimpleName() + " kept the caller's list");
    assertThrows(UnsupportedOperationException.class, () -> read.apply(node).add(element));
  }

  @Test
  void everyListIsCopied() {
    Item.Key key = new Item.Key(NONE, X, null);
    Item.Label label = new Item.Label(NONE, X, null);
    copies(LET, items -> new SourceUnit(null, items), SourceUnit::items);
    copies(new Comment(NONE, "# c"), comments -> new SourceUnit(null, List.of(), comments), SourceUnit::comments);
    copies(new Param(NONE, X, null, null), params -> new Item.Template(NONE, X, params, null, null, ONE), Item.Template::params);
    copies(LET, body -> new Item.Template(NONE, X, List.of(), null, body, null), Item.Template::body);
    copies(LET, body -> new Item.For(NONE, null, X, ONE, body), Item.For::body);
    copies(LET, then -> new Item.If(NONE, ONE, then, null), Item.If::then);
    copies(LET, otherwise -> new Item.If(NONE, ONE, List.of(), otherwise), Item.If::otherwise);
    copies(label, labels -> new Item.Entry(NONE, key, labels, null, ONE, null, false, null), Item.Entry::labels);
    copies(LET, body -> new Item.Entry(NONE, key, List.of(), null, null, body, false, NONE), Item.Entry::body);
    copies(new StringPart.Text(NONE, "a"), parts -> new Expr.StringLit(NONE, parts, false), Expr.StringLit::parts);
    copies(new Arg(NONE, null, ONE), args -> new Expr.Call(NONE, ONE, args), Expr.Call::args);
    copies(ONE, elements -> new Expr.ListLit(NONE, elements), Expr.ListLit::elements);
    copies(LET, items -> new Expr.ObjectLit(NONE, items), Expr.ObjectLit::items);
  }

  @Test
  void absentBodiesStayAbsent() {
    assertNull(new Item.Entry(NONE, new Item.Key(NONE, X, null), List.of(), null, ONE, null, false, null).body());
    assertNull(new Item.If(NONE, ONE, List.of(), null).otherwise());
    assertNull(new Item.Template(NONE, X, List.of(), null, null, ONE).body());
  }
}
