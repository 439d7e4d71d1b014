package io.ecsl.eval;

import io.ecsl.ast.Amount;
import io.ecsl.source.Span;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Runtime values of the language. Every value remembers the span of the expression that made it,
 * so a type error found later (when the value meets the ECS schema) can still point at its source.
 */
public sealed interface Value {
  Span span();

  /** The name of this value's type as users write it, for messages. */
  String typeName();

  record Str(Span span, String value) implements Value {
    @Override
    public String typeName() {
      return "string";
    }
  }

  record Int(Span span, long value) implements Value {
    @Override
    public String typeName() {
      return "int";
    }
  }

  record Dec(Span span, BigDecimal value) implements Value {
    @Override
    public String typeName() {
      return "number";
    }
  }

  record Bool(Span span, boolean value) implements Value {
    @Override
    public String typeName() {
      return "bool";
    }
  }

  record Null(Span span) implements Value {
    @Override
    public String typeName() {
      return "null";
    }
  }

  /** A number with a unit: {@code 512 MiB}, {@code 0.5 vcpu}, {@code 30s}, {@code 50%}. */
  record Quantity(Span span, Amount amount, Unit unit) implements Value {
    @Override
    public String typeName() {
      return unit.dimension().word();
    }

    /** The amount in the dimension's base unit (MiB, CPU units, seconds, percent). */
    public BigDecimal base() {
      return amount.decimal().multiply(unit.toBase());
    }

    public String display() {
      String n = amount.display();
      return unit.dimension() == Unit.Dimension.DURATION || unit == Unit.PERCENT ? n + unit.symbol() : n + " " + unit.symbol();
    }

    /** The base amount as a whole number, or null when it is fractional (e.g. 0.3 vcpu = 307.2 units). */
    public Long wholeBase() {
      return whole(Unit.base(unit.dimension()));
    }

    /**
     * The amount as a whole number of {@code to} (of the same dimension), or null when it is not
     * whole there ({@code 1.5 MiB} in MiB) or too large for a {@code long}. Whole amounts take
     * the fast path, without {@code BigDecimal}.
     */
    public Long whole(Unit to) {
      if (amount.isWhole()) {
        Long converted = unit.convertWhole(amount.whole(), to);
        if (converted != null) {
          return converted;
        }
      }
      try {
        // exact, or an ArithmeticException: 100s in minutes does not end
        BigDecimal b = amount.decimal().multiply(unit.toBase()).divide(to.toBase());
        return b.setScale(0, RoundingMode.UNNECESSARY).longValueExact();
      } catch (ArithmeticException e) {
        return null;
      }
    }
  }

  /** {@code 8080/tcp}; {@code to > 0} for the range form {@code 8000-8010/tcp}; protocol may be null. */
  record Port(Span span, int from, int to, String protocol) implements Value {
    @Override
    public String typeName() {
      return "port";
    }

    public boolean isRange() {
      return to > 0;
    }
  }

  record ListV(Span span, List<Value> items) implements Value {
    public ListV {
      items = List.copyOf(items);
    }

    @Override
    public String typeName() {
      return "list";
    }
  }

  /**
   * An object: what a block body or {@code { … }} evaluates to. Entries keep their order, may repeat
   * a key with different labels ({@code container app}, {@code container sidecar}) and remember
   * where each key and value were written.
   */
  record Obj(Span span, List<Field> fields) implements Value {
    public Obj {
      fields = List.copyOf(fields);
    }

    @Override
    public String typeName() {
      return "object";
    }

    /** The value of the unlabelled entry {@code key}, or null. */
    public Field field(String key) {
      for (Field f : fields) {
        if (f.key().equals(key) && f.labels().isEmpty()) {
          return f;
        }
      }
      return null;
    }

    public Value get(String key) {
      Field f = field(key);
      return f == null ? null : f.value();
    }

    /** Every entry with this key, labelled or not, in order. */
    public List<Field> all(String key) {
      List<Field> out = new ArrayList<>();
      for (Field f : fields) {
        if (f.key().equals(key)) {
          out.add(f);
        }
      }
      return out;
    }
  }

