package io.ecsl.fmt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.ecsl.ast.SourceUnit;
import io.ecsl.diag.Diagnostics;
import io.ecsl.parse.Parser;
import io.ecsl.source.SourceFile;
import org.junit.jupiter.api.Test;

/** The layout decisions of {@code ecsl fmt}: where lines break and where blank lines stay. */
class FormatterTest {

  private static String format(String source) {
    Diagnostics d = new Diagnostics();
    SourceUnit unit = Parser.parse(SourceFile.of("t.ecs", source), d);
    assertNotNull(unit, () -> d.sorted().toString());
    return Formatter.format(unit);
  }

  /** The docs say 100 columns; blocks used to break at about 85 (their items were capped at 70 characters). */
  @Test
  void aBlockStaysOnOneLineUpToOneHundredColumns() {
    String fits = "  network { subnets = [\"subnet-0a1b2c3d\"], security_groups = [\"sg-0123456789abcdef0123456789abcd\"] }";
    assertEquals(100, fits.length());
    String source = "service web in prod {\n" + fits + "\n}\n";
    assertEquals(source, format(source));
    String tooLong = "  network { subnets = [\"subnet-0a1b2c3d\"], security_groups = [\"sg-0123456789abcdef0123456789abcde\"] }";
    assertEquals(101, tooLong.length());
    assertEquals("""
        service web in prod {
          network {
            subnets = ["subnet-0a1b2c3d"]
            security_groups = ["sg-0123456789abcdef0123456789abcde"]
          }
        }
        """, format("service web in prod {\n" + tooLong + "\n}\n"));
    String object = "let defaults = { cpu = 1 vcpu, memory = 2 GiB, image = \"ghcr.io/acme/a-long-image-name:1.0.0\" }";
    assertEquals(95, object.length());
    assertEquals(object + "\n", format(object + "\n"));
    assertEquals("let defaults = {\n  cpu = 1 vcpu\n  memory = 2 GiB\n  image = \"ghcr.io/acme/a-long-image-name-too-long:1.0.0\"\n}\n",
        format("let defaults = { cpu = 1 vcpu, memory = 2 GiB, image = \"ghcr.io/acme/a-long-image-name-too-long:1.0.0\" }\n"));
  }

  /** A comment inside a list was moved below the whole item; it stays where it is, and so does the list's layout. */
  @Test
  void commentsInsideAListStayWhereTheyAre() {
    String source = """
        let zones = [
          "eu-west-1a", # the first zone
          # the second one, added later
          "eu-west-1b",
          # more to come
        ]
        task t {
          container app {
            image = "a:1"
            command = ["serve", # the entry point
              "--port=80"]
            logs = logging.awslogs(group = "/ecs/a-rather-long-group-name", stream_prefix = "app", options = [
              "x", # why x
            ])
          }
        }
        """;
    String expected = """
        let zones = [
          "eu-west-1a",  # the first zone
          # the second one, added later
          "eu-west-1b",
          # more to come
        ]

        task t {
          container app {
            image = "a:1"
            command = [
              "serve",  # the entry point
              "--port=80",
            ]
            logs = logging.awslogs(group = "/ecs/a-rather-long-group-name", stream_prefix = "app", options = [
              "x",  # why x
            ])
          }
        }
        """;
    assertEquals(expected, format(source));
    assertEquals(expected, format(expected), "formatting is idempotent");
  }

  /** `10_000` became `10000`: the author's digit grouping is kept (leading zeros are not). */
  @Test
  void numbersKeepTheirDigitGrouping() {
    assertEquals("let n = 10_000\nlet big = 1_048_576 MiB\nlet d = 1_000.25\nlet z = 7\n",
        format("let n = 10_000\nlet big = 1_048_576MiB\nlet d = 1_000.25\nlet z = 007\n"));
  }

  @Test
  void aTemplateHeaderTooLongForOneLineTakesAParameterPerLine() {
    String source = "template http(port: int, path: string = \"/\", interval: duration = 30s, timeout: duration = 5s,"
        + " retries: int = 3) = { command = \"wget localhost:${port}${path}\" }\n";
    assertEquals("""
        template http(
          port: int,
          path: string = "/",
          interval: duration = 30s,
          timeout: duration = 5s,
          retries: int = 3,
        ) = { command = "wget localhost:${port}${path}" }
        """, format(source));
  }

