package io.ecsl.deploy.plan;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A field declared as owned elsewhere ({@code owned_elsewhere { desired = "autoscaling" }}): the
 * plan shows it and its owner, never as a change, and apply keeps the live value.
 *
 * @param pointer where it is in the declared request
 * @param path the same for people
 * @param owner who owns it
 * @param declared the value in the declaration (used only when creating), masked if sensitive
 * @param live the value the target has, masked if sensitive; null when the resource does not exist
 */
public record IgnoredField(String pointer, String path, String owner, JsonNode declared, JsonNode live) {}
