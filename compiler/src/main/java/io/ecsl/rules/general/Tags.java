package io.ecsl.rules.general;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.model.ApiRequest;
import io.ecsl.model.Resource;
import io.ecsl.rules.BaseRule;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * E1803: tags: each key once, no {@code aws:} prefix (reserved for AWS), keys and values using
 * the characters AWS tagging allows (letters, digits, spaces and {@code _ . : / = + - @}).
 */
public final class Tags extends BaseRule {
  private static final Pattern CHARS = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");

  public Tags() {
    super("E1803", "Tag keys are unique, not `aws:`-prefixed, and use the characters AWS tags allow", "ECS API; AWS tagging rules");
  }

  @Override
  public void check(RuleContext ctx) {
    for (Resource r : ctx.model().resources()) {
      for (ApiRequest req : r.requests()) {
        for (String member : new String[] {"tags", "Tags"}) {
          JsonNode tags = req.body() == null ? null : req.body().get(member);
          if (tags == null) {
            continue;
          }
          if (tags.isArray()) {
            Set<String> seen = new HashSet<>();
            List<JsonNode> list = Nodes.list(req.body(), member);
            for (int i = 0; i < list.size(); i++) {
              String key = Nodes.text(list.get(i), "key") != null ? Nodes.text(list.get(i), "key") : Nodes.text(list.get(i), "Key");
              String value = Nodes.text(list.get(i), "value") != null ? Nodes.text(list.get(i), "value")
                  : Nodes.text(list.get(i), "Value");
              check(ctx, r, req, "/" + member + "/" + i, key, value, seen);
            }
          } else if (tags.isObject()) {
            Set<String> seen = new HashSet<>();
            for (Iterator<String> it = tags.fieldNames(); it.hasNext(); ) {
              String key = it.next();
              check(ctx, r, req, "/" + member + "/" + io.ecsl.model.SpanIndex.escape(key), key, tags.path(key).asText(), seen);
            }
          }
        }
      }
    }
  }

  private static void check(RuleContext ctx, Resource r, ApiRequest req, String at, String key, String value, Set<String> seen) {
    if (key == null) {
      return;
    }
    if (!seen.add(key)) {
      ctx.report(r, req, at, "tag `" + key + "` is set twice on " + r.address(), "keep one");
    }
    if (key.toLowerCase(Locale.ROOT).startsWith("aws:")) {
      ctx.report(r, req, at, "tag key `" + key + "` uses the `aws:` prefix, which is reserved for AWS", "drop the prefix");
    } else if (!CHARS.matcher(key).matches() || value != null && !CHARS.matcher(value).matches()) {
      ctx.report(r, req, at, "tag `" + key + "` uses characters AWS tags do not allow", "tags allow letters, digits, spaces and _ . : / = + - @");
    }
  }
}
