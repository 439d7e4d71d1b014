package io.ecsl.golden;

import io.ecsl.source.Span;
import java.lang.reflect.RecordComponent;
import java.util.List;

/** A printout of an AST without source positions, to compare two parses of different text. */
final class AstDump {
  private AstDump() {}

  static String dump(Object node) {
    StringBuilder sb = new StringBuilder();
    dump(node, sb);
    return sb.toString();
  }

  private static void dump(Object node, StringBuilder sb) {
    if (node == null) {
      sb.append("null");
    } else if (node instanceof List<?> list) {
      sb.append('[');
      for (Object o : list) {
        dump(o, sb);
        sb.append(", ");
      }
      sb.append(']');
    } else if (node instanceof Record r) {
      sb.append(r.getClass().getSimpleName()).append('(');
      for (RecordComponent c : r.getClass().getRecordComponents()) {
        if (c.getType() == Span.class) {
          continue;
        }
        try {
          sb.append(c.getName()).append('=');
          dump(c.getAccessor().invoke(r), sb);
          sb.append(' ');
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException(e);
        }
      }
      sb.append(')');
    } else if (node instanceof java.math.BigDecimal d) {
      sb.append(d.stripTrailingZeros().toPlainString());
    } else {
      sb.append(node);
    }
  }
}
