package io.ecsl.lsp.index;

import io.ecsl.parse.Token;
import io.ecsl.parse.Token.Kind;
import io.ecsl.parse.Tokens;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

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
    final Kind open;  // null at the top level
    final List<Token> header;
    final List<Token> item = new ArrayList<>();
    final Set<String> keys = new LinkedHashSet<>();
    int commas;

    Frame(Kind open, List<Token> header) {
      this.open = open;
      this.header = header;
    }
  }

  /** The context at an offset of a text. */
  public static CursorContext at(String text, int offset) {
    int end = Math.max(0, Math.min(offset, text.length()));
    int start = itemStart(text, end);
    List<Frame> stack = new ArrayList<>();
    stack.add(new Frame(null, List.of()));
    Token last = null;
    boolean inString = false;
    for (Token t : Tokens.of(text.substring(start, end))) {
      if (t.kind().isComment()) {
        continue;
      }
      Frame top = stack.get(stack.size() - 1);
      Kind type = t.kind();
      switch (type) {
        case Kind.LBRACE, Kind.LPAREN, Kind.LBRACK, Kind.STR_INTERP, Kind.ML_INTERP -> {
          newItemIfNewLine(top, last, t);
          top.item.add(t);
          stack.add(new Frame(type, new ArrayList<>(top.item)));
        }
        case Kind.RBRACE, Kind.RPAREN, Kind.RBRACK -> {
          if (stack.size() > 1) {
            stack.remove(stack.size() - 1);
          }
          stack.get(stack.size() - 1).item.add(t);
        }
        case Kind.COMMA, Kind.SEMI -> {
          if (top.open == Kind.LPAREN || top.open == Kind.LBRACK) {
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
        case Kind.OPEN_STRING, Kind.OPEN_ML_STRING, Kind.STR_TEXT, Kind.STR_ESCAPE, Kind.STR_DOLLAR,
            Kind.ML_TEXT, Kind.ML_ESCAPE, Kind.ML_DOLLAR, Kind.ML_QUOTE -> true;
        default -> false;
      };
      if (type == Kind.RBRACE && stack.get(stack.size() - 1).item.size() > 1) {
        // the `}` closed an interpolation: back in its string
        List<Token> item = stack.get(stack.size() - 1).item;
        Kind before = item.size() >= 2 ? item.get(item.size() - 2).kind() : null;
        inString = isStringPart(before) || before == Kind.STR_INTERP || before == Kind.ML_INTERP;
      }
      last = t;
    }
    // The cursor on a later line than the last token starts a new item, as a token there would.
    int cursorLine = 1 + (int) text.substring(start, end).chars().filter(c -> c == '\n').count();
    if (!inString && last != null && cursorLine > last.line() + newlinesIn(last)) {
      Frame top = stack.get(stack.size() - 1);
      Token probe = new Token(Kind.IDENT, end - start, 0, "", cursorLine);
      newItemIfNewLine(top, last, probe);
    }
    return classify(text, end, stack, last, inString);
  }

  private static int newlinesIn(Token t) {
    return (int) t.text().chars().filter(c -> c == '\n').count();
  }

  private static boolean isStringPart(Kind type) {
    return type == Kind.OPEN_STRING || type == Kind.OPEN_ML_STRING || type == Kind.STR_TEXT
        || type == Kind.ML_TEXT;
  }

  /** Items need no separator: a token on a new line starts one unless the line before is unfinished. */
  private static void newItemIfNewLine(Frame top, Token last, Token t) {
    if (top.open == Kind.LPAREN || top.open == Kind.LBRACK || last == null || top.item.isEmpty()
        || t.line() == last.line()) {
      return;
    }
    switch (last.kind()) {
      case Kind.ASSIGN, Kind.DOT, Kind.PLUS, Kind.MINUS, Kind.STAR, Kind.SLASH,
          Kind.PERCENT_OP, Kind.EQ, Kind.NE, Kind.LT, Kind.LE, Kind.GT, Kind.GE,
          Kind.ANDAND, Kind.OROR, Kind.AND, Kind.OR, Kind.NOT, Kind.BANG,
          Kind.QUESTION, Kind.COLON, Kind.IN, Kind.FROM -> {}
      default -> endItem(top);
    }
  }

  private static void endItem(Frame frame) {
    if (!frame.item.isEmpty()) {
      frame.keys.add(frame.item.get(0).text().replace("\"", ""));
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
    String key = top.open == Kind.LBRACE || top.open == null ? itemKey(item) : itemKey(top.header);
    List<String> callee = List.of();
    int argument = 0;
    String argumentName = null;
    for (int i = stack.size() - 1; i > 0; i--) {
      Frame f = stack.get(i);
      if (f.open == Kind.LPAREN) {
        callee = calleeOf(f.header);
        argument = f.commas;
        List<Token> arg = i == stack.size() - 1 ? item : stack.get(i).item;
        if (arg.size() >= 2 && arg.get(1).kind() == Kind.ASSIGN) {
          argumentName = arg.get(0).text();
        }
        break;
      }
      if (f.open == Kind.LBRACE) {
        break;
      }
    }
    if (inString) {
      String path = !item.isEmpty() && item.get(0).kind() == Kind.IMPORT ? stringSoFar(item) : null;
      return new CursorContext(Where.STRING, "", blocks, key, top.keys, List.of(), callee, argument, argumentName, path);
    }
    Token previous = item.isEmpty() ? null : item.get(item.size() - 1);
    if (previous != null && previous.kind() == Kind.DOT) {
      return new CursorContext(Where.MEMBER, prefix, blocks, key, top.keys, chainBefore(item), callee, argument,
          argumentName, null);
    }
    if (previous != null && (previous.kind() == Kind.INT || previous.kind() == Kind.DECIMAL)
        && (prefix.isEmpty() || Character.isLetter(prefix.charAt(0)))) {
      return new CursorContext(Where.UNIT, prefix, blocks, key, top.keys, List.of(), callee, argument, argumentName, null);
    }
    Where where;
    if (top.open == Kind.LBRACE || top.open == null) {
      if (item.isEmpty()) {
        where = Where.KEY;
      } else if (previous.kind() == Kind.IN && item.get(0).text().equals("service")) {
        where = Where.IN;
      } else if (item.stream().anyMatch(t -> t.kind() == Kind.ASSIGN || t.kind() == Kind.FROM)
          || item.get(0).kind() == Kind.LET || item.get(0).kind() == Kind.IF
          || item.get(0).kind() == Kind.FOR && item.stream().anyMatch(t -> t.kind() == Kind.IN)
          || item.get(0).kind() == Kind.ELLIPSIS) {
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
    return switch (t.kind()) {
      case Kind.IDENT, Kind.AS, Kind.FROM, Kind.BASE, Kind.WEIGHT, Kind.LET, Kind.VAR,
          Kind.TEMPLATE, Kind.FOR, Kind.IN, Kind.IF, Kind.ELSE, Kind.TRUE, Kind.FALSE,
          Kind.NULL, Kind.AND, Kind.OR, Kind.NOT, Kind.IMPORT -> true;
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
      if (f.open != Kind.LBRACE) {
        continue;
      }
      List<Token> h = f.header;
      if (h.isEmpty()) {
        continue;
      }
      Kind first = h.get(0).kind();
      if (first == Kind.FOR || first == Kind.IF || first == Kind.ELSE || first == Kind.RBRACE) {
        continue;
      }
      if (first == Kind.TEMPLATE) {
        out.clear(); // a template body is written like a file's top level (or a block it is mixed into)
        continue;
      }
      List<String> labels = new ArrayList<>();
      boolean assigned = false;
      for (int i = 1; i < h.size() - 1; i++) {
        Token t = h.get(i);
        if (t.kind() == Kind.ASSIGN || t.kind() == Kind.IN) {
          assigned = true;
        }
        if (!assigned && (t.kind() == Kind.IDENT || t.kind() == Kind.CLOSE_STRING)) {
          labels.add(t.text());
        }
      }
      out.add(new Block(h.get(0).text().replace("\"", ""), labels));
    }
    return out;
  }

  private static String itemKey(List<Token> item) {
    if (item.isEmpty()) {
      return null;
    }
    Token first = item.get(0);
    return isWordToken(first) && first.kind() != Kind.LET ? first.text() : null;
  }

  private static List<String> calleeOf(List<Token> header) {
    List<String> names = new ArrayList<>();
    // header ends with `(`; before it: ident (. ident)*
    for (int i = header.size() - 2; i >= 0; i--) {
      Token t = header.get(i);
      if (isWordToken(t)) {
        names.add(0, t.text());
        if (i > 0 && header.get(i - 1).kind() == Kind.DOT) {
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
      names.add(0, item.get(i).text());
      if (i > 0 && item.get(i - 1).kind() == Kind.DOT) {
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
      if (t.kind() == Kind.OPEN_STRING) {
        break;
      }
      sb.insert(0, t.text());
    }
    return sb.toString();
  }
}
