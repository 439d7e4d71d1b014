package io.ecsl.eval;

import static io.ecsl.diag.LanguageCode.DEFINED_IN_TERMS_OF_ITSELF;

import io.ecsl.ast.Item;
import io.ecsl.source.Span;
import java.util.ArrayList;
import java.util.List;

/**
 * A declared resource ({@code task web { … }}) before it meets the ECS schema. Its body is
 * evaluated on first use, so a service can refer to a task definition declared further down or
 * in another file, and navigate into it ({@code web.app.http}).
 */
public final class Declaration {
  private final Kind kind;
  private final String label;
  private final Span span;
  private final Span labelSpan;
  private final Item.Entry entry;
  private final Env env;
  private Value in;
  private Value.Obj body;
  private boolean evaluating;

  public Declaration(Kind kind, String label, Span span, Span labelSpan, Item.Entry entry, Env env) {
    this.kind = kind;
    this.label = label;
    this.span = span;
    this.labelSpan = labelSpan;
    this.entry = entry;
    this.env = env;
  }

  public Kind kind() {
    return kind;
  }

  /** The label as written: the default AWS name (family, service name, cluster name, …). */
  public String label() {
    return label;
  }

  /** The header, e.g. {@code service web in prod}. */
  public Span span() {
    return span;
  }

  public Span labelSpan() {
    return labelSpan;
  }

  /** {@code service web in prod}: the cluster written after {@code in}, or null. */
  public Value in(Interpreter interpreter) {
    body(interpreter);
    return in;
  }

  /** Evaluates the body once. */
  public Value.Obj body(Interpreter interpreter) {
    if (body != null) {
      return body;
    }
    if (evaluating) {
      throw new EvalException(io.ecsl.diag.Diagnostic.error(DEFINED_IN_TERMS_OF_ITSELF, span,
          kind.word() + " `" + label + "` refers to itself through its own body")
          .withHint("a declaration cannot depend on its own contents"));
    }
    evaluating = true;
    try {
      in = entry.in() == null ? null : interpreter.evalCatching(entry.in(), env);
      body = interpreter.evalDeclarationBody(entry, env);
    } finally {
      evaluating = false;
    }
    return body;
  }

  /** Names of the containers of a task definition, in order. */
  public List<String> containerNames(Interpreter interpreter) {
    List<String> names = new ArrayList<>();
    for (Value.Field f : body(interpreter).all("container")) {
      if (f.label() != null) {
        names.add(f.label());
      }
    }
    return names;
  }

  /** The body of container {@code name} of a task definition, or null. */
  public Value.Field container(Interpreter interpreter, String name) {
    for (Value.Field f : body(interpreter).all("container")) {
      if (name.equals(f.label())) {
        return f;
      }
    }
    return null;
  }

  /**
   * The name AWS will know it by: an explicit {@code family}/{@code service_name}/… attribute if
   * the body sets one to a plain string, else the label.
   */
  public String awsName(Interpreter interpreter) {
    String attribute = switch (kind) {
      case TASK -> "family";
      case SERVICE, EXPRESS_SERVICE -> "service_name";
      case DAEMON -> "daemon_name";
      case CLUSTER -> "cluster_name";
      default -> "name";
    };
    Value v = body(interpreter).get(attribute);
    if (v instanceof Value.Str s) {
      return s.value();
    }
    return label;
  }

  @Override
  public String toString() {
    return kind.keyword() + " " + label;
  }
}
