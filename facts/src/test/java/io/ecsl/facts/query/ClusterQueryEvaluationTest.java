package io.ecsl.facts.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The evaluator: every subject with every operator it takes, and the documented examples. */
class ClusterQueryEvaluationTest {
  private static final Instance T2 = Instance.t2small();

  @Test
  void theDeveloperGuidesExamples() {
    assertTrue(matches("attribute:ecs.instance-type == t2.small", T2));
    assertFalse(matches("attribute:ecs.instance-type == t2.small", T2.with("ecs.instance-type", "t2.medium")));
    assertTrue(matches("attribute:ecs.availability-zone in [us-east-1a, us-east-1b]", T2));
    assertFalse(matches("attribute:ecs.availability-zone in [us-east-1a, us-east-1b]",
        T2.with("ecs.availability-zone", "us-east-1d")));
    Instance g2 = T2.with("ecs.instance-type", "g2.2xlarge");
    assertTrue(matches("attribute:ecs.instance-type =~ g2.* and attribute:ecs.availability-zone != us-east-1d", g2));
    assertFalse(matches("attribute:ecs.instance-type =~ g2.* and attribute:ecs.availability-zone != us-east-1d",
        g2.with("ecs.availability-zone", "us-east-1d")));
    assertFalse(matches("attribute:ecs.instance-type =~ g2.* and attribute:ecs.availability-zone != us-east-1d", T2));
    assertTrue(matches("task:group == service:production", T2));
    assertFalse(matches("task:group == service:production", T2.running(0)));
    assertTrue(matches("not(task:group == database)", T2));
    assertFalse(matches("not(task:group == database)", T2.running(2, "database", "service:web")));
    assertTrue(matches("runningTasksCount == 1", T2));
    assertFalse(matches("runningTasksCount == 1", T2.running(2)));
    assertTrue(matches("agentVersion < 1.14.5", T2));
    assertFalse(matches("agentVersion < 1.14.5", T2.agent("1.14.5")));
    assertTrue(matches("registeredAt < 2018-02-13", T2));
    assertFalse(matches("registeredAt < 2018-02-13", T2.registered("2018-02-13T00:00:00Z")));
    assertTrue(matches("ec2InstanceId in ['i-abcd1234', 'i-wxyx7890']", T2));
    assertFalse(matches("ec2InstanceId in ['i-abcd1234', 'i-wxyx7890']", T2.id("i-0000")));
    assertTrue(matches("agentConnected == false", T2.connected(false)));
    assertFalse(matches("agentConnected == false", T2));
  }

  @Test
  void attributesTakeEveryOperator() {
    Instance i = T2.with("team", "payments").with("slots", "10");
    assertTrue(matches("attribute:team == payments", i));
    assertTrue(matches("attribute:team equals payments", i));
    assertFalse(matches("attribute:team == Payments", i), "equality is exact text");
    assertTrue(matches("attribute:team != search", i));
    assertTrue(matches("attribute:team in [search, payments]", i));
    assertFalse(matches("attribute:team !in [search, payments]", i));
    assertTrue(matches("attribute:team not_in [search]", i));
    assertTrue(matches("attribute:team =~ pay.*", i));
    assertFalse(matches("attribute:team =~ pay", i), "=~ matches the whole value");
    assertTrue(matches("attribute:team !~ search.*", i));
    assertTrue(matches("attribute:team exists", i));
    assertFalse(matches("attribute:team !exists", i));
    assertTrue(matches("attribute:other not_exists", i));
    assertFalse(matches("attribute:other exists", i));
    // ordering: numbers as numbers, other text as text
    assertTrue(matches("attribute:slots > 9", i), "10 > 9 as numbers");
    assertTrue(matches("attribute:slots >= 10", i));
    assertFalse(matches("attribute:slots < 10", i));
    assertTrue(matches("attribute:slots <= 10.5", i));
    assertTrue(matches("attribute:slots >= 10.0", i), "10 >= 10.0 as numbers");
    assertFalse(matches("attribute:slots > 10.0", i));
    assertTrue(matches("attribute:team > pay", i), "as text");
    assertTrue(matches("attribute:team < search", i));
    assertFalse(matches("attribute:slots == 10.0", i), "equality stays text equality");
  }