  @Test
  void aShortTemplateHeaderStaysOnOneLine() {
    assertEquals("template small(cpu: cpu = 256) { size(cpu = cpu) }\n",
        format("template small(\n  cpu: cpu = 256,\n) {\n  size(cpu = cpu)\n}\n"));
  }

  @Test
  void aCallTooLongForItsLineTakesAnArgumentPerLine() {
    String source = "task t {\n  container app {\n    logs = logging.awslogs(group = \"/ecs/a-rather-long-group-name\","
        + " region = \"eu-west-1\", stream_prefix = \"app\")\n  }\n}\n";
    assertEquals("""
        task t {
          container app {
            logs = logging.awslogs(
              group = "/ecs/a-rather-long-group-name",
              region = "eu-west-1",
              stream_prefix = "app",
            )
          }
        }
        """, format(source));
  }

  @Test
  void aCallThatFitsFromWhereItStartsStaysOnOneLine() {
    // 98 columns: the line is measured from where the value starts (counting the indentation twice made it 102)
    String line = "    logs = logging.awslogs(group = \"/ecs/report\", region = \"us-east-1\", stream_prefix = \"reports\")";
    assertEquals(98, line.length());
    String source = "task t {\n  container app {\n" + line + "\n  }\n}\n";
    assertEquals(source, format(source));
  }

  @Test
  void aTemplateValueListBreaksAtTheColumnWhereItStarts() {
    String source = "template spot(base: int = 1, on_demand: int = 1, spot: int = 3) ="
        + " [FARGATE base base weight on_demand, FARGATE_SPOT weight spot]\n";
    assertEquals("""
        template spot(base: int = 1, on_demand: int = 1, spot: int = 3) = [
          FARGATE base base weight on_demand,
          FARGATE_SPOT weight spot,
        ]
        """, format(source));
  }

  @Test
  void blankLinesAfterCommentsAndBetweenGroupsAreKeptAndCollapsed() {
    String source = """
        # std/example: a file header.
        #   import "std/example"


        # The first group.
        let a = 1
        let b = 2

        # The second group.
        let c = 3
        """;
    assertEquals("""
        # std/example: a file header.
        #   import "std/example"

        # The first group.
        let a = 1
        let b = 2

        # The second group.
        let c = 3
        """, format(source));
  }

  @Test
  void oneLineBlocksMayStayTogetherWhileLongerBlocksStandApart() {
    String source = """
        template xsmall() { size(cpu = 256) }
        template small() { size(cpu = 512) }
        task web {
          container app { image = "a:1", memory = 64 }
          container b { image = "b:1", memory = 64, essential = false, command = ["sh", "-c", "sleep 1000"] }
        }
        """;
    assertEquals("""
        template xsmall() { size(cpu = 256) }
        template small() { size(cpu = 512) }

        task web {
          container app { image = "a:1", memory = 64 }
          container b {
            image = "b:1"
            memory = 64
            essential = false
            command = ["sh", "-c", "sleep 1000"]
          }
        }
        """, format(source));
  }

  @Test
  void nestedListsAndObjectsArePrintedInPolynomialWork() {
    // Each level is tried on one line, then broken: without remembering what was printed where,
    // 20 levels took over a million prints, and 60 never finished.
    String lists = "let x = " + "[".repeat(20) + "1" + "]".repeat(20) + "\n";
    String objects = "let y = " + "{ k = ".repeat(20) + "\"v\"" + " }".repeat(20) + "\n";
    for (String source : new String[] {lists, objects}) {
      Diagnostics d = new Diagnostics();
      SourceUnit unit = Parser.parse(SourceFile.of("t.ecs", source), d);
      assertNotNull(unit, () -> d.sorted().toString());
      int prints = Formatter.printsToFormat(unit);
      org.junit.jupiter.api.Assertions.assertTrue(prints < 5_000, prints + " prints for 20 levels");
    }
  }
}
