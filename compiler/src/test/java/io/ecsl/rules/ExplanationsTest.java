package io.ecsl.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.testing.Golden;
import io.ecsl.testing.RepoPaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code explanations.json}, which {@code ecsl explain} reads, is generated from the rules' own
 * documentation comments and test cases (and the language's golden error cases) and committed; it
 * must match what they say now. Regenerate:
 * {@code ./mvnw -pl compiler test -Dtest=ExplanationsTest -Decsl.golden.update=true}.
 */
class ExplanationsTest {
  private static final Path COMPILER = RepoPaths.root().resolve("compiler");
  private static final Path RESOURCE = COMPILER.resolve("src/main/resources/io/ecsl/rules/explanations.json");
  private static final Pattern FIRST_DIAGNOSTIC = Pattern.compile("^\\S+:\\d+:\\d+: (?:error|warning)\\[([EW]0\\d{3})\\]");

  @Test
  void theCommittedExplanationsAreThoseOfTheSources() throws IOException {
    Golden.assertText(RESOURCE, render());
  }

  @Test
  void aRuleIsExplainedWithWhyAndExamplesOfBothKinds() {
    Explanations.Explanation e = Explanations.of("e1006");
    assertEquals("E1006", e.code());
    assertEquals("ECS API; cfn-lint E3047", e.source());
    assertFalse(e.why().isEmpty());
    assertTrue(e.invalid().stream().anyMatch(x -> x.diagnostics().contains("error[E1006]")), e.invalid().toString());
    assertFalse(e.valid().isEmpty());
    Explanations.Explanation language = Explanations.of("E0201");
    assertNotNull(language);
    assertTrue(language.invalid().get(0).diagnostics().contains("error[E0201]"));
    assertNull(Explanations.of("E9999"));
  }

  static String render() throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    Map<String, ObjectNode> byCode = new TreeMap<>();
    for (Rule r : Rules.all()) {
      ObjectNode o = mapper.createObjectNode();
      ArrayNode why = o.putArray("why");
      ruleDocumentation(r).forEach(why::add);
      Path cases = COMPILER.resolve("src/test/resources/rules");
      o.set("invalid", cases(mapper, cases.resolve("invalid"), r.code()));
      o.set("valid", cases(mapper, cases.resolve("valid"), r.code()));
      byCode.put(r.code(), o);
    }
    for (Map.Entry<String, List<Path>> e : languageCases().entrySet()) {
      ObjectNode o = byCode.computeIfAbsent(e.getKey(), k -> mapper.createObjectNode());
      ArrayNode invalid = o.putArray("invalid");
      for (Path ecs : e.getValue()) {
        // E0102's own case is not UTF-8 on purpose: shown as the error shows it, bad bytes replaced
        String err = lenient(Path.of(ecs.toString().replaceAll("\\.ecs$", ".err")));
        String shown = err.replace("src/test/resources/golden/errors/" + ecs.getFileName(), "main.ecs");
        invalid.addObject().put("name", ecs.getFileName().toString().replaceAll("\\.ecs$", ""))
            .put("source", lenient(ecs)).put("diagnostics", shown);
      }
    }
    ObjectNode root = mapper.createObjectNode();
    byCode.forEach(root::set);
    return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
  }

  /** The rule's class comment, in paragraphs, without the leading "E1006: ". */
  static List<String> ruleDocumentation(Rule r) throws IOException {
    Path source = COMPILER.resolve("src/main/java/" + r.getClass().getName().replace('.', '/') + ".java");
    String text = Files.readString(source);
    Matcher m = Pattern.compile("/\\*\\*(.*?)\\*/\\s*(?:@\\w+\\s*)*public\\s+(?:final\\s+)?class", Pattern.DOTALL).matcher(text);
    if (!m.find()) {
      return List.of();
    }
    StringBuilder flat = new StringBuilder();
    for (String line : m.group(1).split("\n")) {
      String l = line.strip();
      l = l.startsWith("*") ? l.substring(1).strip() : l;
      flat.append(l.isEmpty() ? "\n\n" : l + " ");
    }
    String doc = flat.toString()
        .replaceAll("\\{@code ([^}]*)}", "`$1`")
        .replaceAll("\\{@link (?:[\\w.]+\\.)?([^}]*)}", "$1")
        .replaceAll("<p>", "\n\n")
        .replaceAll("<li>", "\n\n- ")
        .replaceAll("</?(ul|ol|li|p|b|i|em)>", "");
    List<String> paragraphs = new ArrayList<>();
    for (String p : doc.split("\n\\s*\n")) {
      String s = p.strip().replaceAll(" +", " ");
      if (!s.isEmpty()) {
        paragraphs.add(s);
      }
    }
    if (!paragraphs.isEmpty()) {
      String first = paragraphs.get(0).replaceFirst("^[EW]\\d{4}(, [EW]\\d{4})*: ", "");
      paragraphs.set(0, first.isEmpty() ? first : Character.toUpperCase(first.charAt(0)) + first.substring(1));
    }
    return paragraphs;
  }

  private static ArrayNode cases(ObjectMapper mapper, Path dir, String code) throws IOException {
    ArrayNode out = mapper.createArrayNode();
    try (Stream<Path> s = Files.list(dir)) {
      for (Path c : s.filter(p -> p.getFileName().toString().startsWith(code.toLowerCase() + "-")).sorted().toList()) {
        ObjectNode e = out.addObject().put("name", c.getFileName().toString()).put("source", Files.readString(c.resolve("main.ecs")));
        if (Files.exists(c.resolve("expected.txt"))) {
          e.put("diagnostics", Files.readString(c.resolve("expected.txt")));
        }
      }
    }
    return out;
  }

  /** The language's golden error cases (a .ecs file and its .err), by the code of their first diagnostic. */
  private static Map<String, List<Path>> languageCases() {
    Map<String, List<Path>> out = new TreeMap<>();
    Path dir = COMPILER.resolve("src/test/resources/golden/errors");
    try (Stream<Path> s = Files.list(dir)) {
      for (Path ecs : s.filter(p -> p.toString().endsWith(".ecs")).sorted().toList()) {
        Path err = Path.of(ecs.toString().replaceAll("\\.ecs$", ".err"));
        if (!Files.exists(err)) {
          continue;
        }
        Matcher m = FIRST_DIAGNOSTIC.matcher(Files.readString(err));
        if (m.find()) {
          out.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(ecs);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  private static String lenient(Path file) throws IOException {
    return new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.UTF_8);
  }
}
