package io.ecsl.eval;

import static io.ecsl.diag.LanguageCode.NOT_A_DECLARATION;

import io.ecsl.source.Span;
import java.util.ArrayList;
import java.util.List;

/**
 * A module at evaluation time: the names its files define (shared by all of them) and the
 * resources it declares. Imported modules are evaluated once however often they are imported.
 */
public final class ModuleScope implements BodySink {
  private final String name;
  private final Env env;
  private final boolean root;
  private final List<Declaration> declarations = new ArrayList<>();

  public ModuleScope(String name, Env parent, boolean root) {
    this.name = name;
    this.env = new Env(parent);
    this.root = root;
  }

  public String name() {
    return name;
  }

  public Env env() {
    return env;
  }

  /** The root module is the project itself; only it may declare {@code var} inputs. */
  public boolean isRoot() {
    return root;
  }

  public List<Declaration> declarations() {
    return declarations;
  }

  @Override
  public void field(Value.Field field, Interpreter interpreter) {
    interpreter.report(io.ecsl.diag.Diagnostic.error(NOT_A_DECLARATION, field.keySpan(),
        "`" + field.key() + "` is not a declaration")
        .withHint(io.ecsl.diag.Suggestions.closest(field.key(), Kind.keywords()) != null
            ? "did you mean `" + io.ecsl.diag.Suggestions.closest(field.key(), Kind.keywords()) + "`?"
            : "the top level declares " + String.join(", ", Kind.keywords()) + "; use `let` for a value"));
  }

  @Override
  public boolean acceptsDeclarations() {
    return true;
  }

  @Override
  public void declaration(Declaration declaration) {
    declarations.add(declaration);
  }

  public Value.Module asValue(Span span) {
    return new Value.Module(span, this);
  }
}
