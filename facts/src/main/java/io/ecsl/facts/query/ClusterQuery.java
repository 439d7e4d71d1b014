package io.ecsl.facts.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * ECS's cluster query language (ecs-semantics §3.5): the expression of a {@code memberOf}
 * placement constraint and of ListContainerInstances' {@code filter}. One parser, producing an
 * {@link Expression} tree whose nodes carry character offsets, and one evaluator over an
 * {@link InstanceSnapshot}; the compiler checks expressions with it and the runtime places tasks
 * with it.
 *
 * <p>{@code subject operator [argument]} conditions ({@code attribute:ecs.instance-type =~ t3.*},
 * {@code task:group == service:web}, {@code registeredAt < 2018-02-13},
 * {@code ec2InstanceId in ['i-abcd1234', 'i-wxyx7890']}) joined by {@code and}/{@code &&} and
 * {@code or}/{@code ||}, negated by {@code not}/{@code !}, grouped by parentheses. Each subject
 * takes the operators ECS documents for it ({@link Subject#operators()}); a list goes with
 * {@code in} and {@code !in} only; {@code =~} takes a Java regular expression, which is how ECS
 * writes wildcards ({@code g2.*}).
 */
public final class ClusterQuery {
  private final String text;
  private final Expression expression;

  private ClusterQuery(String text, Expression expression) {
    this.text = text;
    this.expression = expression;
  }

  /** Parses an expression; throws {@link ClusterQuerySyntaxError} (with offsets) if ECS could not read it. */
  public static ClusterQuery parse(String text) {
    return new ClusterQuery(text, Parser.parse(text));
  }

  /** What is wrong with an expression, or empty when it parses. */
  public static Optional<ClusterQuerySyntaxError> check(String text) {
    try {
      Parser.parse(text);
      return Optional.empty();
    } catch (ClusterQuerySyntaxError e) {
      return Optional.of(e);
    }
  }

  /** The expression as written. */
  public String text() {
    return text;
  }

  /** The root of the parsed tree. */
  public Expression expression() {
    return expression;
  }

  /** True when the instance satisfies the expression. */
  public boolean matches(InstanceSnapshot instance) {
    return expression.matches(instance);
  }

  /**
   * True when the expression asks about the tasks on an instance ({@code task:group},
   * {@code runningTasksCount}), so its answer can change as tasks are placed; otherwise the answer
   * for an instance holds until the instance's attributes or agent change, and a placer may keep it.
   */
  public boolean readsTasks() {
    for (Condition c : conditions()) {
      if (c.subject() == Subject.TASK_GROUP || c.subject() == Subject.RUNNING_TASKS_COUNT) {
        return true;
      }
    }
    return false;
  }

  /** Every condition of the expression, in the order written. */
  public List<Condition> conditions() {
    List<Condition> out = new ArrayList<>();
    collect(expression, out);
    return out;
  }

  private static void collect(Expression e, List<Condition> out) {
    switch (e) {
      case Condition c -> out.add(c);
      case Expression.And and -> and.operands().forEach(o -> collect(o, out));
      case Expression.Or or -> or.operands().forEach(o -> collect(o, out));
      case Expression.Not not -> collect(not.operand(), out);
    }
  }

  @Override
  public String toString() {
    return text;
  }
}
