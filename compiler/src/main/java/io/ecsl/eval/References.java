package io.ecsl.eval;

import static io.ecsl.diag.LanguageCode.NO_SUCH_MEMBER;

import io.ecsl.ast.Expr;
import io.ecsl.ast.Item;
import io.ecsl.diag.Diagnostic;
import io.ecsl.source.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What the language knows of ECS references, apart from evaluating expressions: how a name that
 * stands for declarations is navigated ({@code web.name}, {@code web.app}, {@code web.app.http},
 * {@code web.app.http.port}), and the scope of a service body, where the containers of its task
 * definition are in scope ({@code load_balancer { container = app.http }}) while its own
 * {@code task = …} still names the task definition, not a container of the same name.
 */
final class References {
  /** The attributes of a service that name its task definition. */
  private static final Set<String> TASK_OF_SERVICE = Set.of("task", "task_definition");

  private final Interpreter interpreter;
  /** While a service body is evaluated: the scope its {@code task = …} is read in (without its containers). */
  private Env serviceOuterEnv;

  References(Interpreter interpreter) {
    this.interpreter = interpreter;
  }

  // ------------------------------------------------------------------------------ service scope

  /**
   * Where the value of attribute {@code key} is evaluated: a service's {@code task = api} in the
   * scope outside the service, so that it names the task definition even when a container is also
   * {@code api}; anything else in {@code env}.
   */
  Env scopeFor(String key, List<String> labels, Env env) {
    return serviceOuterEnv != null && labels.isEmpty() && TASK_OF_SERVICE.contains(key) ? serviceOuterEnv : env;
  }

  /**
   * Enters the body of a declaration (or of a block inside one when {@code declaration} is false)
   * whose scope is {@code scope}, a child of {@code env}. Returns what {@link #leave} restores.
   */
  Env enter(Item.Entry block, Env env, Env scope, boolean declaration) {
    Env previous = serviceOuterEnv;
    if (declaration && Kind.SERVICE.keyword().equals(block.key().constant())) {
      exposeContainers(block, env, scope);
      serviceOuterEnv = env;
    } else if (declaration) {
      serviceOuterEnv = null;
    }
    return previous;
  }

  void leave(Env previous) {
    serviceOuterEnv = previous;
  }

  /** Lets {@code load_balancer { container = app.http }} name the containers of the service's task. */
  private void exposeContainers(Item.Entry service, Env env, Env scope) {
    for (Item item : service.body()) {
      if (item instanceof Item.Entry t && TASK_OF_SERVICE.contains(t.key().constant()) && t.labels().isEmpty()
          && t.value() != null) {
        Value v;
        try {
          v = interpreter.eval(t.value(), env);
        } catch (EvalException ignored) {
          return; // reported when the attribute itself is evaluated
        }
        if (v instanceof Value.Ref r && r.of(Kind.TASK) != null) {
          Declaration task = r.of(Kind.TASK);
          for (String name : task.containerNames(interpreter)) {
            scope.define(name, t.span(), new Value.ContainerRef(t.value().span(), task, name));
          }
        }
        return;
      }
    }
  }

  // ------------------------------------------------------------------------------ navigation

  /** {@code web.x}: the AWS name, a container of a task definition, or an attribute of the body. */
  Value declarationMember(Value.Ref r, Expr.Member m) {
    Declaration d = r.target();
    String name = m.member().name();
    if (r.targets().size() > 1 && !name.equals("name") && r.of(Kind.TASK) != null
        && r.of(Kind.TASK).container(interpreter, name) == null) {
      throw new EvalException(Diagnostic.error(NO_SUCH_MEMBER, m.span(), "`" + r.targets().get(0).label() + "` names a "
          + r.describe().replaceFirst(" `.*", "") + "; `." + name + "` is ambiguous")
          .withHint("only a task definition's containers can be reached this way"));
    }
    if (name.equals("name")) {
      return new Value.Str(m.span(), d.awsName(interpreter));
    }
    if (d.kind() == Kind.TASK && d.container(interpreter, name) != null) {
      return new Value.ContainerRef(m.span(), d, name);
    }
    Value v = d.body(interpreter).get(name);
    if (v != null) {
      return v;
    }
    Declaration listener = r.of(Kind.LISTENER);
    if (listener != null && listener.body(interpreter).all("rule").stream().anyMatch(f -> name.equals(f.label()))) {
      return new Value.RuleRef(m.span(), listener, name);
    }
    List<String> candidates = new ArrayList<>(d.kind() == Kind.TASK ? d.containerNames(interpreter) : List.of());
    if (listener != null) {
      listener.body(interpreter).all("rule").stream().filter(f -> f.label() != null).forEach(f -> candidates.add(f.label()));
    }
    for (Value.Field f : d.body(interpreter).fields()) {
      if (f.labels().isEmpty()) {
        candidates.add(f.key());
      }
    }
    candidates.add("name");
    throw Interpreter.noMember(d.kind().word() + " `" + d.label() + "`", name, candidates, m);
  }

  /** {@code web.app.x}: the container's name, one of its named ports, or an attribute. */
  Value containerMember(Value.ContainerRef c, Expr.Member m) {
    String name = m.member().name();
    if (name.equals("name")) {
      return new Value.Str(m.span(), c.container());
    }
    Value.Field container = c.task().container(interpreter, c.container());
    if (container == null || !(container.value() instanceof Value.Obj body)) {
      return new Value.Error(m.span());
    }
    List<String> ports = new ArrayList<>();
    for (Value.Field f : body.all("port")) {
      if (f.label() != null) {
        ports.add(f.label());
        if (f.label().equals(name)) {
          return new Value.PortRef(m.span(), c.task(), c.container(), name);
        }
      }
    }
    Value v = body.get(name);
    if (v != null) {
      return v;
    }
    List<String> candidates = new ArrayList<>(ports);
    candidates.add("name");
    throw Interpreter.noMember("container `" + c.container() + "`", name, candidates, m);
  }

  /** {@code web.app.http.x}: the port's number, its name, or its container. */
  Value portMember(Value.PortRef p, Expr.Member m) {
    Span at = m.span();
    String name = m.member().name();
    return switch (name) {
      case "port", "container_port" -> new Value.Int(at, containerPortNumber(p));
      case "name" -> new Value.Str(at, p.port());
      case "container" -> new Value.ContainerRef(at, p.task(), p.container());
      default -> throw Interpreter.noMember("port `" + p.port() + "`", name, List.of("port", "name", "container"), m);
    };
  }

  /** The container port number behind {@code web.app.http}. */
  long containerPortNumber(Value.PortRef p) {
    Value.Field container = p.task().container(interpreter, p.container());
    if (container != null && container.value() instanceof Value.Obj body) {
      for (Value.Field f : body.all("port")) {
        if (p.port().equals(f.label())) {
          Value v = f.value();
          if (v instanceof Value.Obj o) {
            // `port http = 8080/tcp { host = 0 }` keeps the number in its primary value
            v = o.get(Interpreter.PRIMARY) != null ? o.get(Interpreter.PRIMARY)
                : o.get("container_port") != null ? o.get("container_port") : v;
          }
          if (v instanceof Value.Port port) {
            return port.from();
          }
          if (v instanceof Value.Int i) {
            return i.value();
          }
        }
      }
    }
    throw Silent.INSTANCE;
  }
}
