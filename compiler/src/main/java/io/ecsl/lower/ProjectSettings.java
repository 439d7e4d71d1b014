package io.ecsl.lower;

import static io.ecsl.diag.LanguageCode.DECLARED_TWICE;
import static io.ecsl.diag.LanguageCode.TYPE;
import static io.ecsl.diag.LanguageCode.UNKNOWN_ATTRIBUTE;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.diag.Diagnostic;
import io.ecsl.diag.LanguageCode;
import io.ecsl.eval.Declaration;
import io.ecsl.eval.Kind;
import io.ecsl.eval.Value;
import io.ecsl.schema.Shape;
import io.ecsl.source.Span;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The optional {@code project { name, region, account_id, tags }} block, merged with the command
 * line (which wins) and the environment (AWS_REGION). Its tags go on every resource that takes tags.
 */
record ProjectSettings(String name, String region, String accountId, Map<String, String> tags, ModelBuilder builder) {

  static ProjectSettings from(ModelBuilder builder, List<Declaration> declarations, ModelBuilder.Settings given) {
    String name = null;
    String region = null;
    String account = null;
    Map<String, String> tags = new LinkedHashMap<>();
    Declaration first = null;
    Span regionAt = null;
    Span accountAt = null;
    for (Declaration d : declarations) {
      if (d.kind() != Kind.PROJECT) {
        continue;
      }
      if (first != null) {
        builder.interpreter().report(Diagnostic.error(DECLARED_TWICE, d.span(), "the project is configured twice")
            .withLabel(first.span(), "first configured here").withHint("keep one `project { … }` block"));
        continue;
      }
      first = d;
      for (Value.Field f : d.body(builder.interpreter()).fields()) {
        switch (f.key()) {
          case "name" -> name = text(builder, f, "a project name such as \"shop\"");
          case "region" -> {
            region = text(builder, f, "a region such as \"eu-west-1\"");
            regionAt = f.valueSpan();
          }
          case "account_id" -> {
            account = text(builder, f, "a 12-digit account id as a string");
            accountAt = f.valueSpan();
          }
          case "tags" -> {
            if (f.value() instanceof Value.Obj o) {
              for (Value.Field t : o.fields()) {
                String v = t.value() instanceof Value.Str s ? s.value() : null;
                if (v == null) {
                  builder.interpreter().report(Diagnostic.error(TYPE, t.valueSpan(), "tag values are strings").withHint(null));
                } else {
                  tags.put(t.key(), v);
                }
              }
            } else {
              builder.interpreter().report(Diagnostic.error(TYPE, f.valueSpan(), "`tags` takes a block of key = \"value\"")
                  .withHint("tags { team = \"web\" }"));
            }
          }
          default -> builder.interpreter().report(Diagnostic.error(UNKNOWN_ATTRIBUTE, f.keySpan(), "unknown project setting `" + f.key() + "`")
              .withHint("project takes name, region, account_id and tags"));
        }
      }
    }
    if (given.projectName() != null && name == null) {
      name = given.projectName();
    }
    String regionFrom = "region";
    if (given.region() != null) {
      region = given.region();
      regionFrom = "--region";
    }
    if (region == null) {
      String env = firstNonBlank(System.getenv("AWS_REGION"), System.getenv("AWS_DEFAULT_REGION"));
      region = env != null ? env : "us-east-1";
      regionFrom = env == null ? "region" : System.getenv("AWS_REGION") != null && !System.getenv("AWS_REGION").isBlank()
          ? "AWS_REGION" : "AWS_DEFAULT_REGION";
    }
    String accountFrom = "account_id";
    if (given.accountId() != null) {
      account = given.accountId();
      accountFrom = "--account-id";
    }
    // Both go into every ARN the build writes (`arn:aws:events:us east 1:…`): a malformed one is
    // caught here, where it was given, not by whoever deploys the output.
    if (region != null && !REGION.matcher(region).matches()) {
      builder.interpreter().report(invalid(regionFrom.equals("region") ? regionAt : null, regionFrom,
          "`" + region + "` is not an AWS region name",
          "write a region such as `eu-west-1` or `us-east-1`"));
    }
    if (account != null && !ACCOUNT.matcher(account).matches()) {
      builder.interpreter().report(invalid(accountFrom.equals("account_id") ? accountAt : null, accountFrom,
          "`" + account + "` is not an AWS account id",
          "an account id is 12 digits, e.g. \"123456789012\" (in .ecs, as a string)"));
    }
    return new ProjectSettings(name == null ? "ecsl" : name, region, account, tags, builder);
  }

  /** AWS region names: `us-east-1`, `eu-central-2`, `us-gov-west-1`, `cn-northwest-1`. */
  private static final java.util.regex.Pattern REGION = java.util.regex.Pattern.compile("[a-z]{2}(-[a-z]+)+-[0-9]+");
  private static final java.util.regex.Pattern ACCOUNT = java.util.regex.Pattern.compile("[0-9]{12}");

  /** At the setting in the project block when that is where the value came from, else naming the flag or variable. */
  private static Diagnostic invalid(Span at, String from, String message, String hint) {
    Diagnostic d = Diagnostic.error(LanguageCode.INVALID_VALUE, at, message + (at == null ? " (from " + from + ")" : "")).withHint(hint);
    return at == null ? d.withResource(from) : d;
  }

  private static String text(ModelBuilder builder, Value.Field f, String expected) {
    if (f.value() instanceof Value.Str s) {
      return s.value();
    }
    builder.interpreter().report(Diagnostic.error(TYPE, f.valueSpan(), "`" + f.key() + "` must be " + expected).withHint(null));
    return null;
  }

  private static String firstNonBlank(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v;
      }
    }
    return null;
  }

  /** Adds the project's default tags to a resource's tag member, resource tags winning. */
  void applyTags(Struct s, String member, Span at) {
    if (tags.isEmpty()) {
      return;
    }
    String m = s.shape.memberFor(member);
    if (m == null) {
      return;
    }
    Shape tagShape = s.shape.member(m);
    if (tagShape.isMap()) {
      ObjectNode map = s.get(m) instanceof ObjectNode o ? o : com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
      tags.forEach((k, v) -> {
        if (!map.has(k)) {
          map.put(k, v);
        }
      });
      if (!s.has(m)) {
        s.setDefault(m, map);
      }
      return;
    }
    String[] kv = Sugars.keyValueMembers(tagShape.element());
    ArrayNode list = s.list(m, at);
    ModelBuilder.mergeTags(list, tags, kv[0], kv[1]);
  }

}
