package io.ecsl.ast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.ecsl.diag.Diagnostics;
import io.ecsl.fmt.Formatter;
import io.ecsl.parse.Parser;
import io.ecsl.source.SourceFile;
import io.ecsl.source.Span;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The precedence {@link Operator} states is the grammar's: every pair of operators groups as the
 * enum says when parsed, and whatever the formatter prints for a tree parses back to that tree.
 */
class OperatorTest {
  private static final List<Operator> BINARY = List.of(Operator.values()).stream().filter(op -> !op.isUnary()).toList();

  private static Expr parse(String expression) {
    Diagnostics diagnostics = new Diagnostics();
    SourceUnit unit = Parser.parse(SourceFile.of("x.ecs", "let x = " + expression + "\n"), diagnostics);
    assertNotNull(unit, () -> expression + ": " + diagnostics.sorted());
    return ((Item.Let) unit.items().get(0)).value();
  }

  /** The tree as nested parentheses: `((a + b) * c)`. */
  private static String shape(Expr e) {
    return switch (e) {
      case Expr.Binary b -> "(" + shape(b.left()) + " " + b.op() + " " + shape(b.right()) + ")";
      case Expr.Unary u -> "(" + u.op() + " " + shape(u.operand()) + ")";
      case Expr.Name n -> n.ident().name();
      default -> throw new AssertionError("unexpected " + e);
    };
  }

  private static Expr name(String n) {
    return new Expr.Name(Span.NONE, new Ident(Span.NONE, n));
  }

  @Test
  void everyPairGroupsAsThePrecedenceSays() {
    List<String> wrong = new ArrayList<>();
    for (Operator first : BINARY) {
      for (Operator second : BINARY) {
        String text = "a " + first.symbol() + " b " + second.symbol() + " c";
        String expected = first.precedence() >= second.precedence()
            ? "((a " + first + " b) " + second + " c)"   // the same level groups from the left
            : "(a " + first + " (b " + second + " c))";
        String actual = shape(parse(text));
        if (!actual.equals(expected)) {
          wrong.add(text + " parsed as " + actual + ", the enum says " + expected);
        }
      }
      String negated = shape(parse("-a " + first.symbol() + " b"));
      if (!negated.equals("((NEG a) " + first + " b)")) {
        wrong.add("-a " + first.symbol() + " b parsed as " + negated);
      }
    }
    assertEquals(List.of(), wrong);
  }

  @Test
  void wordsAreTheSameOperators() {
    assertEquals("((NOT a) AND (b OR c))", shape(parse("not a and (b or c)")));
    assertEquals(shape(parse("!a && (b || c)")), shape(parse("not a and (b or c)")));
  }

  @Test
  void whatTheFormatterPrintsParsesBackToTheSameTree() {
    List<String> wrong = new ArrayList<>();
    for (Operator outer : BINARY) {
      for (Operator inner : BINARY) {
        Expr innerTree = new Expr.Binary(Span.NONE, inner, name("a"), name("b"));
        for (Expr tree : List.of(
            new Expr.Binary(Span.NONE, outer, innerTree, name("c")),
            new Expr.Binary(Span.NONE, outer, name("c"), innerTree),
            new Expr.Unary(Span.NONE, Operator.NEG, innerTree),
            new Expr.Binary(Span.NONE, outer, new Expr.Unary(Span.NONE, Operator.NOT, name("a")), name("b")))) {
          String printed = Formatter.expression(tree);
          if (!shape(parse(printed)).equals(shape(tree))) {
            wrong.add(shape(tree) + " printed as `" + printed + "`, which parses as " + shape(parse(printed)));
          }
        }
      }
    }
    assertEquals(List.of(), wrong);
  }
}
