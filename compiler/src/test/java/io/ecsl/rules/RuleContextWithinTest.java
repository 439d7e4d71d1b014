package io.ecsl.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.ecsl.source.SourceFile;
import io.ecsl.source.Span;
import org.junit.jupiter.api.Test;

/** Pointing inside a string value: only where the source shows the string character for character. */
class RuleContextWithinTest {
  private static Span field(String source, String field) {
    SourceFile file = SourceFile.of("main.ecs", source);
    int at = source.indexOf(field);
    return new Span(file, at, at + field.length());
  }

  @Test
  void aPlainLiteralNarrowsToTheCharacters() {
    Span f = field("  member_of = \"task:group = web\"\n", "member_of = \"task:group = web\"");
    Span inner = RuleContext.within(f, "task:group = web", 11, 12);
    assertEquals("=", inner.text());
    assertEquals(27, inner.column());
  }

  @Test
  void anEmptyPartWidensToOneCharacter() {
    Span f = field("x = \"a in [b\"", "x = \"a in [b\"");
    assertEquals("\"", RuleContext.within(f, "a in [b", 7, 7).text(), "the closing quote, where `]` is missing");
  }

  @Test
  void anythingButOnePlainLiteralKeepsTheField() {
    Span interpolated = field("x = \"a ${op} b\"", "x = \"a ${op} b\"");
    assertSame(interpolated, RuleContext.within(interpolated, "a = b", 2, 3));
    Span escaped = field("x = \"a \\\"=\\\" b\"", "x = \"a \\\"=\\\" b\"");
    assertSame(escaped, RuleContext.within(escaped, "a \"=\" b", 3, 4));
    Span twice = field("x = [\"a\", \"a\"]", "x = [\"a\", \"a\"]");
    assertSame(twice, RuleContext.within(twice, "a", 0, 1));
    assertSame(Span.NONE, RuleContext.within(Span.NONE, "a", 0, 1));
    Span plain = field("x = \"ab\"", "x = \"ab\"");
    assertSame(plain, RuleContext.within(plain, "ab", 1, 5), "offsets outside the value");
  }
}
