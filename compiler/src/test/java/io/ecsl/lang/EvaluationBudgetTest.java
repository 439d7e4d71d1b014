package io.ecsl.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ecsl.TestProjects;
import io.ecsl.compile.Compiler;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Evaluation is bounded: whatever grows without end stops with one E0216 at the expression that
 * crossed the budget, never with an OutOfMemoryError or a build that does not end. (The doubling
 * chains of lists and strings are golden error cases.) Each case here would take minutes and
 * gigabytes, or never finish, without the budget.
 */
class EvaluationBudgetTest {
  @TempDir Path dir;

  private String errors(String source) {
    Compiler.Result r = TestProjects.compile(dir, source);
    assertFalse(r.ok(), "expected errors");
    return TestProjects.render(r.diagnostics(), dir);
  }

  /** A string of 2^23 characters, made in 20 lines. */
  private static final String LONG_STRING = """
      let s0 = "xxxxxxxx"
      let s1 = s0 + s0
      let s2 = s1 + s1
      let s3 = s2 + s2
      let s4 = s3 + s3
      let s5 = s4 + s4
      let s6 = s5 + s5
      let s7 = s6 + s6
      let s8 = s7 + s7
      let s9 = s8 + s8
      let s10 = s9 + s9
      let s11 = s10 + s10
      let s12 = s11 + s11
      let s13 = s12 + s12
      let s14 = s13 + s13
      let s15 = s14 + s14
      let s16 = s15 + s15
      let s17 = s16 + s16
      let s18 = s17 + s17
      let s19 = s18 + s18
      let s20 = s19 + s19
      """;

  private static void assertOneBudgetError(String out, String where, String what) {
    assertEquals(1, out.split("error\\[", -1).length - 1, out);
    assertTrue(out.contains(where + ": error[E0216]: " + what), out);
    assertTrue(out.contains("hint: a definition probably grows without bound"), out);
  }

  @Test
  void aLoopInsideALoopStops() {
    String out = errors("""
        let xs = range(100000)
        let grid = [for i in xs: xs + xs]
        cluster c { tags = { n = "${length(grid)}" } }
        """);
    assertOneBudgetError(out, "main.ecs:2:26", "this list of 200,000 items takes the evaluation of the project past 20,000,000 steps");
  }

  @Test
  void jsonOfOneLongStringRepeatedStops() {
    // the list holds 1,000 references to one 8 MiB string: cheap to make, 8 GiB to encode
    String out = errors(LONG_STRING + """
        let many = [for i in range(1000): s20]
        cluster c { tags = { n = jsonencode(many) } }
        """);
    assertOneBudgetError(out, "main.ecs:23:26", "this string takes the text built while evaluating the project past 64 MiB");
  }

  @Test
  void joiningOneLongStringRepeatedStops() {
    String out = errors(LONG_STRING + """
        cluster c { tags = { n = join(",", [for i in range(1000): s20]) } }
        """);
    assertOneBudgetError(out, "main.ecs:22:26", "this string takes the text built");
  }

  @Test
  void aReplaceThatMultipliesTextStops() {
    String out = errors(LONG_STRING + """
        cluster c { tags = { n = replace(s20, "x", s10) } }
        """);
    assertOneBudgetError(out, "main.ecs:22:26", "this string takes the text built");
  }

  @Test
  void distinctOfAHugeListStops() {
    String out = errors("""
        cluster c { tags = { n = "${length(distinct(range(1000000)))}" } }
        """);
    assertOneBudgetError(out, "main.ecs:1:36", "`distinct` here, comparing items 499,999,500,000 times, takes the evaluation");
  }

  @Test
  void numbersDoNotGrowTheirDigitsWithoutEnd() {
    // each line doubled the digits of the last (exactly: 1.1^(2^40) has a trillion digits)
    StringBuilder source = new StringBuilder("let d0 = 1.1\n");
    for (int i = 1; i <= 40; i++) {
      source.append("let d").append(i).append(" = d").append(i - 1).append(" * d").append(i - 1).append('\n');
    }
    source.append("cluster c { tags = { n = \"${d40 > 0}\" } }\n");
    String out = errors(source.toString());
    assertEquals(1, out.split("error\\[", -1).length - 1, out);
    assertTrue(out.contains("main.ecs:13:11: error[E0302]: the result is out of range: numbers have at most 100 digits"
        + " before and after the decimal point"), out);
  }

  @Test
  void aNumberLiteralOfThousandsOfDigitsIsRefusedUnread() {
    String out = errors("let x = " + "9".repeat(5000) + ".5\ncluster c {}\n");
    assertTrue(out.contains("main.ecs:1:9: error[E0100]: this number has more than 100 digits before or after the"
        + " decimal point"), out);
  }

  @Test
  void keepingThirtyFourDigitsKeepsEveryDayValuesExact() {
    Compiler.Result r = TestProjects.compile(dir, """
        let a = 0.1 + 0.2
        let b = 1.5 * 3
        cluster c { tags = { a = "${a}", b = "${b}", c = "${10.25 % 3}" } }
        """);
    assertTrue(r.ok(), () -> TestProjects.render(r.diagnostics(), dir));
    String tags = r.model().resources().get(0).primary().body().get("tags").toString();
    assertTrue(tags.contains("\"value\":\"0.3\"") && tags.contains("\"value\":\"4.5\"")
        && tags.contains("\"value\":\"1.25\""), tags);
  }

  @Test
  void negatingTheSmallestIntIsAnOverflow() {
    String out = errors("let x = -(-9223372036854775807 - 1)\ncluster c { tags = { n = \"${x}\" } }\n");
    assertTrue(out.contains("main.ecs:1:9: error[E0302]: integer overflow"), out);
  }

  @Test
  void aLargeButFiniteProjectIsNotStopped() {
    StringBuilder source = new StringBuilder("""
        cluster main {}
        template svc(name: string) {
          task t {
            family = name
            container app { image = "nginx:1.27", memory = 256 MiB, env { NAME = name } }
          }
        }
        """);
    for (int i = 0; i < 500; i++) {
      source.append("svc(\"svc-").append(i).append("\")\n");
    }
    source.append("let names = [for i in range(20000): \"item-${i}\"]\n");
    source.append("let few = join(\"-\", distinct([for i in range(2000): \"${i % 7}\"]))\n");
    source.append("cluster other { tags = { n = \"${length(names)}\", few = few } }\n");
    Compiler.Result r = TestProjects.compile(dir, source.toString());
    assertTrue(r.ok(), () -> TestProjects.render(r.diagnostics(), dir));
  }
}
