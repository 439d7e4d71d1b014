package io.ecsl.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ecsl.eval.Kind;
import io.ecsl.testing.RepoPaths;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The VS Code extension's grammar and snippets know every declaration kind of the language: a kind
 * added to the compiler and forgotten there is highlighted as a plain attribute and has no snippet
 * (express_service, daemon, target_group, load_balancer and listener were, for a while).
 */
class EditorFilesTest {
  private static final Path VSCODE = RepoPaths.root().resolve("editors/vscode");
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void theGrammarHighlightsEveryDeclarationKind() throws Exception {
    JsonNode declaration = JSON.readTree(VSCODE.resolve("syntaxes/ecsl.tmLanguage.json").toFile())
        .at("/repository/declaration/match");
    java.util.regex.Matcher keywords = java.util.regex.Pattern.compile("\\\\b\\(([a-z_|(?:]+)").matcher(declaration.asText());
    Set<String> highlighted = new HashSet<>();
    if (keywords.find()) {
      for (String word : keywords.group(1).replace("(?:", "").split("\\|")) {
        highlighted.add(word);
      }
    }
    List<String> missing = new ArrayList<>();
    for (Kind k : Kind.values()) {
      if (!highlighted.contains(k.keyword())) {
        missing.add(k.keyword());
      }
    }
    assertEquals(List.of(), missing, "declaration keywords missing from the grammar's declaration rule: " + declaration);
  }

  @Test
  void everyDeclarationKindHasASnippet() throws Exception {
    JsonNode snippets = JSON.readTree(VSCODE.resolve("snippets/ecsl.json").toFile());
    Set<String> prefixes = new HashSet<>();
    snippets.forEach(s -> prefixes.add(s.path("prefix").asText()));
    List<String> missing = new ArrayList<>();
    for (Kind k : Kind.values()) {
      if (!prefixes.contains(k.keyword())) {
        missing.add(k.keyword());
      }
    }
    assertEquals(List.of(), missing, "declaration kinds without a snippet in editors/vscode/snippets/ecsl.json");
  }
}
