package io.ecsl.importer;

/**
 * A service's {@code taskDefinition} as ECS takes it: {@code family}, {@code family:revision} or the
 * ARN {@code arn:aws:ecs:REGION:ACCOUNT:task-definition/family:revision} (the revision optional).
 *
 * @param family the family
 * @param revision the revision, or null when the reference means the latest ACTIVE one
 */
record TaskDefinitionRef(String family, Integer revision) {

  /** The reference, or null for text that is not one (empty, an ARN of something else). */
  static TaskDefinitionRef parse(String text) {
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