  /**
   * One entry of an object. {@code soft} entries came from a spread or a template mixin and give way
   * to an explicit entry with the same key; {@code in} is the {@code in expr} of a block header.
   */
  record Field(String key, List<String> labels, Value value, Span keySpan, Span valueSpan, Value in, boolean soft,
      boolean block, Span span) {
    /**
     * {@code span} covers key and value. It is made once, here, because every stage after
     * evaluation asks for it and the model keeps it: made on every ask, a 10,000-service project
     * made ~400,000 equal spans per check. The evaluator passes its entry's own span where that
     * is the same range, so a template's fields share one span across all its uses.
     */
    public Field {
      labels = List.copyOf(labels);
      if (span == null) {
        span = keySpan.to(valueSpan);
      }
    }

    public Field(String key, List<String> labels, Value value, Span keySpan, Span valueSpan, Value in, boolean soft,
        boolean block) {
      this(key, labels, value, keySpan, valueSpan, in, soft, block, null);
    }

    public String label() {
      return labels.isEmpty() ? null : labels.get(0);
    }
  }

  /**
   * A bare word that names nothing in scope, such as {@code awsvpc}, {@code FARGATE} or
   * {@code enabled}. It is accepted only where the schema expects an enum value; anywhere else it
   * is reported as an unknown name, with suggestions from the scope it was written in.
   */
  record Symbol(Span span, String name, Env scope) implements Value {
    @Override
    public String typeName() {
      return "name";
    }
  }

  /**
   * A reference to declared resources ({@code web}, {@code prod}, {@code common.prod}). Names are
   * per kind, so {@code web} may name both a task definition and a service; the context picks
   * the kind it needs ({@code task = web} takes the task definition).
   */
  record Ref(Span span, List<Declaration> targets) implements Value {
    public Ref {
      targets = List.copyOf(targets);
    }

    public Ref(Span span, Declaration target) {
      this(span, List.of(target));
    }

    /** The declaration of a kind, or null. */
    public Declaration of(Kind kind) {
      for (Declaration d : targets) {
        if (d.kind() == kind) {
          return d;
        }
      }
      return null;
    }

    /** The declaration when the name has one kind; otherwise the first (task, then others). */
    public Declaration target() {
      Declaration task = of(Kind.TASK);
      return targets.size() == 1 || task == null ? targets.get(0) : task;
    }

    /** "task definition `web`" or "task definition and service `web`". */
    public String describe() {
      List<String> kinds = new ArrayList<>();
      targets.forEach(d -> kinds.add(d.kind().word()));
      return String.join(" and ", kinds) + " `" + targets.get(0).label() + "`";
    }

    /** The same name with one more kind. */
    public Ref with(Declaration d) {
      List<Declaration> more = new ArrayList<>(targets);
      more.add(d);
      return new Ref(span, more);
    }

    @Override
    public String typeName() {
      return targets.size() == 1 ? targets.get(0).kind().word() : "reference";
    }
  }

  /** {@code web.app}: a container of a task definition. */
  record ContainerRef(Span span, Declaration task, String container) implements Value {
    @Override
    public String typeName() {
      return "container";
    }
  }

  /** {@code web.app.http}: a named port of a container. */
  record PortRef(Span span, Declaration task, String container, String port) implements Value {
    @Override
    public String typeName() {
      return "container port";
    }
  }

  /**
   * {@code http.canary}: the rule {@code rule canary { … }} declared in listener {@code http}, for
   * the settings that take a listener rule's ARN (a service's {@code production_listener_rule}).
   */
  record RuleRef(Span span, Declaration listener, String rule) implements Value {
    @Override
    public String typeName() {
      return "listener rule";
    }
  }

  record Module(Span span, ModuleScope module) implements Value {
    @Override
    public String typeName() {
      return "module";
    }
  }

  record Function(Span span, Callable callable) implements Value {
    @Override
    public String typeName() {
      return "template";
    }
  }

  /** The result of an expression that already failed and was reported; never reported again. */
  record Error(Span span) implements Value {
    @Override
    public String typeName() {
      return "error";
    }
  }
}
