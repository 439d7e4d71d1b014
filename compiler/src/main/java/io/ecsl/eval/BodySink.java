package io.ecsl.eval;

/**
 * Where the items of a body go. A block body collects fields into an object; the top level of a
 * module (and a template called there) collects resource declarations.
 */
public interface BodySink {
  /** Adds an attribute or nested block; reports a duplicate through the interpreter. */
  void field(Value.Field field, Interpreter interpreter);

  /** True at the top level, where {@code task}, {@code service}, … declare resources. */
  boolean acceptsDeclarations();

  /** Adds a resource; only called when {@link #acceptsDeclarations()}. */
  void declaration(Declaration declaration);
}
