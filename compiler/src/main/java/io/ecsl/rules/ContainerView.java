package io.ecsl.rules;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One element of {@code containerDefinitions}, with its JSON pointer.
 *
 * @param task the task definition it belongs to
 * @param index its position in {@code containerDefinitions}
 * @param node the container definition
 */
public record ContainerView(TaskDefinitionView task, int index, ObjectNode node) {

  public String name() {
    return Nodes.text(node, "name");
  }

  /** {@code /containerDefinitions/2}. */
  public String pointer() {
    return "/containerDefinitions/" + index;
  }

  /** {@code /containerDefinitions/2/memory}. */
  public String pointer(String field) {
    return pointer() + "/" + field;
  }

  /** ECS's default is essential; only an explicit false makes a container non-essential. */
  public boolean essential() {
    Boolean e = Nodes.bool(node, "essential");
    return e == null || e;
  }

  public boolean hasHealthCheck() {
    return Nodes.object(node, "healthCheck") != null;
  }

  /** {@code container `app`} (or its position when it has no name). */
  public String label() {
    String n = name();
    return n != null && !n.isEmpty() ? "container `" + n + "`" : "container #" + (index + 1);
  }

  /** Reports at a field of this container, {@code relative} being e.g. {@code /memory} or {@code ""}. */
  public void report(RuleContext ctx, String relative, String message, String hint) {
    task.report(ctx, pointer() + relative, message, hint);
  }
}
