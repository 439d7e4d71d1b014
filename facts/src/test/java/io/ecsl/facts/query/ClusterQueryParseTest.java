package io.ecsl.facts.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The parser: the tree and its offsets, and each error with the span it points at. */
class ClusterQueryParseTest {
  @Test
  void aConditionKnowsItsSubjectOperatorArgumentsAndOffsets() {
    String text = "attribute:ecs.instance-type == t2.small";
    Condition c = assertInstanceOf(Condition.class, ClusterQuery.parse(text).expression());
    assertEquals(Subject.ATTRIBUTE, c.subject());
    assertEquals("ecs.instance-type", c.attribute().orElseThrow());
    assertEquals(Operator.EQUALS, c.operator());
    assertEquals(28, c.operatorStart());
    assertEquals(List.of(new Argument("t2.small", false, 31, 39)), c.arguments());
    assertEquals(0, c.start());
    assertEquals(text.length(), c.end());
  }

  @Test
  void notBindsTighterThanAndWhichBindsTighterThanOr() {
    String text = "not task:group == a and runningTasksCount > 1 or agentConnected == false";
    Expression.Or or = assertInstanceOf(Expression.Or.class, ClusterQuery.parse(text).expression());
    Expression.And and = assertInstanceOf(Expression.And.class, or.operands().get(0));
    Expression.Not not = assertInstanceOf(Expression.Not.class, and.operands().get(0));
    assertEquals(0, not.start());
    assertEquals(text.indexOf(" and"), not.end());
    assertInstanceOf(Condition.class, or.operands().get(1));
    assertEquals(text.length(), or.end());
  }

  @Test
  void parenthesesGroupAndSymbolsEqualWords() {
    ClusterQuery words = ClusterQuery.parse("not(task:group == database) and (runningTasksCount == 1 or agentConnected == false)");
    ClusterQuery symbols = ClusterQuery.parse("!(task:group == database) && (runningTasksCount == 1 || agentConnected == false)");
    Expression.And and = assertInstanceOf(Expression.And.class, words.expression());
    assertInstanceOf(Expression.Not.class, and.operands().get(0));
    assertInstanceOf(Expression.Or.class, and.operands().get(1));
    assertEquals(words.conditions().stream().map(Condition::toString).toList(),
        symbols.conditions().stream().map(Condition::toString).toList());
  }

  @Test
  void everyOperatorHasASymbolAndAWord() {
    for (Operator op : Operator.values()) {
      assertEquals(op, Operator.of(op.symbol()).orElseThrow());
      assertEquals(op, Operator.of(op.word()).orElseThrow());
      assertEquals(op, Operator.of(op.word().toUpperCase(java.util.Locale.ROOT)).orElseThrow());
      String argument = switch (op.arity()) {
        case NONE -> "";
        case ONE -> " x";
        case LIST -> " [x, 'y z']";
      };
      for (String written : new String[] {op.symbol(), op.word()}) {
        Condition c = ClusterQuery.parse("attribute:a " + written + argument).conditions().get(0);
        assertEquals(op, c.operator(), written);
      }
    }
    assertEquals("==, !=, >, >=, <, <=, in, !in, =~, !~, exists, !exists", Operator.symbols());
  }

  @Test
  void valuesKeepWhatElsewhereWouldBeOperators() {
    assertEquals("service:production", ClusterQuery.parse("task:group == service:production").conditions().get(0)
        .arguments().get(0).text());
    assertEquals("2018-06-18T22:28:28+00:00", ClusterQuery.parse("registeredAt >= 2018-06-18T22:28:28+00:00").conditions()
        .get(0).arguments().get(0).text());
    assertEquals("(t2|t3)\\..*", ClusterQuery.parse("not(attribute:ecs.instance-type =~ (t2|t3)\\..*)").conditions().get(0)
        .arguments().get(0).text());
    assertEquals(List.of("us-east-1a", "us-east-1b"), ClusterQuery.parse("attribute:ecs.availability-zone in "
        + "[us-east-1a,us-east-1b]").conditions().get(0).arguments().stream().map(Argument::text).toList());
    Argument quoted = ClusterQuery.parse("ec2InstanceId in ['i-abcd1234', \"i-wxyx7890\"]").conditions().get(0)
        .arguments().get(1);
    assertEquals(new Argument("i-wxyx7890", true, 32, 44), quoted);
    assertEquals(2, ClusterQuery.parse("attribute:a==b&&attribute:c!=d").conditions().size());
  }

