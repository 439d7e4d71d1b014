package io.ecsl.eval;

import io.ecsl.source.Span;
import java.util.List;

/** Something that can be called: a template or a built-in function. */
public interface Callable {
  String name();

  /**
   * Calls it. {@code sink} receives declarations and entries when the call is a statement
   * (a mixin or a template that declares resources); it is null in expression position.
   */
  Value call(Interpreter interpreter, Span callSite, List<Argument> args, BodySink sink);

  /** An evaluated argument; {@code name} is null for positional ones. */
  record Argument(String name, Value value, Span span) {}
}
