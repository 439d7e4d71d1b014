package io.ecsl.diag;

import io.ecsl.rules.Rule;
import io.ecsl.rules.Rules;
import io.ecsl.source.Span;
import io.ecsl.testing.RepoPaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What every diagnostic a user can see must be, whatever the input: a known code, a message that
 * is a sentence rather than an internal text, and a place to look — a span inside its own file
 * (labels too), or the resource concerned.
 *
 * <p>Known codes are the rules' (their registry) and the language's. The language's codes have no
 * registry yet (issue 15 §2 asks for one), so they are the codes the compiler's sources write as
 * literals; {@code E0000}, the "already reported" marker, is never shown to a user and is not one.
 */
public final class WellFormedDiagnostics {
  private static final Pattern CODE_LITERAL = Pattern.compile("\"([EW]\\d{4})\"");
  private static final Set<String> INTERNAL = Set.of("E0000");
  /** Texts of the parser generator or the JVM that must never reach a message. */
  private static final List<String> RAW = List.of("Exception", "mismatched input", "extraneous input",
      "no viable alternative", "missing '", "token recognition error");

  public static final Set<String> KNOWN_CODES = knownCodes();

  private WellFormedDiagnostics() {}

  private static Set<String> knownCodes() {
    Set<String> codes = new TreeSet<>();
    for (Rule rule : Rules.all()) {
      codes.add(rule.code());
    }
    Path sources = RepoPaths.root().resolve("compiler/src/main/java");
    try (Stream<Path> files = Files.walk(sources)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        Matcher m = CODE_LITERAL.matcher(Files.readString(file));
        while (m.find()) {
          codes.add(m.group(1));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    codes.removeAll(INTERNAL);
    return codes;
  }

  /** What is wrong with each of {@code diagnostics}, one line each; empty when all are well formed. */
  public static List<String> problems(Iterable<Diagnostic> diagnostics) {
    List<String> out = new ArrayList<>();
    for (Diagnostic d : diagnostics) {
      String which = d.severity() + " " + d.code() + " `" + d.message() + "`: ";
      if (d.code() == null || !KNOWN_CODES.contains(d.code())) {
        out.add(which + "unknown code");
      }
      if (d.message() == null || d.message().isBlank()) {
        out.add(which + "no message");
      } else {
        RAW.stream().filter(d.message()::contains).forEach(raw -> out.add(which + "internal text (" + raw + ") in the message"));
      }
      boolean located = d.span() != null && !d.span().isNone();
      if (!located && (d.resource() == null || d.resource().isBlank())) {
        out.add(which + "neither a span nor a resource");
      }
      if (located) {
        outside(d.span()).ifPresent(p -> out.add(which + p));
      }
      for (Diagnostic.Label label : d.labels()) {
        outside(label.span()).ifPresent(p -> out.add(which + "label `" + label.message() + "`: " + p));
      }
    }
    return out;
  }

  /** Why the span is not inside its file, if it is not. */
  private static Optional<String> outside(Span span) {
    int length = span.file().text().length();
    if (span.start() < 0 || span.start() > span.end() || span.end() > length) {
      return Optional.of("span [" + span.start() + ", " + span.end() + ") is outside " + span.file().displayName()
          + " (" + length + " characters)");
    }
    return Optional.empty();
  }
}
