package io.ecsl.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.diag.Suggestions;
import io.ecsl.emit.Json;
import io.ecsl.rules.Explanations;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ecsl explain CODE}: what a diagnostic code means, why ECS has the rule, and examples. */
@Command(name = "explain", mixinStandardHelpOptions = true,
    description = {"Explain a diagnostic code: what it checks, why, and examples ecsl rejects and accepts.",
        "Without a code, list every code with its summary.",
        "Exit status: 0 explained, 1 no such code."})
final class ExplainCommand implements Callable<Integer> {
  private static final int WIDTH = 100;

  @Parameters(paramLabel = "CODE", arity = "0..1", description = "A code such as E1006 or W1101 (any case).")
  String code;

  @Option(names = "--format", defaultValue = "text", description = "text or json.")
  OutputFormat format;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (code == null) {
      for (String c : Explanations.codes()) {
        Explanations.Explanation e = Explanations.of(c);
        out.println(c + "  " + (e.summary() != null ? e.summary() : area(c)));
      }
      return ExitCodes.OK;
    }
    Explanations.Explanation e = Explanations.of(code);
    if (e == null) {
      String close = Suggestions.closest(code.toUpperCase(java.util.Locale.ROOT), Explanations.codes());
      err.println("ecsl explain: no diagnostic code `" + code + "`"
          + (close != null ? "; did you mean " + close + "?" : "") + " (`ecsl explain` lists them all)");
      return ExitCodes.ERROR;
    }
    if (format == OutputFormat.json) {
      out.print(Json.pretty(json(e)));
    } else {
      text(e, out);
    }
    out.flush();
    return ExitCodes.OK;
  }

  /** The language's own codes, by area, until each has a summary of its own. */
  private static String area(String code) {
    return switch (code.substring(0, 3)) {
      case "E01" -> "A syntax error";
      case "E02" -> "A name, module or input problem";
      case "E03" -> "A type or unit problem";
      case "E04" -> "A structure problem: an unknown, duplicate or missing attribute";
      default -> "A diagnostic";
    };
  }

  private static void text(Explanations.Explanation e, PrintWriter out) {
    out.println(e.code() + ": " + (e.summary() != null ? e.summary() : area(e.code())));
    out.println(e.severity().word() + (e.source() != null ? " · source: " + e.source() : " · the language's own check"));
    for (String paragraph : e.why()) {
      out.println();
      wrap(paragraph, out);
    }
    if (!e.origins().isEmpty()) {
      out.println();
      wrap(String.join(" ", e.origins()), out);
    }
    for (Explanations.Example x : e.invalid()) {
      out.println();
      out.println("Rejected (" + x.name() + "):");
      out.println();
      indent(x.source(), out);
      if (x.diagnostics() != null) {
        out.println();
        out.println("  ecsl check says:");
        indent(x.diagnostics(), out);
      }
    }
    for (Explanations.Example x : e.valid()) {
      out.println();
      out.println("Accepted (" + x.name() + "):");
      out.println();
      indent(x.source(), out);
    }
  }

  private static void indent(String text, PrintWriter out) {
    for (String line : text.stripTrailing().split("\n", -1)) {
      out.println(line.isEmpty() ? "" : "    " + line);
    }
  }

  private static void wrap(String paragraph, PrintWriter out) {
    StringBuilder line = new StringBuilder();
    for (String word : paragraph.split(" ")) {
      if (line.length() > 0 && line.length() + 1 + word.length() > WIDTH) {
        out.println(line);
        line.setLength(0);
      }
      line.append(line.length() > 0 ? " " : "").append(word);
    }
    if (line.length() > 0) {
      out.println(line);
    }
  }

  private static ObjectNode json(Explanations.Explanation e) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("code", e.code());
    o.put("severity", e.severity().word());
    o.put("summary", e.summary() != null ? e.summary() : area(e.code()));
    if (e.source() != null) {
      o.put("source", e.source());
    }
    ArrayNode why = o.putArray("why");
    e.why().forEach(why::add);
    ArrayNode origins = o.putArray("origins");
    e.origins().forEach(origins::add);
    o.set("invalid", examples(e.invalid()));
    o.set("valid", examples(e.valid()));
    return o;
  }

  private static ArrayNode examples(List<Explanations.Example> list) {
    ArrayNode out = JsonNodeFactory.instance.arrayNode();
    for (Explanations.Example x : list) {
      ObjectNode o = out.addObject().put("name", x.name()).put("source", x.source());
      if (x.diagnostics() != null) {
        o.put("diagnostics", x.diagnostics());
      }
    }
    return out;
  }
}
