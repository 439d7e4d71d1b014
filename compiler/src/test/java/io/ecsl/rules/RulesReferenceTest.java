package io.ecsl.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ecsl.testing.Golden;
import io.ecsl.testing.RepoPaths;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** docs/rules.md is generated from the registry and committed; it must match, and the registry must be well-formed. */
class RulesReferenceTest {
  @Test
  void committedReferenceIsUpToDate() {
    Golden.assertText(RepoPaths.root().resolve("docs/rules.md"), RulesReference.render(Rules.all()));
  }

  @Test
  void codesAreUniqueOrderedAndWellFormed() {
    Set<String> seen = new HashSet<>();
    List<String> codes = new ArrayList<>();
    for (Rule r : Rules.all()) {
      assertTrue(r.code().matches("[EW](1[0-9]|21)\\d\\d"), r.code() + " is not E1xxx/W1xxx or E21xx/W21xx (a known area)");
      assertTrue(seen.add(r.code()), r.code() + " is registered twice");
      assertTrue(!r.summary().isBlank() && !r.source().isBlank(), r.code() + " needs a summary and a source");
      assertEquals(r.code().startsWith("W") ? io.ecsl.diag.Severity.WARNING : io.ecsl.diag.Severity.ERROR, r.severity());
      codes.add(r.code());
    }
    List<String> sorted = new ArrayList<>(codes);
    sorted.sort((a, b) -> a.substring(1).equals(b.substring(1)) ? a.compareTo(b) : a.substring(1).compareTo(b.substring(1)));
    assertEquals(sorted, codes, "Rules.all() is kept in code order");
  }
}
