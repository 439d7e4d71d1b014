package io.ecsl.eval;

import static io.ecsl.diag.LanguageCode.TYPE;

import io.ecsl.ast.Amount;
import io.ecsl.ast.Operator;
import io.ecsl.diag.Diagnostic;
import io.ecsl.source.Span;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Arithmetic, comparison and equality. Quantities combine only within one dimension
 * ({@code 1 GiB + 512 MiB} is {@code 1536 MiB}; {@code 1 GiB + 30s} is an error) and scale by
 * plain numbers ({@code 256 MiB * 2}).
 */
final class Operators {
  /**
   * Decimal results keep 34 significant digits: an exact product has the digits of both factors,
   * so a chain of `let b = a * a` doubled them on every line, to billions of digits (and an exact
   * sum of a huge and a small number has the digits in between).
   */
  private static final MathContext PRECISION = MathContext.DECIMAL128;

  private static final int MAX_DIGITS = io.ecsl.ast.Expr.DecimalLit.MAX_DIGITS;

  private Operators() {}

  static Value unary(Interpreter in, Operator op, Value v, Span at) {
    if (v instanceof Value.Error) {
      return v;
    }
    if (v instanceof Value.Symbol s) {
      throw in.unknownName(s);
    }
    switch (op) {
      case NOT -> {
        return new Value.Bool(at, !in.truth(v, at));
      }
      case NEG -> {
        if (v instanceof Value.Int i) {
          if (i.value() == Long.MIN_VALUE) {
            throw type(at, "integer overflow");
          }
          return new Value.Int(at, -i.value());
        }
        if (v instanceof Value.Dec d) {
          return new Value.Dec(at, d.value().negate());
        }
        if (v instanceof Value.Quantity q) {
          return new Value.Quantity(at, q.amount().negate(), q.unit());
        }
        throw type(at, "cannot negate a " + v.typeName());
      }
      default -> throw new IllegalStateException(op.symbol());
    }
  }

  /** Every binary operator but {@code &&} and {@code ||}, which the interpreter short-circuits. */
  static Value binary(Interpreter in, Operator op, Value l, Value r, Span at) {
    if (l instanceof Value.Error || r instanceof Value.Error) {
      return new Value.Error(at);
    }
    return switch (op) {
      case EQ -> new Value.Bool(at, equal(in, l, r));
      case NE -> new Value.Bool(at, !equal(in, l, r));
      case LT, LE, GT, GE -> compare(in, op, l, r, at);
      case ADD -> plus(in, l, r, at);
      case SUB, MUL, DIV, MOD -> arithmetic(in, op, l, r, at);
      default -> throw new IllegalStateException(op.symbol());
    };
  }

  private static Value plus(Interpreter in, Value l, Value r, Span at) {
    if (l instanceof Value.Str a && r instanceof Value.Str b) {
      in.budget().text((long) a.value().length() + b.value().length(), at);
      return new Value.Str(at, a.value() + b.value());
    }
    if (l instanceof Value.ListV a && r instanceof Value.ListV b) {
      long size = (long) a.items().size() + b.items().size();
      in.budget().steps(size, at, "this list of %s items");
      List<Value> items = new ArrayList<>(a.items());
      items.addAll(b.items());
      return new Value.ListV(at, items);
    }
    if (l instanceof Value.Str || r instanceof Value.Str) {
      throw typeHint(at, "cannot add a " + l.typeName() + " and a " + r.typeName(), "use interpolation to build strings: \"${a}${b}\"");
    }
    return arithmetic(in, Operator.ADD, l, r, at);
  }

