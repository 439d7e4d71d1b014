package io.ecsl.parse;

import static io.ecsl.diag.LanguageCode.SYNTAX;
import static io.ecsl.diag.LanguageCode.TOO_DEEP_TO_PARSE;

import io.ecsl.ast.Comment;
import io.ecsl.ast.Expr;
import io.ecsl.ast.Item;
import io.ecsl.ast.SourceUnit;
import io.ecsl.diag.Diagnostic;
import io.ecsl.diag.Diagnostics;
import io.ecsl.grammar.EcslLexer;
import io.ecsl.grammar.EcslParser;
import io.ecsl.source.SourceFile;
import io.ecsl.source.Span;
import org.antlr.v4.runtime.CharStreams;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;
import org.antlr.v4.runtime.tree.ErrorNode;
import org.antlr.v4.runtime.tree.ParseTreeListener;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Parses one {@code .ecs} source into an AST. Returns null (and reports one diagnostic) when the
 * file has a syntax error; the rest of the project is still checked.
 */
public final class Parser {
  private Parser() {}

  public static SourceUnit parse(SourceFile file, Diagnostics diagnostics) {
    try {
      return parseUnit(file);
    } catch (SyntaxError e) {
      diagnostics.add(Diagnostic.error(SYNTAX, e.span, e.getMessage()).withHint(e.hint));
      return null;
    } catch (StackOverflowError e) {
      diagnostics.add(Diagnostic.error(TOO_DEEP_TO_PARSE, new SyntaxMessages(file).endSpan(),
          "the file nests too deeply to read").withHint("split deeply nested expressions with `let`"));
      return null;
    }
  }

  /**
   * Parses a source that is one expression and nothing else (`--var desired=2`, `"1 vcpu"` in a
   * JSON var file), so that its spans and any error point into that text itself. Returns null
   * after reporting a syntax error.
   */
  public static Expr parseExpression(SourceFile file, Diagnostics diagnostics) {
    try {
      EcslParser parser = parser(file);
      parser.setErrorHandler(new FirstErrorStrategy(new SyntaxMessages(file)));
      return new AstBuilder(file).expr(parser.expression().expr());
    } catch (SyntaxError e) {
      diagnostics.add(Diagnostic.error(SYNTAX, e.span, e.getMessage()).withHint(e.hint));
      return null;
    } catch (StackOverflowError e) {
      diagnostics.add(Diagnostic.error(TOO_DEEP_TO_PARSE, new SyntaxMessages(file).endSpan(), "the value nests too deeply to read")
          .withHint(null));
      return null;
    }
  }

  private static EcslParser parser(SourceFile file) {
    EcslLexer lexer = new EcslLexer(CharStreams.fromString(file.text(), file.displayName()));
    lexer.removeErrorListeners();
    EcslParser parser = new EcslParser(new CommonTokenStream(lexer));
    parser.removeErrorListeners();
    return parser;
  }

  private static SourceUnit parseUnit(SourceFile file) {
    EcslLexer lexer = new EcslLexer(CharStreams.fromString(file.text(), file.displayName()));
    lexer.removeErrorListeners();
    CommonTokenStream tokens = new CommonTokenStream(lexer);
    EcslParser parser = new EcslParser(tokens);
    parser.removeErrorListeners();
    TopLevelItems items = new TopLevelItems(new AstBuilder(file));
    parser.addParseListener(items);
    // Two-stage parsing: the fast SLL mode succeeds on nearly all input; only on failure do we
    // pay for full LL, which also gives the precise error.
    parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
    parser.setErrorHandler(new FirstErrorStrategy.Bail());
    try {
      parser.file();
    } catch (ParseCancellationException e) {
      items.clear();
      tokens.seek(0);
      parser.reset();
      parser.getInterpreter().setPredictionMode(PredictionMode.LL);
      parser.setErrorHandler(new FirstErrorStrategy(new SyntaxMessages(file)));
      parser.file();
    }
    return new SourceUnit(file, items.result(), comments(file, tokens));
  }

  /** The comments the lexer set aside (the parser never sees them), for the formatter and editors. */
  private static List<Comment> comments(SourceFile file, CommonTokenStream tokens) {
    List<Comment> comments = new ArrayList<>();
    for (Token t : tokens.getTokens()) {
      if (t.getType() == EcslLexer.LINE_COMMENT || t.getType() == EcslLexer.BLOCK_COMMENT) {
        comments.add(new Comment(new Span(file, t.getStartIndex(), t.getStopIndex() + 1), t.getText().stripTrailing()));
      }
    }
    return comments;
  }

  /**
   * Turns each top-level item into AST as soon as it is parsed and drops its parse tree, so the
   * parse tree of a large file never exists whole: it was most of what the first garbage
   * collections of a large build had to copy. An AST error waits until the whole file has parsed,
   * so a syntax error anywhere still wins, as when the AST was built after parsing.
   */
  private static final class TopLevelItems implements ParseTreeListener {
    private final AstBuilder builder;
    private final List<Item> items = new ArrayList<>();
    private RuntimeException deferred;

    TopLevelItems(AstBuilder builder) {
      this.builder = builder;
    }

    @Override
    public void exitEveryRule(ParserRuleContext ctx) {
      if (ctx instanceof EcslParser.ItemContext item && ctx.getParent() instanceof EcslParser.FileContext top) {
        if (deferred == null) {
          try {
            items.add(builder.item(item));
          } catch (RuntimeException e) {
            // Either an AST error in a complete item, or an item cut short by a parse error
            // (ANTLR exits every rule on the way out): only a parse that succeeds reports it.
            deferred = e;
          }
        }
        top.removeLastChild();
      }
    }

    @Override
    public void enterEveryRule(ParserRuleContext ctx) {}

    @Override
    public void visitTerminal(TerminalNode node) {}

    @Override
    public void visitErrorNode(ErrorNode node) {}

    void clear() {
      items.clear();
      deferred = null;
    }

    List<Item> result() {
      if (deferred != null) {
        throw deferred;
      }
      return items;
    }
  }
}
