package io.ecsl.compile;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ecsl.diag.Diagnostics;
import io.ecsl.parse.Parser;
import io.ecsl.source.SourceFile;
import org.junit.jupiter.api.Test;

/** The warm-up snippet stays valid source, so it trains the parser's fast path, not its error path. */
class WarmupTest {
  @Test
  void theSnippetParsesWithoutErrors() {
    Diagnostics d = new Diagnostics();
    var unit = Parser.parse(new SourceFile("warm-up.ecs", null, Warmup.SNIPPET), d);
    assertFalse(d.hasErrors(), () -> d.sorted().toString());
    assertTrue(unit.items().size() >= 6, "the snippet lost its items");
  }
}