  private static Value arithmetic(Interpreter in, Operator op, Value l, Value r, Span at) {
    rejectSymbols(in, l, r);
    if (l instanceof Value.Quantity a && r instanceof Value.Quantity b) {
      sameDimension(a, b, at);
      if (op == Operator.ADD || op == Operator.SUB) {
        Unit unit = finer(a.unit(), b.unit());
        Long wholeA = a.amount().isWhole() ? a.whole(unit) : null;
        Long wholeB = b.amount().isWhole() ? b.whole(unit) : null;
        if (wholeA != null && wholeB != null) {
          try {  // whole amounts: exact in longs, without BigDecimal (see Amount)
            return new Value.Quantity(at, Amount.of(op == Operator.ADD ? Math.addExact(wholeA, wholeB)
                : Math.subtractExact(wholeA, wholeB)), unit);
          } catch (ArithmeticException overflow) {
            // the decimal path below
          }
        }
        BigDecimal x = a.base().divide(unit.toBase(), MathContext.DECIMAL64);
        BigDecimal y = b.base().divide(unit.toBase(), MathContext.DECIMAL64);
        return new Value.Quantity(at, Amount.of(inRange(op == Operator.ADD ? x.add(y, PRECISION) : x.subtract(y, PRECISION), at)), unit);
      }
      if (op == Operator.DIV) {
        nonZero(b.base(), at);
        return new Value.Dec(at, inRange(a.base().divide(b.base(), MathContext.DECIMAL64), at));
      }
      throw type(at, "cannot " + verb(op) + " two " + a.typeName() + " values");
    }
    if (op == Operator.MUL && (l instanceof Value.Quantity && r instanceof Value.Int || r instanceof Value.Quantity && l instanceof Value.Int)) {
      Value.Quantity q = l instanceof Value.Quantity lq ? lq : (Value.Quantity) r;
      long n = (l instanceof Value.Int li ? li : (Value.Int) r).value();
      if (q.amount().isWhole()) {
        try {  // `size * 2`: exact in longs, without BigDecimal (see Amount)
          return new Value.Quantity(at, Amount.of(Math.multiplyExact(q.amount().whole(), n)), q.unit());
        } catch (ArithmeticException overflow) {
          // the decimal path below
        }
      }
    }
    if (l instanceof Value.Quantity q && numberOf(r) != null && (op == Operator.MUL || op == Operator.DIV)) {
      BigDecimal n = numberOf(r);
      if (op == Operator.DIV) {
        nonZero(n, at);
      }
      return new Value.Quantity(at, Amount.of(inRange(op == Operator.MUL ? q.amount().decimal().multiply(n, PRECISION)
          : q.amount().decimal().divide(n, MathContext.DECIMAL64), at)), q.unit());
    }
    if (r instanceof Value.Quantity q && numberOf(l) != null && op == Operator.MUL) {
      return new Value.Quantity(at, Amount.of(inRange(q.amount().decimal().multiply(numberOf(l), PRECISION), at)), q.unit());
    }
    if (l instanceof Value.Int a && r instanceof Value.Int b) {
      long x = a.value();
      long y = b.value();
      try {
        return new Value.Int(at, switch (op) {
          case ADD -> Math.addExact(x, y);
          case SUB -> Math.subtractExact(x, y);
          case MUL -> Math.multiplyExact(x, y);
          case DIV -> {
            nonZero(y, at);
            yield Math.floorDiv(x, y);
          }
          case MOD -> {
            nonZero(y, at);
            yield Math.floorMod(x, y);
          }
          default -> throw new IllegalStateException(op.symbol());
        });
      } catch (ArithmeticException e) {
        throw type(at, "integer overflow");
      }
    }
    BigDecimal x = numberOf(l);
    BigDecimal y = numberOf(r);
    if (x != null && y != null) {
      try {
        return new Value.Dec(at, inRange(switch (op) {
          case ADD -> x.add(y, PRECISION);
          case SUB -> x.subtract(y, PRECISION);
          case MUL -> x.multiply(y, PRECISION);
          case DIV -> {
            nonZero(y, at);
            yield x.divide(y, MathContext.DECIMAL64);
          }
          case MOD -> {
            nonZero(y, at);
            yield x.remainder(y, PRECISION);
          }
          default -> throw new IllegalStateException(op.symbol());
        }, at));
      } catch (ArithmeticException e) {
        throw outOfRange(at);  // a remainder whose quotient has more digits than the precision
      }
    }
    throw type(at, "cannot " + verb(op) + " " + Types.article(l.typeName()) + " and " + Types.article(r.typeName()));
  }

  private static Value compare(Interpreter in, Operator op, Value l, Value r, Span at) {
    rejectSymbols(in, l, r);
    int c;
    if (l instanceof Value.Quantity a && r instanceof Value.Quantity b) {
      sameDimension(a, b, at);
      c = compareQuantities(a, b);
    } else if (l instanceof Value.Int a && r instanceof Value.Int b) {
      c = Long.compare(a.value(), b.value());  // without BigDecimal, which is slow to load (see Amount)
    } else if (numberOf(l) != null && numberOf(r) != null) {
      c = numberOf(l).compareTo(numberOf(r));
    } else if (l instanceof Value.Str a && r instanceof Value.Str b) {
      c = a.value().compareTo(b.value());
    } else {
      throw type(at, "cannot compare a " + l.typeName() + " with a " + r.typeName());
    }
    return new Value.Bool(at, switch (op) {
      case LT -> c < 0;
      case LE -> c <= 0;
      case GT -> c > 0;
      default -> c >= 0;
    });
  }

