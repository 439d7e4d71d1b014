package io.ecsl.model;

/**
 * A service's {@code taskDefinition} as ECS takes it: {@code family}, {@code family:revision} or the
 * ARN {@code arn:aws:ecs:REGION:ACCOUNT:task-definition/family:revision} (the revision optional).
 * Read here for both its readers: the rules resolve only an unpinned reference to a declared
 * task definition, the importer also a pinned one to the revision it imports.
 *
 * @param family the family
 * @param revision the revision, or null when the reference means the latest ACTIVE one
 */
public record TaskDefinitionRef(String family, Integer revision) {

  /** The reference, or null for text that is not one (empty, an ARN of something else). */
  public static TaskDefinitionRef parse(String text) {
    if (text == null) {
      return null;
    }
    String rest = text;
    if (text.startsWith("arn:")) {
      int at = text.indexOf(":task-definition/");
      if (at < 0) {
        return null;
      }
      rest = text.substring(at + ":task-definition/".length());
    }
    if (rest.isEmpty()) {
      return null;
    }
    int colon = rest.lastIndexOf(':');
    if (colon > 0 && rest.substring(colon + 1).matches("\\d{1,9}")) {
      return new TaskDefinitionRef(rest.substring(0, colon), Integer.parseInt(rest.substring(colon + 1)));
    }
    return colon >= 0 ? null : new TaskDefinitionRef(rest, null);
  }
}
