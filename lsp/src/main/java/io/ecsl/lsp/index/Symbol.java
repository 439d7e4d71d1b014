package io.ecsl.lsp.index;

import io.ecsl.ast.Node;
import io.ecsl.eval.Kind;
import io.ecsl.modules.LoadedModule;
import io.ecsl.source.Span;

/**
 * Something a name can refer to: a declaration, a {@code let}, a {@code var}, a template or one of
 * its parameters, a loop variable, an import, a container or port of a task definition, a volume,
 * or a built-in function.
 *
 * @param kind what it is
 * @param name its name as written
 * @param nameSpan where the name is defined (null for built-ins)
 * @param definition the AST that defines it (a {@code Let}, {@code Template}, {@code Entry}, …), or null
 * @param declarationKind for declarations: which kind
 * @param module the module that defines it (for an import: the module it imports), or null
 * @param parent the task of a container or volume, the container of a port, the template of a parameter
 */
public record Symbol(SymbolKind kind, String name, Span nameSpan, Node definition, Kind declarationKind,
    LoadedModule module, Symbol parent) {

  /** What kind of thing a symbol is. */
  public enum SymbolKind {
    DECLARATION("declaration"),
    LET("let"),
    VAR("var"),
    TEMPLATE("template"),
    PARAMETER("parameter"),
    LOOP_VARIABLE("loop variable"),
    IMPORT("module"),
    CONTAINER("container"),
    PORT("port"),
    VOLUME("volume"),
    LISTENER_RULE("listener rule"),
    BUILTIN("built-in function");

    private final String word;

    SymbolKind(String word) {
      this.word = word;
    }

    public String word() {
      return word;
    }
  }

  /** How messages name it: {@code task definition `web`}, {@code let `replicas`}. */
  public String describe() {
    String what = kind == SymbolKind.DECLARATION ? declarationKind.word() : kind.word();
    return what + " `" + name + "`";
  }

  /** Whether the user may rename it (built-ins and the standard library's names stay as they are). */
  public boolean renamable() {
    return nameSpan != null && !nameSpan.isNone() && nameSpan.file().path() != null;
  }

  @Override
  public boolean equals(Object o) {
    // Identity: two symbols with the same name are different things (a `let x` in two templates).
    return this == o;
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(this);
  }
}