  @Test
  void aMissingAttributeSatisfiesOnlyNegations() {
    Instance i = T2.with("ecs.availability-zone", null);
    assertFalse(matches("attribute:ecs.availability-zone == us-east-1a", i));
    assertTrue(matches("attribute:ecs.availability-zone != us-east-1a", i));
    assertFalse(matches("attribute:ecs.availability-zone in [us-east-1a]", i));
    assertTrue(matches("attribute:ecs.availability-zone !in [us-east-1a]", i));
    assertFalse(matches("attribute:ecs.availability-zone =~ .*", i));
    assertTrue(matches("attribute:ecs.availability-zone !~ .*", i));
    assertFalse(matches("attribute:ecs.availability-zone > a", i));
    assertFalse(matches("attribute:ecs.availability-zone <= z", i));
  }

  @Test
  void anAttributeWithoutAValueExists() {
    Instance i = T2.with("ecs.capability.efs", "");
    assertTrue(matches("attribute:ecs.capability.efs exists", i));
    assertFalse(matches("attribute:ecs.capability.efs == true", i));
  }

  @Test
  void ec2InstanceIdTakesEqualityListsAndPatterns() {
    assertTrue(matches("ec2InstanceId == i-abcd1234", T2));
    assertTrue(matches("ec2InstanceId != i-0000", T2));
    assertTrue(matches("ec2InstanceId not_in [i-0000]", T2));
    assertTrue(matches("ec2InstanceId =~ i-abcd.*", T2));
    assertTrue(matches("ec2InstanceId !~ i-0.*", T2));
    assertFalse(matches("ec2InstanceId == i-abcd1234", T2.id(null)), "an external instance has no EC2 ID");
    assertTrue(matches("ec2InstanceId != i-abcd1234", T2.id(null)));
  }

  @Test
  void taskGroupAsksWhetherSomeTaskIsInTheGroup() {
    Instance i = T2.running(3, "service:web", "family:batch", "service:web");
    assertTrue(matches("task:group == family:batch", i));
    assertFalse(matches("task:group != family:batch", i), "!= is not(==): no task of the group runs there");
    assertTrue(matches("task:group != service:db", i));
    assertTrue(matches("task:group in [service:db, service:web]", i));
    assertFalse(matches("task:group not_in [service:db, service:web]", i));
    assertTrue(matches("task:group =~ service:.*", i));
    assertFalse(matches("task:group !~ family:.*", i));
    assertTrue(matches("task:group !~ family:.*", T2.running(1, "service:web")));
    assertFalse(matches("task:group =~ .*", T2.running(0)), "an empty instance has no group");
  }

  @Test
  void agentConnectedIsTrueOrFalse() {
    assertTrue(matches("agentConnected == true", T2));
    assertTrue(matches("agentConnected == TRUE", T2));
    assertTrue(matches("agentConnected != false", T2));
    assertTrue(matches("agentConnected in [true]", T2));
    assertTrue(matches("agentConnected not_in [true]", T2.connected(false)));
    assertTrue(matches("agentConnected =~ t.*", T2));
    assertTrue(matches("agentConnected !~ t.*", T2.connected(false)));
  }

  @Test
  void agentVersionComparesPartByPart() {
    Instance i = T2.agent("1.14.10");
    assertTrue(matches("agentVersion > 1.14.9", i), "10 > 9, not as text");
    assertTrue(matches("agentVersion >= 1.14.10", i));
    assertTrue(matches("agentVersion <= 1.14.10", i));
    assertTrue(matches("agentVersion < 1.15", i));
    assertTrue(matches("agentVersion == 1.14.10", i));
    assertTrue(matches("agentVersion == 1.14.10.0", i), "missing parts are 0");
    assertTrue(matches("agentVersion != 1.14", i));
    assertTrue(matches("agentVersion > 1.80", T2.agent("1.80.1-dev")));
    assertFalse(matches("agentVersion > 1", T2.agent(null)));
  }

