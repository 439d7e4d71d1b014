package io.ecsl.parse;

import io.ecsl.grammar.EcslLexer;
import io.ecsl.grammar.EcslParser;
import io.ecsl.source.SourceFile;
import io.ecsl.source.Span;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.misc.IntervalSet;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Words syntax errors for people. ANTLR's own text ("mismatched input '<EOF>' expecting …") never
 * reaches a user: we say what was expected in the language's terms, what was found, and, for the
 * most common mistake, which block is left open and where it was opened.
 */
final class SyntaxMessages {
  private final SourceFile file;

  SyntaxMessages(SourceFile file) {
    this.file = file;
  }

  SyntaxError toError(Parser parser, Token offending, IntervalSet expected, RuleContext ctx) {
    if (offending == null) {
      offending = parser.getCurrentToken();
    }
    Span at = spanOf(offending);
    SyntaxError comment = unterminatedComment(parser.getInputStream(), offending);
    if (comment != null) {
      return comment;
    }
    if (offending.getType() == EcslLexer.BAD_CHAR) {
      return badCharacter(offending, at);
    }
    SyntaxError comma = strayComma(parser.getInputStream(), offending, at);
    if (comma != null) {
      return comma;
    }
    if (offending.getType() == Token.EOF) {
      SyntaxError unclosed = unclosedAtEnd(parser.getInputStream(), ctx);
      if (unclosed != null) {
        return unclosed;
      }
    }
    SyntaxError wrongCloser = wrongCloser(offending, expected, ctx);
    if (wrongCloser != null) {
      return wrongCloser;
    }
    if (offending.getType() == EcslLexer.RBRACE && !expected.contains(EcslLexer.RBRACE)) {
      if (!insideBraces(ctx)) {
        return new SyntaxError(at, "unexpected `}`: no block is open here",
            "remove it, or look for a block above that was closed twice");
      }
    }
    SyntaxError afterKey = missingAssignment(parser.getInputStream(), ctx, offending);
    if (afterKey != null) {
      return afterKey;
    }
    return new SyntaxError(at, "expected " + describe(expected, ctx) + ", found " + describe(offending), null);
  }

  /**
   * A `/*` that is never closed is not a comment to the lexer but `/` and `*`, and the parser
   * stumbles on those, wherever they are ("expected end of file, found `/`"). The two touching
   * each other up to the error can only be that: a `/` is never followed directly by `*` otherwise.
   */
  private SyntaxError unterminatedComment(TokenStream tokens, Token offending) {
    if (tokens instanceof org.antlr.v4.runtime.BufferedTokenStream buffered) {
      buffered.fill();  // the `*` after an offending `/` may not have been read yet
    }
    int last = offending.getTokenIndex() < 0 ? tokens.size() - 1 : Math.min(offending.getTokenIndex() + 1, tokens.size() - 1);
    for (int i = 0; i < last; i++) {
      Token slash = tokens.get(i);
      Token star = tokens.get(i + 1);
      if (slash.getType() == EcslLexer.SLASH && star.getType() == EcslLexer.STAR && star.getStartIndex() == slash.getStopIndex() + 1) {
        return new SyntaxError(new Span(file, slash.getStartIndex(), star.getStopIndex() + 1),
            "unterminated comment: this `/*` is never closed", "close the comment with `*/`, or use `#` for a line comment");
      }
    }
    return null;
  }

  /** `[a,, b]`, `f(, x)`: a comma with no value before it. */
  private SyntaxError strayComma(TokenStream tokens, Token offending, Span at) {
    if (offending.getType() != EcslLexer.COMMA) {
      return null;
    }
    Token before = previous(tokens, offending.getTokenIndex());
    if (before == null || before.getType() == EcslLexer.COMMA || before.getType() == EcslLexer.LBRACK
        || before.getType() == EcslLexer.LPAREN || before.getType() == EcslLexer.LBRACE || before.getType() == EcslLexer.SEMI) {
      return new SyntaxError(at, before != null && before.getType() == EcslLexer.COMMA
          ? "unexpected `,`: two commas in a row" : "unexpected `,` with nothing before it", "remove this `,`");
    }
    return null;
  }

