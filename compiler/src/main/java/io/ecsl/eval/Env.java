package io.ecsl.eval;

import static io.ecsl.diag.LanguageCode.DEFINED_IN_TERMS_OF_ITSELF;

import io.ecsl.source.Span;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A lexical scope. Names are bound to slots that may be lazy: {@code let}s and declarations can be
 * used before the line that defines them, and each is evaluated at most once.
 */
public final class Env {
  private final Env parent;
  private final Map<String, Slot> slots = new LinkedHashMap<>();

  public Env(Env parent) {
    this.parent = parent;
  }

  public Env child() {
    return new Env(this);
  }

  /** A binding; {@code definedAt} lets duplicate-name errors point at the first definition. */
  public static final class Slot {
    private final Span definedAt;
    private Supplier<Value> thunk;
    private Value value;
    private boolean evaluating;

    Slot(Span definedAt, Value value, Supplier<Value> thunk) {
      this.definedAt = definedAt;
      this.value = value;
      this.thunk = thunk;
    }

    public Span definedAt() {
      return definedAt;
    }

    /** The value if it is already known (never forces a lazy slot). */
    public Value peek() {
      return value;
    }

    /** Forces the slot; a slot that is needed while it is being computed is a cycle. */
    Value force(Span usedAt, String name) {
      if (value != null) {
        return value;
      }
      if (evaluating) {
        throw new EvalException(io.ecsl.diag.Diagnostic.error(DEFINED_IN_TERMS_OF_ITSELF, usedAt,
            "`" + name + "` is defined in terms of itself").withLabel(definedAt, "`" + name + "` is defined here")
            .withHint("break the cycle: one of the definitions must not refer back"));
      }
      evaluating = true;
      try {
        value = thunk.get();
      } catch (EvalException | Interpreter.Runaway e) {
        value = new Value.Error(usedAt);
        throw e;
      } finally {
        evaluating = false;
        thunk = null;
      }
      return value;
    }
  }

  /** Binds a ready value; returns the previous slot in this scope if the name was taken. */
  public Slot define(String name, Span definedAt, Value value) {
    return slots.putIfAbsent(name, new Slot(definedAt, value, null));
  }

  /** Replaces a binding of this scope (a name that gains a declaration of another kind). */
  public void replace(String name, Span definedAt, Value value) {
    slots.put(name, new Slot(definedAt, value, null));
  }

  public Slot defineLazy(String name, Span definedAt, Supplier<Value> thunk) {
    return slots.putIfAbsent(name, new Slot(definedAt, null, thunk));
  }

  /** The slot for a name in this scope or an enclosing one, or null. */
  public Slot lookup(String name) {
    for (Env e = this; e != null; e = e.parent) {
      Slot s = e.slots.get(name);
      if (s != null) {
        return s;
      }
    }
    return null;
  }

  public Slot local(String name) {
    return slots.get(name);
  }

  public Collection<String> localNames() {
    return slots.keySet();
  }

  /** Every visible name, for "did you mean". */
  public Set<String> visibleNames() {
    Set<String> names = new LinkedHashSet<>();
    for (Env e = this; e != null; e = e.parent) {
      names.addAll(e.slots.keySet());
    }
    return names;
  }
}
