package io.ecsl.parse;

import io.ecsl.ast.SourceUnit;
import io.ecsl.diag.Diagnostic;
import io.ecsl.diag.Diagnostics;
import io.ecsl.grammar.EcslLexer;
import io.ecsl.grammar.EcslParser;
import io.ecsl.source.SourceFile;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * Parses one {@code .ecs} source into an AST. Returns null (and reports one diagnostic) when the
 * file has a syntax error; the rest of the project is still checked.
 */
public final class Parser {
  private Parser() {}

  public static SourceUnit parse(SourceFile file, Diagnostics diagnostics) {
    try {
      EcslParser.FileContext tree = parseTree(file);
      return new SourceUnit(file, new AstBuilder(file).file(tree));
    } catch (SyntaxError e) {
      diagnostics.add(Diagnostic.error("E0100", e.span, e.getMessage()).withHint(e.hint));
      return null;
    } catch (StackOverflowError e) {
      diagnostics.add(Diagnostic.error("E0101", new SyntaxMessages(file).endSpan(),
          "the file nests too deeply to read").withHint("split deeply nested expressions with `let`"));
      return null;
    }
  }

  private static EcslParser.FileContext parseTree(SourceFile file) {
    EcslLexer lexer = new EcslLexer(CharStreams.fromString(file.text(), file.displayName()));
    lexer.removeErrorListeners();
    CommonTokenStream tokens = new CommonTokenStream(lexer);
    EcslParser parser = new EcslParser(tokens);
    parser.removeErrorListeners();
    // Two-stage parsing: the fast SLL mode succeeds on nearly all input; only on failure do we
    // pay for full LL, which also gives the precise error.
    parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
    parser.setErrorHandler(new FirstErrorStrategy.Bail());
    try {
      return parser.file();
    } catch (ParseCancellationException e) {
      tokens.seek(0);
      parser.reset();
      parser.getInterpreter().setPredictionMode(PredictionMode.LL);
      parser.setErrorHandler(new FirstErrorStrategy(new SyntaxMessages(file)));
      return parser.file();
    }
  }
}
