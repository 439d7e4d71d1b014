package io.ecsl.lsp.index;

import io.ecsl.grammar.EcslLexer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;

/**
 * What the cursor is in, read from the tokens before it: completion and signature help run on
 * text as it is being typed ({@code cpu = } does not parse), so they cannot wait for a parse.
 * Only the current top-level item is lexed (the text from the last line that starts a top-level
 * item), which keeps this fast in a file of ten thousand services.
 *
 * @param where what is being written
 * @param prefix the part of a name already typed before the cursor ({@code mem} of {@code mem|})
 * @param blocks the blocks around the cursor, outermost first, without {@code for}/{@code if} bodies
 * @param key the attribute whose value is being written (or whose label, or whose block), or null
 * @param keysInBlock attributes already written in the innermost block
 * @param chain for {@link Where#MEMBER}: the names before the dot ({@code fargate} of {@code fargate.})
 * @param callee for a call's arguments: the called name ({@code [fargate, size]}), else empty
 * @param argument the index of the argument being written
 * @param argumentName the name of a named argument being written ({@code cpu} of {@code size(cpu = |)}), or null
 * @param importPath for {@link Where#STRING} in an import: the path typed so far, else null
 */
public record CursorContext(Where where, String prefix, List<Block> blocks, String key, Set<String> keysInBlock,
    List<String> chain, List<String> callee, int argument, String argumentName, String importPath) {

  /** What is being written at the cursor. */
  public enum Where {
    /** The start of an item: an attribute, a block, a declaration, {@code let}, … */
    KEY,
    /** A label after a key ({@code container |}, {@code mount |}). */
    LABEL,
    /** The cluster after {@code service NAME in}. */
    IN,
    /** A value: after {@code =}, in a list, a call's arguments, an interpolation. */
    VALUE,
    /** A name after a dot. */
    MEMBER,
    /** A unit after a number ({@code 512 |}). */
    UNIT,
    /** Inside a string (only an import's path is completed). */
    STRING
  }

  /** A block around the cursor: the key and labels of the item that opened it. */
  public record Block(String key, List<String> labels) {}

  private static final class Frame {
    final int open;
    final List<Token> header;
    final List<Token> item = new ArrayList<>();
    final Set<String> keys = new LinkedHashSet<>();
    int commas;

    Frame(int open, List<Token> header) {
      this.open = open;
      this.header = header;
    }
  }

  /** The context at an offset of a text. */
  public static CursorContext at(String text, int offset) {
    int end = Math.max(0, Math.min(offset, text.length()));
    int start = itemStart(text, end);
    EcslLexer lexer = new EcslLexer(CharStreams.fromString(text.substring(start, end)));
    lexer.removeErrorListeners();
    List<Frame> stack = new ArrayList<>();
    stack.add(new Frame(-1, List.of()));
    Token last = null;
    boolean inString = false;
    for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
      if (t.getChannel() != Token.DEFAULT_CHANNEL) {
        continue;
      }
      Frame top = stack.get(stack.size() - 1);
      int type = t.getType();
      switch (type) {
        case EcslLexer.LBRACE, EcslLexer.LPAREN, EcslLexer.LBRACK, EcslLexer.STR_INTERP, EcslLexer.ML_INTERP -> {
          newItemIfNewLine(top, last, t);
          top.item.add(t);
          stack.add(new Frame(type, new ArrayList<>(top.item)));
        }
        case EcslLexer.RBRACE, EcslLexer.RPAREN, EcslLexer.RBRACK -> {
          if (stack.size() > 1) {
            stack.remove(stack.size() - 1);
          }
          stack.get(stack.size() - 1).item.add(t);
        }
        case EcslLexer.COMMA, EcslLexer.SEMI -> {
          if (top.open == EcslLexer.LPAREN || top.open == EcslLexer.LBRACK) {
            top.commas++;
            top.item.clear();
          } else {
            endItem(top);
          }
        }
        default -> {
          if (!inString) {
            newItemIfNewLine(top, last, t);
          }
          top.item.add(t);
        }
      }
      inString = switch (type) {
        case EcslLexer.OPEN_STRING, EcslLexer.OPEN_ML_STRING, EcslLexer.STR_TEXT, EcslLexer.STR_ESCAPE, EcslLexer.STR_DOLLAR,
            EcslLexer.ML_TEXT, EcslLexer.ML_ESCAPE, EcslLexer.ML_DOLLAR, EcslLexer.ML_QUOTE -> true;
        default -> false;
      };
      if (type == EcslLexer.RBRACE && stack.get(stack.size() - 1).item.size() > 1) {
        // the `}` closed an interpolation: back in its string
        List<Token> item = stack.get(stack.size() - 1).item;
        int before = item.size() >= 2 ? item.get(item.size() - 2).getType() : -1;
        inString = isStringPart(before) || before == EcslLexer.STR_INTERP || before == EcslLexer.ML_INTERP;
      }
      last = t;
    }
    // The cursor on a later line than the last token starts a new item, as a token there would.
    int cursorLine = 1 + (int) text.substring(start, end).chars().filter(c -> c == '\n').count();
    if (!inString && last != null && cursorLine > last.getLine() + newlinesIn(last)) {
      Frame top = stack.get(stack.size() - 1);
      Token probe = new org.antlr.v4.runtime.CommonToken(EcslLexer.IDENT);
      ((org.antlr.v4.runtime.CommonToken) probe).setLine(cursorLine);
      newItemIfNewLine(top, last, probe);
    }
    return classify(text, end, stack, last, inString);
  }

  private static int newlinesIn(Token t) {
    return (int) t.getText().chars().filter(c -> c == '\n').count();
  }

  private static boolean isStringPart(int type) {
    return type == EcslLexer.OPEN_STRING || type == EcslLexer.OPEN_ML_STRING || type == EcslLexer.STR_TEXT
        || type == EcslLexer.ML_TEXT;
  }

  /** Items need no separator: a token on a new line starts one unless the line before is unfinished. */
  private static void newItemIfNewLine(Frame top, Token last, Token t) {
    if (top.open == EcslLexer.LPAREN || top.open == EcslLexer.LBRACK || last == null || top.item.isEmpty()
        || t.getLine() == last.getLine()) {
      return;
    }
    switch (last.getType()) {
      case EcslLexer.ASSIGN, EcslLexer.DOT, EcslLexer.PLUS, EcslLexer.MINUS, EcslLexer.STAR, EcslLexer.SLASH,
          EcslLexer.PERCENT_OP, EcslLexer.EQ, EcslLexer.NE, EcslLexer.LT, EcslLexer.LE, EcslLexer.GT, EcslLexer.GE,
          EcslLexer.ANDAND, EcslLexer.OROR, EcslLexer.AND, EcslLexer.OR, EcslLexer.NOT, EcslLexer.BANG,
          EcslLexer.QUESTION, EcslLexer.COLON, EcslLexer.IN, EcslLexer.FROM -> {}
      default -> endItem(top);
    }
  }

  private static void endItem(Frame frame) {
    if (!frame.item.isEmpty()) {
      frame.keys.add(frame.item.get(0).getText().replace("\"", ""));
      frame.item.clear();
    }
  }

  /** The start of the line that starts the top-level item the offset is in (a letter in column 0). */
  private static int itemStart(String text, int offset) {
    int lineStart = text.lastIndexOf('\n', Math.max(0, offset - 1)) + 1;
    while (lineStart > 0) {
      char c = lineStart < text.length() ? text.charAt(lineStart) : ' ';
      if ((Character.isLetter(c) || c == '_') && lineStart < offset) {
        return lineStart;
      }
      lineStart = text.lastIndexOf('\n', lineStart - 2) + 1;
    }
    return 0;
  }

  private static CursorContext classify(String text, int end, List<Frame> stack, Token last, boolean inString) {
    Frame top = stack.get(stack.size() - 1);
    List<Token> item = new ArrayList<>(top.item);
    // The word being typed is not context.
    String prefix = "";
    int p = end;
    while (p > 0 && isNameChar(text.charAt(p - 1))) {
      p--;
    }
    if (p < end && !inString && !item.isEmpty() && isWordToken(item.get(item.size() - 1))) {
      prefix = text.substring(p, end);
      item.remove(item.size() - 1);
    }
    List<Block> blocks = blocks(stack);
    // In a block the key is the item's own; in a list or a call's arguments, the enclosing item's.
    String key = top.open == EcslLexer.LBRACE || top.open == -1 ? itemKey(item) : itemKey(top.header);
    List<String> callee = List.of();
    int argument = 0;
    String argumentName = null;
    for (int i = stack.size() - 1; i > 0; i--) {
      Frame f = stack.get(i);
      if (f.open == EcslLexer.LPAREN) {
        callee = calleeOf(f.header);
        argument = f.commas;
        List<Token> arg = i == stack.size() - 1 ? item : stack.get(i).item;
        if (arg.size() >= 2 && arg.get(1).getType() == EcslLexer.ASSIGN) {
          argumentName = arg.get(0).getText();
        }
        break;
      }
      if (f.open == EcslLexer.LBRACE) {
        break;
      }
    }
    if (inString) {
      String path = !item.isEmpty() && item.get(0).getType() == EcslLexer.IMPORT ? stringSoFar(item) : null;
      return new CursorContext(Where.STRING, "", blocks, key, top.keys, List.of(), callee, argument, argumentName, path);
    }
    Token previous = item.isEmpty() ? null : item.get(item.size() - 1);
    if (previous != null && previous.getType() == EcslLexer.DOT) {
      return new CursorContext(Where.MEMBER, prefix, blocks, key, top.keys, chainBefore(item), callee, argument,
          argumentName, null);
    }
    if (previous != null && (previous.getType() == EcslLexer.INT || previous.getType() == EcslLexer.DECIMAL)
        && (prefix.isEmpty() || Character.isLetter(prefix.charAt(0)))) {
      return new CursorContext(Where.UNIT, prefix, blocks, key, top.keys, List.of(), callee, argument, argumentName, null);
    }
    Where where;
    if (top.open == EcslLexer.LBRACE || top.open == -1) {
      if (item.isEmpty()) {
        where = Where.KEY;
      } else if (previous.getType() == EcslLexer.IN && item.get(0).getText().equals("service")) {
        where = Where.IN;
      } else if (item.stream().anyMatch(t -> t.getType() == EcslLexer.ASSIGN || t.getType() == EcslLexer.FROM)
          || item.get(0).getType() == EcslLexer.LET || item.get(0).getType() == EcslLexer.IF
          || item.get(0).getType() == EcslLexer.FOR && item.stream().anyMatch(t -> t.getType() == EcslLexer.IN)
          || item.get(0).getType() == EcslLexer.ELLIPSIS) {
        where = Where.VALUE;
      } else {
        where = Where.LABEL; // a name being declared, or a label after a key
      }
    } else {
      where = Where.VALUE;
    }
    return new CursorContext(where, prefix, blocks, key, top.keys, List.of(), callee, argument, argumentName, null);
  }

  private static boolean isWordToken(Token t) {
    return switch (t.getType()) {
      case EcslLexer.IDENT, EcslLexer.AS, EcslLexer.FROM, EcslLexer.BASE, EcslLexer.WEIGHT, EcslLexer.LET, EcslLexer.VAR,
          EcslLexer.TEMPLATE, EcslLexer.FOR, EcslLexer.IN, EcslLexer.IF, EcslLexer.ELSE, EcslLexer.TRUE, EcslLexer.FALSE,
          EcslLexer.NULL, EcslLexer.AND, EcslLexer.OR, EcslLexer.NOT, EcslLexer.IMPORT -> true;
      default -> false;
    };
  }

  static boolean isNameChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '-';
  }

  /** The blocks (`{` frames) around the cursor, skipping `for`/`if`/`else` bodies, which add no attributes. */
  private static List<Block> blocks(List<Frame> stack) {
    List<Block> out = new ArrayList<>();
    for (Frame f : stack) {
      if (f.open != EcslLexer.LBRACE) {
        continue;
      }
      List<Token> h = f.header;
      if (h.isEmpty()) {
        continue;
      }
      int first = h.get(0).getType();
      if (first == EcslLexer.FOR || first == EcslLexer.IF || first == EcslLexer.ELSE || first == EcslLexer.RBRACE) {
        continue;
      }
      if (first == EcslLexer.TEMPLATE) {
        out.clear(); // a template body is written like a file's top level (or a block it is mixed into)
        continue;
      }
      List<String> labels = new ArrayList<>();
      boolean assigned = false;
      for (int i = 1; i < h.size() - 1; i++) {
        Token t = h.get(i);
        if (t.getType() == EcslLexer.ASSIGN || t.getType() == EcslLexer.IN) {
          assigned = true;
        }
        if (!assigned && (t.getType() == EcslLexer.IDENT || t.getType() == EcslLexer.CLOSE_STRING)) {
          labels.add(t.getText());
        }
      }
      out.add(new Block(h.get(0).getText().replace("\"", ""), labels));
    }
    return out;
  }

  private static String itemKey(List<Token> item) {
    if (item.isEmpty()) {
      return null;
    }
    Token first = item.get(0);
    return isWordToken(first) && first.getType() != EcslLexer.LET ? first.getText() : null;
  }

  private static List<String> calleeOf(List<Token> header) {
    List<String> names = new ArrayList<>();
    // header ends with `(`; before it: ident (. ident)*
    for (int i = header.size() - 2; i >= 0; i--) {
      Token t = header.get(i);
      if (isWordToken(t)) {
        names.add(0, t.getText());
        if (i > 0 && header.get(i - 1).getType() == EcslLexer.DOT) {
          i--;
          continue;
        }
      }
      break;
    }
    return names;
  }

  private static List<String> chainBefore(List<Token> item) {
    List<String> names = new ArrayList<>();
    int i = item.size() - 2; // the token before the dot
    while (i >= 0 && isWordToken(item.get(i))) {
      names.add(0, item.get(i).getText());
      if (i > 0 && item.get(i - 1).getType() == EcslLexer.DOT) {
        i -= 2;
      } else {
        break;
      }
    }
    return names;
  }

  private static String stringSoFar(List<Token> item) {
    StringBuilder sb = new StringBuilder();
    for (int i = item.size() - 1; i >= 0; i--) {
      Token t = item.get(i);
      if (t.getType() == EcslLexer.OPEN_STRING) {
        break;
      }
      sb.insert(0, t.getText());
    }
    return sb.toString();
  }
}
