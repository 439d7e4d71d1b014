package io.ecsl.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A test tagged for a tool the machine lacks fails, saying what is missing; it is never skipped. */
class ExternalToolsTest {
  @Test
  void aToolOnPathIsFoundAndAMissingOneIsNamed() {
    assertNull(ExternalTools.missing(List.of("sh")));
    assertEquals("no-such-tool-4e1 is not on PATH", ExternalTools.missing(List.of("sh", "no-such-tool-4e1")));
    assertEquals("no-such-a and no-such-b are not on PATH", ExternalTools.missing(List.of("no-such-a", "no-such-b")));
  }

  @Test
  void aCheckWhoseToolIsMissingFailsWithTheWayOut() {
    ExternalTools.Check check = new ExternalTools.Check("test-only-tag", () -> "frobnicate is not on PATH") { };
    AssertionError error = assertThrows(AssertionError.class, () -> check.beforeAll(null));
    assertTrue(error.getMessage().startsWith("this test is tagged `test-only-tag` and frobnicate is not on PATH."),
        error.getMessage());
    assertTrue(error.getMessage().contains("./mvnw test -Pfast"), error.getMessage());
    assertThrows(AssertionError.class, () -> check.beforeEach(null), "every test of the class fails, not only the first");
  }

  @Test
  void eachAnnotationCarriesItsTagAndItsCheck() {
    assertEquals(ExternalTools.DOCKER, NeedsDocker.class.getAnnotation(org.junit.jupiter.api.Tag.class).value());
    assertEquals(ExternalTools.MOTO, NeedsMoto.class.getAnnotation(org.junit.jupiter.api.Tag.class).value());
    assertEquals(ExternalTools.AWS_CLI, NeedsAwsCli.class.getAnnotation(org.junit.jupiter.api.Tag.class).value());
    assertEquals(ExternalTools.CFN_LINT, NeedsCfnLint.class.getAnnotation(org.junit.jupiter.api.Tag.class).value());
    assertEquals(ExternalTools.Moto.class,
        NeedsMoto.class.getAnnotation(org.junit.jupiter.api.extension.ExtendWith.class).value()[0]);
  }
}
