package io.ecsl.eval;

import static io.ecsl.diag.LanguageCode.TYPE;

import io.ecsl.diag.Diagnostic;
import io.ecsl.source.Span;

/** How values read inside {@code "${…}"}: scalars as written, references as the AWS name. */
final class Text {
  private Text() {}

  static String interpolate(Interpreter in, Value v, Span at) {
    return switch (v) {
      case Value.Str s -> s.value();
      case Value.Int i -> Long.toString(i.value());
      case Value.Dec d -> d.value().stripTrailingZeros().toPlainString();
      case Value.Bool b -> Boolean.toString(b.value());
      case Value.Quantity q -> q.display();
      case Value.Port p -> p.isRange() ? p.from() + "-" + p.to() + protocolSuffix(p) : p.from() + protocolSuffix(p);
      case Value.Ref r -> r.target().awsName(in);  // names of one declaration, whatever its kinds
      case Value.ContainerRef c -> c.container();
      case Value.PortRef p -> Long.toString(in.containerPortNumber(p));
      case Value.Symbol s -> throw in.unknownName(s);
      case Value.Null n -> throw new EvalException(Diagnostic.error(TYPE, at, "cannot put null into a string")
          .withHint("give the value a default, e.g. `x != null ? x : \"\"`"));
      case Value.Error e -> throw Silent.INSTANCE;
      default -> throw new EvalException(Diagnostic.error(TYPE, at,
          "cannot put a " + v.typeName() + " into a string")
          .withHint(v instanceof Value.ListV ? "join the items first: `${join(\",\", list)}`" : "pick one field of it"));
    };
  }

  private static String protocolSuffix(Value.Port p) {
    return p.protocol() == null ? "" : "/" + p.protocol();
  }
}
