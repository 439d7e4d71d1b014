package io.ecsl.parse;

/**
 * One token of a source text, for tools that read text as the lexer does without a parse: an
 * editor's highlighting and its completion context. The parser's own tokens stay in this package.
 *
 * @param kind what the lexer matched
 * @param offset where it starts, in characters from the start of the text
 * @param length how many characters it spans
 * @param text the characters themselves
 * @param line the 1-based line it starts on
 */
public record Token(Kind kind, int offset, int length, String text, int line) {

  /** The offset just after the token. */
  public int end() {
    return offset + length;
  }

  /**
   * The lexer's token types by name (those of {@code EcslLexer.g4}); {@link #OTHER} for any the
   * grammar adds later, until this list learns it. Whitespace is not a token.
   */
  public enum Kind {
    IMPORT, AS, LET, VAR, TEMPLATE, FOR, IN, IF, ELSE, TRUE, FALSE, NULL, FROM, AND, OR, NOT, BASE, WEIGHT,
    LBRACE, RBRACE, LPAREN, RPAREN, LBRACK, RBRACK, ELLIPSIS, DOT, COMMA, SEMI, COLON, QUESTION,
    EQ, NE, LE, GE, LT, GT, ANDAND, OROR, ASSIGN, PLUS, MINUS, STAR, SLASH, PERCENT_OP, BANG,
    PORT, QUANTITY, DECIMAL, INT, IDENT, OPEN_ML_STRING, OPEN_STRING, LINE_COMMENT, BLOCK_COMMENT, BAD_CHAR,
    STR_INTERP, STR_ESCAPE, STR_DOLLAR, CLOSE_STRING, STR_TEXT,
    CLOSE_ML_STRING, ML_INTERP, ML_ESCAPE, ML_DOLLAR, ML_QUOTE, ML_TEXT,
    OTHER;

    /** A comment: the parser never sees it. */
    public boolean isComment() {
      return this == LINE_COMMENT || this == BLOCK_COMMENT;
    }
  }
}