  @Test
  void registeredAtReadsEveryDocumentedFormat() {
    Instance i = T2.registered("2018-06-18T22:28:28Z");
    assertTrue(matches("registeredAt == 2018-06-18T22:28:28+00:00", i));
    assertTrue(matches("registeredAt == 2018-06-18T22:28:28Z", i));
    assertTrue(matches("registeredAt == 2018-06-18T22:28:28", i), "no offset: UTC");
    assertTrue(matches("registeredAt == 2018-06-18T23:28:28+01:00", i));
    assertTrue(matches("registeredAt == 2018-06-18", i), "a date alone compares the day (UTC)");
    assertTrue(matches("registeredAt != 2018-06-17", i));
    assertTrue(matches("registeredAt > 2018-06-17", i));
    assertFalse(matches("registeredAt > 2018-06-18", i), "not after that day");
    assertTrue(matches("registeredAt >= 2018-06-18", i));
    assertTrue(matches("registeredAt <= 2018-06-18", i));
    assertTrue(matches("registeredAt < 2018-06-18T22:28:29Z", i));
    assertFalse(matches("registeredAt < 2018-06-18T22:28:28Z", i));
  }

  @Test
  void runningTasksCountIsAWholeNumber() {
    Instance i = T2.running(3);
    assertTrue(matches("runningTasksCount == 3", i));
    assertTrue(matches("runningTasksCount != 2", i));
    assertTrue(matches("runningTasksCount > 2", i));
    assertTrue(matches("runningTasksCount >= 3", i));
    assertTrue(matches("runningTasksCount < 4", i));
    assertTrue(matches("runningTasksCount <= 3", i));
    assertFalse(matches("runningTasksCount < 3", i));
  }

  @Test
  void connectivesCombine() {
    assertTrue(matches("attribute:ecs.os-type == windows or attribute:ecs.os-type == linux", T2));
    assertFalse(matches("attribute:ecs.os-type == windows || runningTasksCount > 5", T2));
    assertTrue(matches("!(attribute:ecs.os-type == windows) && runningTasksCount < 5", T2));
    assertTrue(matches("not not attribute:ecs.os-type == linux", T2));
    assertTrue(matches("(attribute:a == 1 or attribute:ecs.os-type == linux) and (runningTasksCount == 1)", T2));
  }

  @Test
  void everySubjectIsEvaluatedWithEveryOperatorItTakes() {
    // A completeness check: each pair parses (given a value of the right kind) and evaluates without failing,
    // and each negated operator is the opposite of its positive form.
    for (Subject subject : Subject.values()) {
      Set<Operator> seen = EnumSet.noneOf(Operator.class);
      for (Operator op : subject.operators()) {
        String text = written(subject) + " " + op.symbol() + argument(subject, op);
        boolean result = matches(text, T2);
        if (op.negated()) {
          String positive = written(subject) + " " + op.positive().symbol() + argument(subject, op.positive());
          assertEquals(!matches(positive, T2), result, text);
        }
        seen.add(op);
      }
      assertEquals(subject.operators(), seen);
    }
  }

  private static String written(Subject s) {
    return s == Subject.ATTRIBUTE ? "attribute:ecs.instance-type" : s.written();
  }

  private static String argument(Subject s, Operator op) {
    if (op.arity() == Operator.Arity.NONE) {
      return "";
    }
    if (op.positive() == Operator.MATCHES) {
      return " .*";
    }
    String value = switch (s.kind()) {
      case BOOLEAN -> "true";
      case VERSION -> "1.14.4";
      case DATE -> "2018-02-12";
      case INTEGER -> "1";
      case TEXT -> s == Subject.TASK_GROUP ? "service:production" : s == Subject.EC2_INSTANCE_ID ? "i-abcd1234" : "t2.small";
    };
    return op.arity() == Operator.Arity.LIST ? " [" + value + "]" : " " + value;
  }

  private static boolean matches(String text, InstanceSnapshot instance) {
    return ClusterQuery.parse(text).matches(instance);
  }
}