  private SyntaxError badCharacter(Token token, Span at) {
    String text = token.getText();
    if (text.equals("\n") || text.equals("\r")) {
      return new SyntaxError(at, "unterminated string: the line ends before the closing `\"`",
          "close the string on the same line, or use a multi-line string `\"\"\"`");
    }
    return new SyntaxError(at, "unexpected character `" + printable(text) + "`",
        "strings are written in double quotes; comments start with `#` or `//`");
  }

  /** At end of file: which brace, bracket or parenthesis is still open, innermost first. */
  private SyntaxError unclosedAtEnd(TokenStream tokens, RuleContext ctx) {
    for (RuleContext c = ctx; c != null; c = c.parent) {
      if (c instanceof ParserRuleContext prc) {
        Token open = openWithoutClose(prc, EcslLexer.LBRACE, EcslLexer.RBRACE);
        if (open != null) {
          String what = opener(prc);
          Token start = ((ParserRuleContext) (prc.parent instanceof ParserRuleContext p && what != null ? p : prc)).start;
          String where = start.getLine() + ":" + (start.getCharPositionInLine() + 1);
          return new SyntaxError(endSpan(), "expected `}` to close " + (what != null ? what : "`{`")
              + " opened at " + where + ", found end of file",
              "add the missing `}`; everything after " + where + " was read as part of that block");
        }
        Token paren = openWithoutClose(prc, EcslLexer.LPAREN, EcslLexer.RPAREN);
        if (paren != null) {
          return new SyntaxError(endSpan(), "expected `)` to close `(` opened at " + paren.getLine() + ":"
              + (paren.getCharPositionInLine() + 1) + ", found end of file", null);
        }
        Token bracket = openWithoutClose(prc, EcslLexer.LBRACK, EcslLexer.RBRACK);
        if (bracket != null) {
          return new SyntaxError(endSpan(), "expected `]` to close `[` opened at " + bracket.getLine() + ":"
              + (bracket.getCharPositionInLine() + 1) + ", found end of file", null);
        }
        if (prc instanceof EcslParser.SimpleStringContext || prc instanceof EcslParser.MultiLineStringContext) {
          Token q = prc.start;
          return new SyntaxError(spanOf(q), "unterminated string opened at " + q.getLine() + ":"
              + (q.getCharPositionInLine() + 1), "add the closing quote");
        }
      }
    }
    return null;
  }

  /** `[a, b }`: a closing bracket of another kind while a list or call is still open. */
  private SyntaxError wrongCloser(Token offending, IntervalSet expected, RuleContext ctx) {
    int type = offending.getType();
    if (type != EcslLexer.RBRACE && type != EcslLexer.RPAREN && type != EcslLexer.RBRACK || expected.contains(type)) {
      return null;
    }
    for (RuleContext c = ctx; c != null; c = c.parent) {
      if (c instanceof ParserRuleContext prc) {
        Token bracket = openWithoutClose(prc, EcslLexer.LBRACK, EcslLexer.RBRACK);
        if (bracket != null && expected.contains(EcslLexer.RBRACK)) {
          return new SyntaxError(spanOf(offending), "expected `]` to close the list opened at " + bracket.getLine() + ":"
              + (bracket.getCharPositionInLine() + 1) + ", found " + describe(offending), "add the missing `]`");
        }
        Token paren = openWithoutClose(prc, EcslLexer.LPAREN, EcslLexer.RPAREN);
        if (paren != null && expected.contains(EcslLexer.RPAREN)) {
          return new SyntaxError(spanOf(offending), "expected `)` to close `(` opened at " + paren.getLine() + ":"
              + (paren.getCharPositionInLine() + 1) + ", found " + describe(offending), "add the missing `)`");
        }
      }
    }
    return null;
  }

  private static Token openWithoutClose(ParserRuleContext ctx, int open, int close) {
    Token opened = null;
    boolean closed = false;
    if (ctx.children == null) {
      return null;
    }
    for (ParseTree child : ctx.children) {
      if (child instanceof TerminalNode t) {
        if (t.getSymbol().getType() == open && opened == null) {
          opened = t.getSymbol();
        } else if (t.getSymbol().getType() == close && t.getSymbol().getTokenIndex() >= 0
            && t.getSymbol().getStartIndex() >= 0) {
          closed = true;
        }
      }
    }
    return opened != null && !closed ? opened : null;
  }

