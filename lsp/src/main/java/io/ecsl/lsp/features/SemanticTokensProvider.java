package io.ecsl.lsp.features;

import io.ecsl.ast.Item;
import io.ecsl.ast.SourceUnit;
import io.ecsl.ast.TypeRef;
import io.ecsl.eval.Kind;
import io.ecsl.lsp.index.Ast;
import io.ecsl.lsp.index.Occurrence;
import io.ecsl.lsp.index.SymbolTable;
import io.ecsl.parse.Token;
import io.ecsl.parse.Tokens;
import io.ecsl.source.SourceFile;
import io.ecsl.source.Span;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.lsp4j.SemanticTokens;
import org.eclipse.lsp4j.SemanticTokensLegend;

/**
 * Semantic tokens: every token classified by what it is, not only how it looks: a declaration's
 * name as a class wherever it is used, lets and vars as variables, template parameters, templates
 * and built-in functions, imports as namespaces, attributes as properties, bare enum words
 * ({@code awsvpc}) as enum members.
 */
public final class SemanticTokensProvider {
  static final List<String> TYPES = List.of("keyword", "class", "variable", "parameter", "function", "namespace",
      "property", "enumMember", "type", "string", "number", "comment", "operator", "struct");
  static final List<String> MODIFIERS = List.of("declaration", "readonly", "defaultLibrary");
  /** What the server tells the client its numbers mean. */
  public static final SemanticTokensLegend LEGEND = new SemanticTokensLegend(TYPES, MODIFIERS);

  private static final int KEYWORD = 0;
  private static final int CLASS = 1;
  private static final int VARIABLE = 2;
  private static final int PARAMETER = 3;
  private static final int FUNCTION = 4;
  private static final int NAMESPACE = 5;
  private static final int PROPERTY = 6;
  private static final int ENUM_MEMBER = 7;
  private static final int TYPE = 8;
  private static final int STRING = 9;
  private static final int NUMBER = 10;
  private static final int COMMENT = 11;
  private static final int OPERATOR = 12;
  private static final int STRUCT = 13;
  private static final int DECLARATION = 1;
  private static final int READONLY = 2;
  private static final int DEFAULT_LIBRARY = 4;

  private SemanticTokensProvider() {}

  static SemanticTokens of(SourceUnit unit, SymbolTable table) {
    if (unit == null) {
      return new SemanticTokens(List.of());
    }
    SourceFile file = unit.file();
    Map<Integer, Occurrence> names = new HashMap<>();
    for (Occurrence o : table.occurrences(file)) {
      names.put(o.span().start(), o);
    }
    Set<Integer> words = new HashSet<>();
    for (Span s : table.words(file)) {
      words.add(s.start());
    }
    Set<Integer> keys = new HashSet<>();
    Set<Integer> declarationKeys = new HashSet<>();
    Set<Integer> types = new HashSet<>();
    Ast.walk(unit.items(), n -> {
      if (n instanceof Item.Entry e && e.key().ident() != null) {
        keys.add(e.key().span().start());
      }
      if (n instanceof TypeRef t) {
        types.add(t.span().start());
      }
    });
    for (Item item : unit.items()) {
      collectDeclarationKeys(item, declarationKeys);
    }
    Encoder out = new Encoder(file);
    for (Token t : Tokens.of(file.text())) {
      int start = t.offset();
      int end = t.end();
      int type = -1;
      int modifiers = 0;
      switch (t.kind()) {
        case LINE_COMMENT, BLOCK_COMMENT -> type = COMMENT;
        case OPEN_STRING, CLOSE_STRING, STR_TEXT, STR_ESCAPE,
            STR_DOLLAR, OPEN_ML_STRING, CLOSE_ML_STRING, ML_TEXT,
            ML_ESCAPE, ML_DOLLAR, ML_QUOTE -> type = STRING;
        case INT, DECIMAL, QUANTITY, PORT -> type = NUMBER;
        case IMPORT, AS, LET, VAR, TEMPLATE, FOR,
            IN, IF, ELSE, TRUE, FALSE, NULL, FROM,
            AND, OR, NOT, BASE, WEIGHT -> {
          Occurrence o = names.get(start);
          if (o != null) {
            type = symbolType(o);
            modifiers = symbolModifiers(o);
          } else {
            type = KEYWORD;
          }
        }
        case EQ, NE, LE, GE, LT, GT, ANDAND,
            OROR, PLUS, MINUS, STAR, SLASH, PERCENT_OP,
            BANG, QUESTION, ELLIPSIS -> type = OPERATOR;
        case IDENT -> {
          Occurrence o = names.get(start);
          if (o != null) {
            type = symbolType(o);
            modifiers = symbolModifiers(o);
          } else if (declarationKeys.contains(start)) {
            type = KEYWORD;
          } else if (keys.contains(start)) {
            type = PROPERTY;
          } else if (types.contains(start)) {
            type = TYPE;
          } else if (words.contains(start)) {
            type = ENUM_MEMBER;
          }
        }
        default -> {}
      }
      if (type >= 0) {
        out.add(start, end, type, modifiers);
      }
    }
    return new SemanticTokens(out.data);
  }

  /** Keys that declare something ({@code task} of {@code task web { … }}), at the top level or in templates. */
  private static void collectDeclarationKeys(Item item, Set<Integer> out) {
    switch (item) {
      case Item.Entry e when e.key().ident() != null && Kind.byKeyword(e.key().ident().name()) != null && e.isBlock() ->
          out.add(e.key().span().start());
      case Item.Template t when t.body() != null -> t.body().forEach(i -> collectDeclarationKeys(i, out));
      case Item.For f -> f.body().forEach(i -> collectDeclarationKeys(i, out));
      case Item.If i -> {
        i.then().forEach(x -> collectDeclarationKeys(x, out));
        if (i.otherwise() != null) {
          i.otherwise().forEach(x -> collectDeclarationKeys(x, out));
        }
      }
      default -> {}
    }
  }

  private static int symbolType(Occurrence o) {
    return switch (o.symbol().kind()) {
      case DECLARATION -> CLASS;
      case LET, VAR, LOOP_VARIABLE -> VARIABLE;
      case PARAMETER -> PARAMETER;
      case TEMPLATE, BUILTIN -> FUNCTION;
      case IMPORT -> NAMESPACE;
      case CONTAINER -> STRUCT;
      case PORT, VOLUME, LISTENER_RULE -> PROPERTY;
    };
  }

  private static int symbolModifiers(Occurrence o) {
    int m = o.definition() ? DECLARATION : 0;
    return switch (o.symbol().kind()) {
      case LET -> m | READONLY;
      case BUILTIN -> m | DEFAULT_LIBRARY;
      default -> m;
    };
  }

  /** The protocol's relative encoding; a token over several lines becomes one per line. */
  private static final class Encoder {
    final List<Integer> data = new ArrayList<>();
    final SourceFile file;
    int line;
    int column;

    Encoder(SourceFile file) {
      this.file = file;
    }

    void add(int start, int end, int type, int modifiers) {
      String text = file.text();
      int s = start;
      while (s < end) {
        int newline = text.indexOf('\n', s);
        int e = newline >= 0 && newline < end ? newline : end;
        if (e > s) {
          int l = file.lineOf(s) - 1;
          int c = file.columnOf(s) - 1;
          data.add(l - line);
          data.add(l == line ? c - column : c);
          data.add(e - s);
          data.add(type);
          data.add(modifiers);
          line = l;
          column = c;
        }
        s = e + 1;
      }
    }
  }
}
