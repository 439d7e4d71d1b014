package io.ecsl.facts.query;

import java.util.List;

/**
 * A parsed cluster query expression: conditions combined by {@code and}, {@code or} and
 * {@code not}. Every node knows the offsets [start, end) of its text in the expression.
 */
public sealed interface Expression permits Condition, Expression.And, Expression.Or, Expression.Not {
  int start();

  int end();

  /** True when the instance satisfies this expression. */
  boolean matches(InstanceSnapshot instance);

  /** {@code a and b and …} ({@code &&}): every operand holds. */
  record And(List<Expression> operands, int start, int end) implements Expression {
    public And {
      operands = List.copyOf(operands);
    }

    @Override
    public boolean matches(InstanceSnapshot instance) {
      for (Expression e : operands) {
        if (!e.matches(instance)) {
          return false;
        }
      }
      return true;
    }
  }

  /** {@code a or b or …} ({@code ||}): some operand holds. */
  record Or(List<Expression> operands, int start, int end) implements Expression {
    public Or {
      operands = List.copyOf(operands);
    }

    @Override
    public boolean matches(InstanceSnapshot instance) {
      for (Expression e : operands) {
        if (e.matches(instance)) {
          return true;
        }
      }
      return false;
    }
  }

  /** {@code not e} ({@code !e}, {@code not(e)}). */
  record Not(Expression operand, int start, int end) implements Expression {
    @Override
    public boolean matches(InstanceSnapshot instance) {
      return !operand.matches(instance);
    }
  }
}
