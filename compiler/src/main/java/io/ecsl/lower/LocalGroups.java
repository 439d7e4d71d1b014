package io.ecsl.lower;

import static io.ecsl.diag.LanguageCode.INVALID_VALUE;
import static io.ecsl.diag.LanguageCode.MISSING_REQUIRED;
import static io.ecsl.diag.LanguageCode.TYPE;
import static io.ecsl.diag.LanguageCode.UNKNOWN_ATTRIBUTE;

import io.ecsl.diag.Diagnostic;
import io.ecsl.diag.LanguageCode;
import io.ecsl.diag.Suggestions;
import io.ecsl.eval.Declaration;
import io.ecsl.eval.Unit;
import io.ecsl.eval.Value;
import io.ecsl.facts.ec2.InstanceTypes;
import io.ecsl.model.LocalGroup;
import java.util.ArrayList;
import java.util.List;

/**
 * A capacity provider's {@code local_group { instance_type, zones, min, max, desired, warmup,
 * scale_in_after }}: what the local runtime simulates behind its Auto Scaling group
 * ({@link LocalGroup}). Lowered beside the CreateCapacityProvider request, never into it.
 */
final class LocalGroups {
  static final String KEY = "local_group";
  private static final List<String> SETTINGS = List.of("instance_type", "zones", "min", "max", "desired", "warmup",
      "scale_in_after");

  private LocalGroups() {}

  /** The block's group, or null when there is none (or it has errors, reported). */
  static LocalGroup read(ModelBuilder builder, Declaration d) {
    Value block = d.body(builder.interpreter()).get(KEY);
    if (block == null) {
      return null;
    }
    Reporter report = new Reporter(builder);
    if (!(block instanceof Value.Obj o)) {
      report.error(TYPE, block.span(), "`local_group` takes a block",
          "local_group { instance_type = \"m5.large\", zones = [\"us-east-1a\", \"us-east-1b\"], min = 0, max = 4 }");
      return null;
    }
    if (d.body(builder.interpreter()).get("auto_scaling_group") == null) {
      report.error(MISSING_REQUIRED, block.span(), "`local_group` describes an Auto Scaling group: capacity provider `"
          + d.label() + "` needs `auto_scaling_group`", "auto_scaling_group = \"arn:aws:autoscaling:…\"");
    }
    for (Value.Field f : o.fields()) {
      if (!SETTINGS.contains(f.key())) {
        String guess = Suggestions.didYouMean(f.key(), SETTINGS);
        report.error(UNKNOWN_ATTRIBUTE, f.keySpan(), "unknown local_group setting `" + f.key() + "`",
            guess != null ? guess : "local_group takes " + String.join(", ", SETTINGS));
      }
    }
    String type = text(report, o, "instance_type", "instance_type = \"m5.large\"");
    if (type != null && InstanceTypes.find(type).isEmpty()) {
      report.error(INVALID_VALUE, o.field("instance_type").valueSpan(), "`" + type + "` is not an instance type the local"
          + " runtime knows", "use one of " + InstanceTypes.known());
      type = null;
    }
    List<String> zones = zones(report, o);
    Long min = whole(report, o, "min");
    Long max = whole(report, o, "max");
    Long desired = whole(report, o, "desired");
    Long warmup = seconds(report, o, "warmup");
    Long scaleInAfter = seconds(report, o, "scale_in_after");
    if (type == null && o.field("instance_type") == null) {
      report.error(MISSING_REQUIRED, o.span(), "`local_group` needs `instance_type`", "instance_type = \"m5.large\"");
    }
    if (max == null && o.field("max") == null) {
      report.error(MISSING_REQUIRED, o.span(), "`local_group` needs `max`: the most instances the group may hold", "max = 4");
    }
    long low = min == null ? 0 : min;
    if (max != null && low > max) {
      report.error(INVALID_VALUE, o.field("min").valueSpan(), "`min` " + low + " is more than `max` " + max,
          "the group's sizes must satisfy min <= desired <= max");
    } else if (max != null && desired != null && (desired < low || desired > max)) {
      report.error(INVALID_VALUE, o.field("desired").valueSpan(), "`desired` " + desired + " is outside min " + low
          + " and max " + max, "the group's sizes must satisfy min <= desired <= max");
    }
    if (report.failed || type == null || max == null) {
      return null;
    }
    return new LocalGroup(type, zones, (int) low, max.intValue(), desired == null ? null : desired.intValue(), warmup,
        scaleInAfter, o.span());
  }

  private static String text(Reporter report, Value.Obj o, String key, String example) {
    Value.Field f = o.field(key);
    if (f == null) {
      return null;
    }
    if (f.value() instanceof Value.Str s && !s.value().isBlank()) {
      return s.value();
    }
    report.error(TYPE, f.valueSpan(), "`" + key + "` takes a string, not " + f.value().typeName(), example);
    return null;
  }

  private static List<String> zones(Reporter report, Value.Obj o) {
    Value.Field f = o.field("zones");
    List<String> out = new ArrayList<>();
    if (f == null) {
      return out;
    }
    if (f.value() instanceof Value.ListV list) {
      for (Value item : list.items()) {
        if (item instanceof Value.Str s && !s.value().isBlank()) {
          out.add(s.value());
        } else {
          report.error(TYPE, item.span(), "an Availability Zone is a string, not " + item.typeName(),
              "zones = [\"us-east-1a\", \"us-east-1b\"]");
        }
      }
      return out;
    }
    report.error(TYPE, f.valueSpan(), "`zones` takes a list of Availability Zones", "zones = [\"us-east-1a\"]");
    return out;
  }

  private static Long whole(Reporter report, Value.Obj o, String key) {
    Value.Field f = o.field(key);
    if (f == null) {
      return null;
    }
    if (f.value() instanceof Value.Int i && i.value() >= 0 && i.value() <= 10000) {
      return i.value();
    }
    report.error(TYPE, f.valueSpan(), "`" + key + "` takes a whole number of instances from 0 to 10000, not "
        + (f.value() instanceof Value.Int i ? i.value() : f.value().typeName()), key + " = 2");
    return null;
  }

  private static Long seconds(Reporter report, Value.Obj o, String key) {
    Value.Field f = o.field(key);
    if (f == null) {
      return null;
    }
    if (f.value() instanceof Value.Quantity q && q.unit().dimension() == Unit.Dimension.DURATION) {
      Long whole = q.wholeBase();
      if (whole != null && whole >= 0 && whole <= 10000) {
        return whole;
      }
    }
    report.error(TYPE, f.valueSpan(), "`" + key + "` takes a duration of whole seconds up to 10000s, e.g. 10s or 2m",
        key + " = 10s");
    return null;
  }

  /** Reports through the interpreter and remembers that something failed. */
  private static final class Reporter {
    private final ModelBuilder builder;
    boolean failed;

    Reporter(ModelBuilder builder) {
      this.builder = builder;
    }

    void error(LanguageCode code, io.ecsl.source.Span span, String message, String hint) {
      failed = true;
      builder.interpreter().report(Diagnostic.error(code, span, message).withHint(hint));
    }
  }
}