  /** "`service web`", "`for` loop", "template `x`": what the user would call the block. */
  private static String opener(ParserRuleContext body) {
    RuleContext parent = body.parent;
    if (parent instanceof EcslParser.BlockItemContext b) {
      return "`" + headText(b.key(), b.label()) + "`";
    }
    if (parent instanceof EcslParser.AttributeItemContext a) {
      return "`" + headText(a.key(), a.label()) + "`";
    }
    if (parent instanceof EcslParser.ForItemContext) {
      return "the `for` loop";
    }
    if (parent instanceof EcslParser.IfChainContext) {
      return "the `if` block";
    }
    if (parent instanceof EcslParser.TemplateItemContext t) {
      return "template `" + t.ident().getText() + "`";
    }
    if (body instanceof EcslParser.ObjectLitContext) {
      return "the object `{`";
    }
    return null;
  }

  private static String headText(EcslParser.KeyContext key, List<EcslParser.LabelContext> labels) {
    StringBuilder sb = new StringBuilder(key.getText());
    for (EcslParser.LabelContext l : labels) {
      sb.append(' ').append(l.getText());
    }
    return sb.toString();
  }

  private static boolean insideBraces(RuleContext ctx) {
    for (RuleContext c = ctx; c != null; c = c.parent) {
      if (c instanceof ParserRuleContext prc && openWithoutClose(prc, EcslLexer.LBRACE, EcslLexer.RBRACE) != null) {
        return true;
      }
    }
    return false;
  }

  /** `cpu 256` or `container app image = …`: a key and labels not followed by `=` or `{`. */
  private SyntaxError missingAssignment(TokenStream tokens, RuleContext ctx, Token offending) {
    if (!(ctx instanceof EcslParser.ItemContext || ctx instanceof EcslParser.FileContext
        || ctx instanceof EcslParser.BodyContext || ctx instanceof EcslParser.ObjectLitContext)) {
      return null;
    }
    int end = offending.getTokenIndex();
    List<Token> head = new ArrayList<>();
    for (int i = end - 1; i >= 0; i--) {
      Token t = tokens.get(i);
      if (t.getChannel() != Token.DEFAULT_CHANNEL) {
        continue;
      }
      if (t.getType() == EcslLexer.IDENT || t.getType() == EcslLexer.AS || t.getType() == EcslLexer.FROM
          || t.getType() == EcslLexer.BASE || t.getType() == EcslLexer.WEIGHT) {
        if (!head.isEmpty() && head.get(0).getLine() != t.getLine()) {
          break;
        }
        head.add(0, t);
        continue;
      }
      break;
    }
    if (head.isEmpty()) {
      return null;
    }
    Token before = previous(tokens, head.get(0).getTokenIndex());
    if (head.size() == 1 && before != null && before.getLine() == head.get(0).getLine()
        && (before.getType() == EcslLexer.INT || before.getType() == EcslLexer.DECIMAL)) {
      // `memory = 5 minutes`: the number ended the value and the unit was read as a new item.
      return new SyntaxError(spanOf(head.get(0)), "unknown unit `" + head.get(0).getText() + "`",
          "units are MiB, GiB, vcpu, ms, s, m (minutes), h, d and %, e.g. `512 MiB`, `30s`, `5m`");
    }
    StringBuilder text = new StringBuilder();
    for (Token t : head) {
      text.append(text.isEmpty() ? "" : " ").append(t.getText());
    }
    return new SyntaxError(spanOf(offending), "expected `=` or `{` after `" + text + "`, found " + describe(offending),
        "write `" + head.get(0).getText() + " = value` for an attribute or `" + text + " { … }` for a block");
  }

  private static Token previous(TokenStream tokens, int index) {
    for (int i = index - 1; i >= 0; i--) {
      Token t = tokens.get(i);
      if (t.getChannel() == Token.DEFAULT_CHANNEL) {
        return t;
      }
    }
    return null;
  }

