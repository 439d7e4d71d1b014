package io.ecsl.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ecsl.grammar.EcslLexer;
import io.ecsl.parse.Token.Kind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokensTest {
  @Test
  void everyTokenTypeOfTheLexerHasAKind() {
    List<String> missing = new ArrayList<>();
    for (int type = 1; type <= EcslLexer.VOCABULARY.getMaxTokenType(); type++) {
      String name = EcslLexer.VOCABULARY.getSymbolicName(type);
      if (name != null && !name.equals("WS") && java.util.Arrays.stream(Kind.values()).noneMatch(k -> k.name().equals(name))) {
        missing.add(name);
      }
    }
    assertEquals(List.of(), missing, "add the lexer's new token types to Token.Kind");
  }

  @Test
  void tokensCarryKindOffsetLengthTextAndLine() {
    List<Token> tokens = Tokens.of("let x = 1 # one\nname = \"a${x}\"");
    assertEquals(List.of(Kind.LET, Kind.IDENT, Kind.ASSIGN, Kind.INT, Kind.LINE_COMMENT,
        Kind.IDENT, Kind.ASSIGN, Kind.OPEN_STRING, Kind.STR_TEXT, Kind.STR_INTERP, Kind.IDENT, Kind.RBRACE, Kind.CLOSE_STRING),
        tokens.stream().map(Token::kind).toList());
    Token comment = tokens.get(4);
    assertEquals(10, comment.offset());
    assertEquals(5, comment.length());
    assertEquals("# one", comment.text());
    assertEquals(1, comment.line());
    assertEquals(2, tokens.get(5).line());
    assertEquals(true, comment.kind().isComment());
  }

  @Test
  void textTheLexerCannotMatchIsABadCharNotAFailure() {
    assertEquals(List.of(Kind.IDENT, Kind.BAD_CHAR, Kind.IDENT),
        Tokens.of("a ` b").stream().map(Token::kind).toList());
  }
}
