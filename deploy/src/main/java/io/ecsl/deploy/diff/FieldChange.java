package io.ecsl.deploy.diff;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One field that differs between what is live and what is declared.
 *
 * @param pointer JSON pointer into the declared request (or the live one, for a removed element)
 * @param path the same place for people: {@code containerDefinitions[app].environment[LOG_LEVEL].value}
 * @param before the live value, or null when the field is absent live
 * @param after the declared value, or null when the declaration drops it
 * @param sensitive true when the values must never be shown (they are already masked here)
 */
public record FieldChange(String pointer, String path, JsonNode before, JsonNode after, boolean sensitive) {

  /** The first member name of the pointer ({@code /deploymentConfiguration/x} → {@code deploymentConfiguration}). */
  public String topMember() {
    int next = pointer.indexOf('/', 1);
    return next < 0 ? pointer.substring(1) : pointer.substring(1, next);
  }
}
