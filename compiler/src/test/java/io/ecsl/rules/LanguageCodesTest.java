package io.ecsl.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ecsl.diag.LanguageCode;
import io.ecsl.testing.RepoPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The language's own codes are defined once ({@link LanguageCode}), each with a golden error case,
 * and listed in docs/rules.md ({@link RulesReferenceTest} keeps the page true).
 */
class LanguageCodesTest {
  private static final Path GOLDEN = RepoPaths.root().resolve("compiler/src/test/resources/golden");
  private static final Pattern CODE_LITERAL = Pattern.compile("\"([EW]0\\d{3})\"");

  @Test
  void codesAreUniqueOrderedAndInAKnownArea() {
    Set<String> seen = new HashSet<>();
    List<String> codes = new ArrayList<>();
    for (LanguageCode c : LanguageCode.values()) {
      assertTrue(c.code().matches("[EW]0\\d{3}"), c + ": " + c.code() + " is not E0xxx/W0xxx");
      assertTrue(RulesReference.languageAreas().contains(c.code().substring(1, 3)), c.code() + " is in no area of the docs");
      assertTrue(seen.add(c.code()), c.code() + " is defined twice");
      assertTrue(!c.summary().isBlank(), c.code() + " needs a summary");
      codes.add(c.code());
    }
    List<String> sorted = new ArrayList<>(codes);
    sorted.sort((a, b) -> a.substring(1).equals(b.substring(1)) ? a.compareTo(b) : a.substring(1).compareTo(b.substring(1)));
    assertEquals(sorted, codes, "LanguageCode is kept in code order");
  }

  @Test
  void everyCodeHasAGoldenErrorCase() throws IOException {
    Set<String> pinned = new HashSet<>();
    for (String dir : List.of("errors", "import-errors")) {
      try (Stream<Path> files = Files.list(GOLDEN.resolve(dir))) {
        for (Path err : files.filter(p -> p.toString().endsWith(".err")).toList()) {
          Matcher m = Pattern.compile("(?:error|warning)\\[([EW]0\\d{3})\\]").matcher(Files.readString(err));
          while (m.find()) {
            pinned.add(m.group(1));
          }
        }
      }
    }
    List<String> missing = new ArrayList<>();
    for (LanguageCode c : LanguageCode.values()) {
      if (!pinned.contains(c.code())) {
        missing.add(c.code() + " (" + c + ")");
      }
    }
    assertEquals(List.of(), missing, "codes with no case in golden/errors or golden/import-errors");
  }

  @Test
  void noCodeIsWrittenOutsideTheRegistry() throws IOException {
    List<String> found = new ArrayList<>();
    for (String module : List.of("compiler", "lsp", "cli", "deploy", "runtime")) {
      found.addAll(codeLiterals(RepoPaths.root().resolve(module + "/src/main/java")));
    }
    assertEquals(List.of(), found, "use io.ecsl.diag.LanguageCode instead of a string");
  }

  /** The E0xxx/W0xxx string literals in the code under {@code main}, as {@code file: code}. */
  private static List<String> codeLiterals(Path main) throws IOException {
    List<String> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(main)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        String name = f.getFileName().toString();
        if (name.equals("LanguageCode.java")) {
          continue;
        }
        for (String line : Files.readAllLines(f)) {
          if (line.strip().startsWith("*") || line.strip().startsWith("//")) {
            continue;  // a comment may show a code
          }
          Matcher m = CODE_LITERAL.matcher(line);
          while (m.find()) {
            // E0000 marks an evaluation already reported (eval/Silent); no one ever sees it
            if (!(m.group(1).equals("E0000") && name.equals("Silent.java"))) {
              found.add(RepoPaths.root().relativize(f) + ": " + m.group(1));
            }
          }
        }
      }
    }
    return found;
  }
}
