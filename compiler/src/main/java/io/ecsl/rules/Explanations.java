package io.ecsl.rules;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.diag.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What {@code ecsl explain CODE} says about a diagnostic code: the rule's summary, source and
 * severity (from the registry), why it exists (the rule's own documentation comment), and valid
 * and invalid examples with what ecsl reports for them (the rule's test cases). Documentation and
 * examples are gathered from the sources into {@code explanations.json} and kept true by a test,
 * as docs/rules.md is.
 */
public final class Explanations {
  private static final String RESOURCE = "io/ecsl/rules/explanations.json";
  private static JsonNode loaded;

  private Explanations() {}

  /** An example project (one file) and, for an invalid one, the diagnostics ecsl reports for it. */
  public record Example(String name, String source, String diagnostics) {}

  /**
   * An explanation.
   *
   * @param code {@code E1006}
   * @param severity error or warning
   * @param summary one line: what is checked
   * @param source where the rule comes from (ECS API, a quota, cfn-lint, …), or null for the language's own codes
   * @param why the rule's documentation: why ECS has it, what goes wrong without it (may be empty)
   * @param invalid examples ecsl rejects, with what it says
   * @param valid examples it accepts
   */
  public record Explanation(String code, Severity severity, String summary, String source, List<String> why,
      List<Example> invalid, List<Example> valid) {

    /**
     * Why ECS has the rule, read from its source: an API rejects the request, a quota refuses it,
     * the tasks fail at start, or ecsl's own judgement; and who else checks the same.
     */
    public List<String> origins() {
      List<String> out = new ArrayList<>();
      if (source == null) {
        return out;
      }
      for (String part : source.split(";")) {
        String p = part.strip();
        String detail = p.contains("(") ? p.substring(p.indexOf('(') + 1, p.lastIndexOf(')') > 0 ? p.lastIndexOf(')') : p.length()) : null;
        String name = p.contains("(") ? p.substring(0, p.indexOf('(')).strip() : p;
        if (name.contains("quota")) {
          out.add("It is a service quota: requests beyond it are refused" + (detail != null ? " (" + detail + ")" : "") + ".");
        } else if (name.endsWith(" API") || name.equals("ECS RunTask")) {
          out.add("The " + name.replace(" API", "") + " API refuses a request that breaks it"
              + (detail != null ? " (" + detail + ")" : "") + ", so a deployment would fail: ecsl says so before anything is sent.");
        } else if (name.startsWith("ECS runtime") || name.startsWith("ECS agent") || name.startsWith("Docker") || name.startsWith("Linux")) {
          out.add("ECS accepts it, but the tasks fail when they start (" + p + ").");
        } else if (name.equals("CDK")) {
          out.add("The AWS CDK refuses the same when it synthesizes" + (detail != null ? " (" + detail + ")" : "") + ".");
        } else if (name.startsWith("cfn-lint")) {
          out.add("cfn-lint reports the same (" + name.substring("cfn-lint".length()).strip() + ").");
        } else if (name.startsWith("ecsl judgement")) {
          out.add("ECS accepts it; ecsl warns because it is usually a mistake" + (detail != null ? " (" + detail + ")" : "") + ".");
        } else {
          out.add("Source: " + p + ".");
        }
      }
      return out;
    }
  }

  /** The explanation of a code (any case), or null when there is no such code. */
  public static Explanation of(String code) {
    String c = code.strip().toUpperCase(Locale.ROOT);
    JsonNode entry = all().path(c);
    Rule rule = null;
    for (Rule r : Rules.all()) {
      if (r.code().equals(c)) {
        rule = r;
      }
    }
    if (rule == null && entry.isMissingNode()) {
      return null;
    }
    List<String> why = new ArrayList<>();
    entry.path("why").forEach(p -> why.add(p.asText()));
    String summary = rule != null ? rule.summary() : entry.path("summary").asText(null);
    Severity severity = rule != null ? rule.severity() : c.startsWith("W") ? Severity.WARNING : Severity.ERROR;
    return new Explanation(c, severity, summary, rule != null ? rule.source() : null, why, examples(entry.path("invalid")),
        examples(entry.path("valid")));
  }

  /** Every code with an explanation, in order. */
  public static List<String> codes() {
    List<String> out = new ArrayList<>();
    all().fieldNames().forEachRemaining(out::add);
    for (Rule r : Rules.all()) {
      if (!out.contains(r.code())) {
        out.add(r.code());
      }
    }
    out.sort(null);
    return out;
  }

  private static List<Example> examples(JsonNode list) {
    List<Example> out = new ArrayList<>();
    for (JsonNode e : list) {
      out.add(new Example(e.path("name").asText(), e.path("source").asText(), e.path("diagnostics").asText(null)));
    }
    return out;
  }

  private static synchronized JsonNode all() {
    if (loaded == null) {
      try (InputStream in = Explanations.class.getClassLoader().getResourceAsStream(RESOURCE)) {
        loaded = in == null ? com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()
            : io.ecsl.schema.JsonTrees.read(in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return loaded;
  }
}
