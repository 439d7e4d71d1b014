package io.ecsl.lower;

import io.ecsl.eval.Declaration;
import io.ecsl.eval.Interpreter;
import io.ecsl.eval.Kind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The project's target groups by name, for {@code forward { web = 90, web_green = 10 }}: there the
 * target groups are the block's keys, which are words, not expressions, so they are looked up here
 * by AWS name (unique in an account and region) or, failing that, by label when one declaration has it.
 */
final class TargetGroupNames {
  static final TargetGroupNames NONE = new TargetGroupNames(List.of(), null);

  private final Map<String, Declaration> byAwsName = new HashMap<>();
  private final Map<String, List<Declaration>> byLabel = new HashMap<>();
  private final Set<String> names = new LinkedHashSet<>();
  private final Interpreter interpreter;

  TargetGroupNames(List<Declaration> declarations, Interpreter interpreter) {
    this.interpreter = interpreter;
    for (Declaration d : declarations) {
      if (d.kind() != Kind.TARGET_GROUP) {
        continue;
      }
      String aws = d.awsName(interpreter);
      byAwsName.putIfAbsent(aws, d);
      byLabel.computeIfAbsent(d.label(), k -> new ArrayList<>()).add(d);
      names.add(aws);
    }
  }

  /** The declaration a name means, or null; {@link #ambiguous} tells why not when labels collide. */
  Declaration find(String name) {
    Declaration d = byAwsName.get(name);
    if (d != null) {
      return d;
    }
    List<Declaration> labelled = byLabel.get(name);
    return labelled != null && labelled.size() == 1 ? labelled.get(0) : null;
  }

  /** True when several target groups have this label (templates declare one per call). */
  boolean ambiguous(String name) {
    List<Declaration> labelled = byLabel.get(name);
    return !byAwsName.containsKey(name) && labelled != null && labelled.size() > 1;
  }

  /** The AWS names of every declared target group, for "did you mean". */
  Set<String> names() {
    return names;
  }

  String awsName(Declaration d) {
    return d.awsName(interpreter);
  }
}
