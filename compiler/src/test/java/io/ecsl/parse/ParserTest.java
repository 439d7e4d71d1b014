package io.ecsl.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.ecsl.ast.Comment;
import io.ecsl.ast.SourceUnit;
import io.ecsl.diag.Diagnostics;
import io.ecsl.source.SourceFile;
import io.ecsl.testing.RepoPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** What the parser hands on besides the items, and the boundary it keeps. */
class ParserTest {
  @Test
  void theCommentsOfAFileComeWithItsItems() {
    String text = """
        # a file header

        cluster prod {}  // trailing
        /* a block
           of two lines */   \n\
        let x = "# not a comment" # after a string
        """;
    SourceUnit unit = Parser.parse(SourceFile.of("x.ecs", text), new Diagnostics());
    assertNotNull(unit);
    List<String> found = new ArrayList<>();
    for (Comment c : unit.comments()) {
      found.add(c.span().line() + ":" + c.span().text().stripTrailing() + "=" + c.text());
    }
    assertEquals(List.of("1:# a file header=# a file header", "3:// trailing=// trailing",
        "4:/* a block\n   of two lines */=/* a block\n   of two lines */", "6:# after a string=# after a string"), found);
  }

  /** Only `parse` sees ANTLR: everything after it works on the AST (and its comments). */
  @Test
  void noCodeOutsideParseUsesAntlrTypes() throws IOException {
    Pattern antlr = Pattern.compile("^import (static )?(org\\.antlr\\.|io\\.ecsl\\.grammar\\.)", Pattern.MULTILINE);
    List<String> offenders = new ArrayList<>();
    try (Stream<Path> modules = Files.list(RepoPaths.root())) {
      for (Path module : modules.filter(Files::isDirectory).toList()) {
        Path main = module.resolve("src/main/java");
        if (!Files.isDirectory(main)) {
          continue;
        }
        try (Stream<Path> files = Files.walk(main)) {
          for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
            if (!f.startsWith(RepoPaths.root().resolve("compiler/src/main/java/io/ecsl/parse"))
                && antlr.matcher(Files.readString(f)).find()) {
              offenders.add(RepoPaths.root().relativize(f).toString());
            }
          }
        }
      }
    }
    assertEquals(List.of(), offenders, "ANTLR types belong to io.ecsl.parse; use the AST and SourceUnit.comments()");
  }
}
