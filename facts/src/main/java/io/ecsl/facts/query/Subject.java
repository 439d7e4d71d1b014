package io.ecsl.facts.query;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a condition of the cluster query language tests (ecs-semantics §3.5), with the operators
 * ECS documents for it and the kind of value it compares.
 */
public enum Subject {
  AGENT_CONNECTED("agentConnected", ValueKind.BOOLEAN, Operator.EQUALS, Operator.NOT_EQUALS, Operator.IN,
      Operator.NOT_IN, Operator.MATCHES, Operator.NOT_MATCHES),
  AGENT_VERSION("agentVersion", ValueKind.VERSION, Operator.EQUALS, Operator.NOT_EQUALS, Operator.GREATER_THAN,
      Operator.GREATER_THAN_EQUAL, Operator.LESS_THAN, Operator.LESS_THAN_EQUAL),
  /** {@code attribute:NAME}, built-in ({@code ecs.instance-type}, …) or custom; every operator. */
  ATTRIBUTE("attribute:", ValueKind.TEXT, Operator.values()),
  EC2_INSTANCE_ID("ec2InstanceId", ValueKind.TEXT, Operator.EQUALS, Operator.NOT_EQUALS, Operator.IN, Operator.NOT_IN,
      Operator.MATCHES, Operator.NOT_MATCHES),
  REGISTERED_AT("registeredAt", ValueKind.DATE, Operator.EQUALS, Operator.NOT_EQUALS, Operator.GREATER_THAN,
      Operator.GREATER_THAN_EQUAL, Operator.LESS_THAN, Operator.LESS_THAN_EQUAL),
  RUNNING_TASKS_COUNT("runningTasksCount", ValueKind.INTEGER, Operator.EQUALS, Operator.NOT_EQUALS,
      Operator.GREATER_THAN, Operator.GREATER_THAN_EQUAL, Operator.LESS_THAN, Operator.LESS_THAN_EQUAL),
  /** The groups of the tasks on the instance ({@code service:web}, {@code family:batch}, custom). */
  TASK_GROUP("task:group", ValueKind.TEXT, Operator.EQUALS, Operator.NOT_EQUALS, Operator.IN, Operator.NOT_IN,
      Operator.MATCHES, Operator.NOT_MATCHES);

  /** How a subject's values read and compare. */
  public enum ValueKind {
    /** {@code true} or {@code false}. */
    BOOLEAN,
    /** Dotted numbers, compared part by part: {@code 1.14.5 < 1.9.0} is false. */
    VERSION,
    /** A date or a date and time (four formats, §3.5). */
    DATE,
    /** A whole number. */
    INTEGER,
    /** Text, compared as numbers when both sides are numbers. */
    TEXT
  }

  private final String written;
  private final ValueKind kind;
  private final Set<Operator> operators;

  Subject(String written, ValueKind kind, Operator... operators) {
    this.written = written;
    this.kind = kind;
    this.operators = EnumSet.of(operators[0], operators);
  }

  /** How the language writes it: {@code agentConnected}, {@code task:group}, {@code attribute:}. */
  public String written() {
    return written;
  }

  public ValueKind kind() {
    return kind;
  }

  /** The operators ECS documents for this subject. */
  public Set<Operator> operators() {
    return operators;
  }

  /** The subject a word names (any case), other than {@code attribute:NAME}. */
  static Optional<Subject> named(String word) {
    String lower = word.toLowerCase(Locale.ROOT);
    for (Subject s : values()) {
      if (s != ATTRIBUTE && s.written.toLowerCase(Locale.ROOT).equals(lower)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  /** {@code attribute:NAME, agentConnected, agentVersion, ec2InstanceId, registeredAt, runningTasksCount and task:group}. */
  public static String list() {
    return "attribute:NAME, agentConnected, agentVersion, ec2InstanceId, registeredAt, runningTasksCount and task:group";
  }
}