  @Test
  void errorsSayWhatAndPointAtIt() {
    error("", "it is empty", 0, 0);
    error("attribute:ecs.instance-type = t3.large", "unknown operator `=`", 28, 29);
    error("attribute:ecs.instance-type in [m6i.large, m6i.xlarge", "missing `]`", 53, 53);
    error("attribute:ecs.instance-type in m6i.large", "`in` takes a list such as `[us-east-1a, us-east-1b]`", 31, 40);
    error("attribute:ecs.instance-type == [a, b]", "`==` compares with one value, not a list; a list goes with `in` or `!in`",
        31, 32);
    error("attribute:x in []", "the list is empty; give at least one value", 16, 17);
    error("attribute:x in [a,,b]", "missing a value in the list", 18, 19);
    error("attribute:x in [a b]", "unexpected `b` in the list; separate values with `,` and close it with `]`", 18, 19);
    error("instanceType == t3.large", "unknown subject `instanceType`; subjects are attribute:NAME, agentConnected, agentVersion,"
        + " ec2InstanceId, registeredAt, runningTasksCount and task:group; the instance type is"
        + " `attribute:ecs.instance-type`", 0, 12);
    error("ec2InstanceType == t3.large", "unknown subject `ec2InstanceType`; subjects are attribute:NAME, agentConnected,"
        + " agentVersion, ec2InstanceId, registeredAt, runningTasksCount and task:group; the instance type is"
        + " `attribute:ecs.instance-type`", 0, 15);
    error("attribute:a:b == c", "`attribute:a:b` is not a valid attribute name (1–128 letters, digits, `-`, `_`, `/`, `\\`"
        + " or `.`)", 0, 13);
    error("task:group > a", "`task:group` cannot be compared with `>`; its operators are ==, !=, in, !in, =~, !~", 11, 12);
    error("runningTasksCount exists", "`runningTasksCount` cannot be compared with `exists`; its operators are ==, !=, >, >=,"
        + " <, <=", 18, 24);
    error("attribute:a ==", "it ends where a value after `==` is expected", 14, 14);
    error("attribute:a", "it ends where an operator after `attribute:a` is expected", 11, 11);
    error("attribute:a == b and", "it ends where a subject such as `attribute:ecs.instance-type` is expected", 20, 20);
    error("(attribute:a == b", "missing `)`", 17, 17);
    error("attribute:a == b)", "unexpected `)` with no `(` to close", 16, 17);
    error("attribute:a == b attribute:c == d", "unexpected `attribute:c`; join conditions with `and` or `or`", 17, 28);
    error("attribute:a == (b) or", "it ends where a subject such as `attribute:ecs.instance-type` is expected", 21, 21);
    error("attribute:a == 'b", "a quote is not closed", 15, 17);
    error("attribute:a == )", "missing the value after `==`", 15, 16);
    error("== b", "unexpected `=` where a subject such as `attribute:ecs.instance-type` is expected", 0, 1);
    error("attribute:a =~ [", "`=~` compares with one value, not a list; a list goes with `in` or `!in`", 15, 16);
    error("attribute:a =~ t2(", "`t2(` is not a regular expression (Java syntax): Unclosed group", 15, 18);
    error("registeredAt < yesterday", "`yesterday` is not a date ECS reads; write 2018-06-18, 2018-06-18T22:28:28,"
        + " 2018-06-18T22:28:28Z or 2018-06-18T22:28:28+00:00", 15, 24);
    error("registeredAt < 2018-02-30", "`2018-02-30` is not a date ECS reads; write 2018-06-18, 2018-06-18T22:28:28,"
        + " 2018-06-18T22:28:28Z or 2018-06-18T22:28:28+00:00", 15, 25);
    error("agentVersion < latest", "`latest` is not an agent version such as `1.14.5`", 15, 21);
    error("runningTasksCount > many", "`many` is not a whole number, which runningTasksCount counts", 20, 24);
    error("agentConnected == yes", "`yes` is not true or false, the values of agentConnected", 18, 21);
  }

  @Test
  void anExpressionSaysWhetherItAsksAboutTasks() {
    assertEquals(false, ClusterQuery.parse("attribute:ecs.instance-type =~ t3.* and agentVersion > 1.2").readsTasks());
    assertEquals(true, ClusterQuery.parse("attribute:a exists and not(task:group == db)").readsTasks());
    assertEquals(true, ClusterQuery.parse("attribute:a exists or runningTasksCount < 3").readsTasks());
  }

  @Test
  void checkReturnsTheErrorInsteadOfThrowing() {
    assertTrue(ClusterQuery.check("attribute:ecs.os-type == linux").isEmpty());
    assertEquals("unknown operator `=`", ClusterQuery.check("attribute:x = y").orElseThrow().reason());
    assertEquals("it is empty", ClusterQuery.check(null).orElseThrow().reason());
  }

  private static void error(String text, String reason, int start, int end) {
    ClusterQuerySyntaxError e = assertThrows(ClusterQuerySyntaxError.class, () -> ClusterQuery.parse(text), text);
    assertEquals(reason, e.reason(), text);
    assertEquals(start + ".." + end, e.start() + ".." + e.end(), text + ": " + reason);
  }
}
