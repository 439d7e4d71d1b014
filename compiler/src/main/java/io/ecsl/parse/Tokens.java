package io.ecsl.parse;

import io.ecsl.grammar.EcslLexer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.antlr.v4.runtime.CharStreams;

/**
 * The tokens of a text as the language's lexer reads them, comments included, whitespace not.
 * Never fails: text the lexer cannot match comes back as {@link Token.Kind#BAD_CHAR}, since an
 * editor tokenizes text that is half typed.
 */
public final class Tokens {
  private static final Map<Integer, Token.Kind> KINDS = kinds();

  private Tokens() {}

  public static List<Token> of(String text) {
    EcslLexer lexer = new EcslLexer(CharStreams.fromString(text));
    lexer.removeErrorListeners();
    List<Token> out = new ArrayList<>();
    for (org.antlr.v4.runtime.Token t = lexer.nextToken(); t.getType() != org.antlr.v4.runtime.Token.EOF;
        t = lexer.nextToken()) {
      int start = t.getStartIndex();
      int end = t.getStopIndex() + 1;
      out.add(new Token(KINDS.getOrDefault(t.getType(), Token.Kind.OTHER), start, end - start, t.getText(), t.getLine()));
    }
    return out;
  }

  /** The enum by the lexer's own names, so a renamed or new token type shows up as OTHER, not as a wrong kind. */
  private static Map<Integer, Token.Kind> kinds() {
    Map<Integer, Token.Kind> kinds = new HashMap<>();
    for (Token.Kind k : Token.Kind.values()) {
      for (int type = 1; type <= EcslLexer.VOCABULARY.getMaxTokenType(); type++) {
        if (k.name().equals(EcslLexer.VOCABULARY.getSymbolicName(type))) {
          kinds.put(type, k);
        }
      }
    }
    return kinds;
  }
}