  private static String describe(Token t) {
    return switch (t.getType()) {
      case Token.EOF -> "end of file";
      case EcslLexer.IDENT -> "`" + t.getText() + "`";
      case EcslLexer.INT, EcslLexer.DECIMAL -> "number `" + t.getText() + "`";
      case EcslLexer.QUANTITY -> "quantity `" + t.getText() + "`";
      case EcslLexer.PORT -> "port `" + t.getText() + "`";
      case EcslLexer.OPEN_STRING, EcslLexer.OPEN_ML_STRING -> "a string";
      default -> {
        String literal = EcslParser.VOCABULARY.getLiteralName(t.getType());
        yield literal != null ? (Character.isLetter(literal.charAt(1)) ? "keyword " : "") + literal.replace('\'', '`')
            : "`" + printable(t.getText()) + "`";
      }
    };
  }

  private static String describe(IntervalSet expected, RuleContext ctx) {
    Set<String> words = new LinkedHashSet<>();
    boolean itemStart = expected.contains(EcslLexer.IDENT) && expected.contains(EcslLexer.LET);
    boolean valueStart = expected.contains(EcslLexer.INT) && expected.contains(EcslLexer.OPEN_STRING);
    if (itemStart) {
      words.add("an attribute (`name = value`) or a block (`name { … }`)");
    } else if (valueStart) {
      words.add("a value (a string, number, name, list or `{ … }`)");
    }
    for (int type : expected.toList()) {
      if (itemStart && isItemStart(type) || valueStart && isValueStart(type)) {
        continue;
      }
      if (type == Token.EOF) {
        words.add("end of file");
        continue;
      }
      String literal = EcslParser.VOCABULARY.getLiteralName(type);
      if (literal != null) {
        words.add(literal.replace('\'', '`'));
      } else if (type == EcslLexer.IDENT) {
        words.add("a name");
      } else if (type == EcslLexer.OPEN_STRING) {
        words.add("a string");
      }
    }
    List<String> list = new ArrayList<>(words);
    if (list.isEmpty()) {
      return "something else";
    }
    if (list.size() > 6) {
      list = new ArrayList<>(list.subList(0, 5));
      list.add("…");
    }
    if (list.size() == 1) {
      return list.get(0);
    }
    return String.join(", ", list.subList(0, list.size() - 1)) + " or " + list.get(list.size() - 1);
  }

  private static boolean isItemStart(int type) {
    return type == EcslLexer.IDENT || type == EcslLexer.LET || type == EcslLexer.VAR || type == EcslLexer.IMPORT
        || type == EcslLexer.TEMPLATE || type == EcslLexer.FOR || type == EcslLexer.IF || type == EcslLexer.ELLIPSIS
        || type == EcslLexer.AS || type == EcslLexer.FROM || type == EcslLexer.BASE || type == EcslLexer.WEIGHT
        || isValueStart(type);
  }

  private static boolean isValueStart(int type) {
    return type == EcslLexer.INT || type == EcslLexer.DECIMAL || type == EcslLexer.QUANTITY
        || type == EcslLexer.PORT || type == EcslLexer.TRUE || type == EcslLexer.FALSE || type == EcslLexer.NULL
        || type == EcslLexer.OPEN_STRING || type == EcslLexer.OPEN_ML_STRING || type == EcslLexer.LPAREN
        || type == EcslLexer.LBRACK || type == EcslLexer.LBRACE || type == EcslLexer.MINUS
        || type == EcslLexer.BANG || type == EcslLexer.NOT || type == EcslLexer.IDENT || type == EcslLexer.AS
        || type == EcslLexer.FROM || type == EcslLexer.BASE || type == EcslLexer.WEIGHT;
  }

  private static String printable(String s) {
    StringBuilder sb = new StringBuilder();
    for (char c : s.toCharArray()) {
      sb.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
    }
    return sb.toString();
  }

  Span spanOf(Token t) {
    if (t.getType() == Token.EOF) {
      return endSpan();
    }
    return new Span(file, t.getStartIndex(), t.getStopIndex() + 1);
  }

  /** End of file: point at the last character so the caret sits on a visible line. */
  Span endSpan() {
    int len = file.text().length();
    int at = len;
    while (at > 0 && Character.isWhitespace(file.text().charAt(at - 1))) {
      at--;
    }
    return new Span(file, Math.max(0, at - 1), Math.max(0, at));
  }
}
