package io.ecsl.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ecsl.testing.RepoPaths;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The jar entries a shade execution of {@code cli/pom.xml} takes: the jars it makes are built at
 * {@code package}, after the tests, so tests hold the pom's lists to what they must contain.
 */
final class ShadeExecutions {
  private ShadeExecutions() {}

  /** The filter {@code <include>}s (entry paths and globs, not artifacts) of the execution with this id. */
  static List<String> entries(String id) throws Exception {
    String pom = Files.readString(RepoPaths.root().resolve("cli/pom.xml"));
    int execution = pom.indexOf("<id>" + id + "</id>");
    assertTrue(execution > 0, "cli/pom.xml has no shade execution with the id " + id);
    String section = pom.substring(execution, pom.indexOf("</execution>", execution));
    List<String> entries = new ArrayList<>();
    Matcher m = Pattern.compile("<include>([^<:]+)</include>").matcher(section);
    while (m.find()) {
      entries.add(m.group(1));
    }
    assertFalse(entries.isEmpty(), "the " + id + " execution includes no entries");
    return entries;
  }
}