  static boolean equal(Interpreter in, Value l, Value r) {
    if (l instanceof Value.Int a && r instanceof Value.Int b) {
      return a.value() == b.value();  // without BigDecimal, which is slow to load (see Amount)
    }
    if (numberOf(l) != null && numberOf(r) != null) {
      return numberOf(l).compareTo(numberOf(r)) == 0;
    }
    return switch (l) {
      case Value.Str a -> r instanceof Value.Str b ? a.value().equals(b.value())
          : r instanceof Value.Symbol s && a.value().equals(s.name());
      case Value.Symbol a -> r instanceof Value.Symbol b ? a.name().equals(b.name())
          : r instanceof Value.Str s && a.name().equals(s.value());
      case Value.Bool a -> r instanceof Value.Bool b && a.value() == b.value();
      case Value.Null a -> r instanceof Value.Null;
      case Value.Quantity a -> r instanceof Value.Quantity b && a.unit().dimension() == b.unit().dimension()
          && compareQuantities(a, b) == 0;
      case Value.Port a -> r instanceof Value.Port b && a.from() == b.from() && a.to() == b.to()
          && java.util.Objects.equals(a.protocol(), b.protocol());
      case Value.ListV a -> r instanceof Value.ListV b && listsEqual(in, a.items(), b.items());
      case Value.Obj a -> r instanceof Value.Obj b && objectsEqual(in, a, b);
      case Value.Ref a -> r instanceof Value.Ref b && a.targets().equals(b.targets());
      case Value.ContainerRef a -> r instanceof Value.ContainerRef b && a.task() == b.task() && a.container().equals(b.container());
      case Value.PortRef a -> r instanceof Value.PortRef b && a.task() == b.task() && a.container().equals(b.container())
          && a.port().equals(b.port());
      default -> l == r;
    };
  }

  private static boolean listsEqual(Interpreter in, List<Value> a, List<Value> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (!equal(in, a.get(i), b.get(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean objectsEqual(Interpreter in, Value.Obj a, Value.Obj b) {
    if (a.fields().size() != b.fields().size()) {
      return false;
    }
    for (int i = 0; i < a.fields().size(); i++) {
      Value.Field x = a.fields().get(i);
      Value.Field y = b.fields().get(i);
      if (!x.key().equals(y.key()) || !x.labels().equals(y.labels()) || !equal(in, x.value(), y.value())) {
        return false;
      }
    }
    return true;
  }

  static BigDecimal numberOf(Value v) {
    return Interpreter.numeric(v);
  }

  private static void rejectSymbols(Interpreter in, Value l, Value r) {
    if (l instanceof Value.Symbol s) {
      throw in.unknownName(s);
    }
    if (r instanceof Value.Symbol s) {
      throw in.unknownName(s);
    }
  }

  private static void sameDimension(Value.Quantity a, Value.Quantity b, Span at) {
    if (a.unit().dimension() != b.unit().dimension()) {
      throw typeHint(at, "cannot combine " + a.typeName() + " `" + a.display() + "` with " + b.typeName() + " `"
          + b.display() + "`", "quantities combine only with the same kind of quantity");
    }
  }

  /** Two quantities of one dimension compared by amount: in longs when both are whole in the finer unit. */
  private static int compareQuantities(Value.Quantity a, Value.Quantity b) {
    Unit unit = finer(a.unit(), b.unit());
    Long x = a.amount().isWhole() ? a.whole(unit) : null;
    Long y = b.amount().isWhole() ? b.whole(unit) : null;
    return x != null && y != null ? Long.compare(x, y) : a.base().compareTo(b.base());
  }

  private static Unit finer(Unit a, Unit b) {
    return a.notLargerThan(b) ? a : b;
  }

  /** The number, unless it has more than {@link #MAX_DIGITS} digits before or after the point. */
  static BigDecimal inRange(BigDecimal n, Span at) {
    if (n.precision() - n.scale() > MAX_DIGITS || n.scale() > MAX_DIGITS && n.stripTrailingZeros().scale() > MAX_DIGITS) {
      throw outOfRange(at);
    }
    return n;
  }

  private static EvalException outOfRange(Span at) {
    return new EvalException(Diagnostic.error(TYPE, at, "the result is out of range: numbers have at most "
        + MAX_DIGITS + " digits before and after the decimal point").withHint(null));
  }

  private static void nonZero(BigDecimal n, Span at) {
    nonZero(n.signum(), at);
  }

  private static void nonZero(long n, Span at) {
    if (n == 0) {
      throw type(at, "division by zero");
    }
  }

  private static String verb(Operator op) {
    return switch (op) {
      case ADD -> "add";
      case SUB -> "subtract";
      case MUL -> "multiply";
      case DIV -> "divide";
      default -> "take the remainder of";
    };
  }

  private static EvalException type(Span at, String message) {
    return new EvalException(Diagnostic.error(TYPE, at, message));
  }

  private static EvalException typeHint(Span at, String message, String hint) {
    return new EvalException(Diagnostic.error(TYPE, at, message).withHint(hint));
  }
}
