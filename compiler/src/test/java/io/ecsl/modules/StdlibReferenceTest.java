package io.ecsl.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ecsl.testing.Golden;
import io.ecsl.testing.RepoPaths;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docs/stdlib.md is generated from the standard library's sources and committed; it must match them. */
class StdlibReferenceTest {
  @Test
  void committedReferenceIsUpToDate() {
    Golden.assertText(RepoPaths.root().resolve("docs/stdlib.md"), StdlibReference.render());
  }

  @Test
  void everyModuleAndTemplateIsDocumented() {
    String page = StdlibReference.render();
    List<String> undocumented = new ArrayList<>();
    for (String section : page.split("\n### ")) {
      if (section.startsWith("# ")) {
        continue;
      }
      String name = section.substring(0, section.indexOf('\n'));
      String afterSignature = section.substring(section.indexOf("```\n", section.indexOf("```ecsl")) + 4).strip();
      boolean wholeDefinitionShown = !section.contains("{ … }") && !section.contains("= …");
      if (section.contains("template ") && afterSignature.isEmpty() && !wholeDefinitionShown) {
        undocumented.add(name);
      }
    }
    assertEquals(List.of(), undocumented, "templates without a documentation comment (or a one-line definition) in the stdlib");
    for (String module : Stdlib.modules()) {
      assertTrue(page.contains("\n## std/" + module + "\n\n"), module);
    }
  }
}
