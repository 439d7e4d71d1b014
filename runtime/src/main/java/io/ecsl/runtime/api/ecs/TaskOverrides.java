package io.ecsl.runtime.api.ecs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.runtime.api.ApiException;
import io.ecsl.runtime.json.Json;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * RunTask's (and StartTask's) {@code overrides} checked as ECS checks them, and normalized: task
 * {@code cpu} and {@code memory} in the forms RegisterTaskDefinition takes ("1 vCPU", "2 GB") are
 * stored as units and MiB, so the task's size and its reservation read the same numbers.
 */
final class TaskOverrides {
  /** ECS's limit on the JSON of the overrides ("Container Overrides length must be at most 8192"). */
  static final int MAX_LENGTH = 8192;
  private static final Pattern ROLE_ARN = Pattern.compile("^arn:aws[a-z-]*:iam::\\d{12}:role/[\\w+=,.@/-]{1,512}$");
  private static final Pattern S3_OBJECT_ARN = Pattern.compile("^arn:aws[a-z-]*:s3:::[a-z0-9.-]{3,63}/.+\\.env$");
  private static final int MAX_ENVIRONMENT_FILES = 10;

  private TaskOverrides() {}

  /** The overrides to store (a normalized copy), or null when there are none. */
  static ObjectNode check(ObjectNode definition, JsonNode overrides) {
    if (overrides == null || overrides.isNull()) {
      return null;
    }
    if (!overrides.isObject()) {
      throw ApiException.invalidParameter("overrides must be an object (TaskOverride).");
    }
    if (Json.write(overrides).length() > MAX_LENGTH) {
      throw ApiException.invalidParameter("Container Overrides length must be at most " + MAX_LENGTH);
    }
    ObjectNode out = (ObjectNode) overrides.deepCopy();
    Set<String> names = new LinkedHashSet<>();
    for (JsonNode container : Json.list(definition, "containerDefinitions")) {
      names.add(Json.text(container, "name"));
    }
    for (JsonNode override : Json.list(overrides, "containerOverrides")) {
      String name = Json.text(override, "name");
      if (!names.contains(name)) {
        throw ApiException.invalidParameter("Override for container named " + name + " is not a container in the"
            + " TaskDefinition (containers: " + names + ").");
      }
      checkContainer(name, override);
    }
    for (String role : List.of("taskRoleArn", "executionRoleArn")) {
      String arn = Json.text(overrides, role);
      if (arn != null && !ROLE_ARN.matcher(arn).matches()) {
        throw ApiException.invalidParameter("Invalid " + role + " override '" + arn + "': give an IAM role ARN"
            + " (arn:aws:iam::123456789012:role/NAME).");
      }
    }
    if (out.has("cpu") || out.has("memory")) {
      ObjectNode size = Json.object();
      Json.putIfPresent(size, "cpu", Json.text(out, "cpu"));
      Json.putIfPresent(size, "memory", Json.text(out, "memory"));
      try {
        TaskDefinitionValidator.normalizeSize(size);
        Json.putIfPresent(out, "cpu", Json.text(size, "cpu"));
        Json.putIfPresent(out, "memory", Json.text(size, "memory"));
        if (Json.strings(definition, "requiresCompatibilities").contains("FARGATE")) {
          ObjectNode effective = Json.object();
          effective.put("cpu", Json.text(out, "cpu", Json.text(definition, "cpu")));
          effective.put("memory", Json.text(out, "memory", Json.text(definition, "memory")));
          TaskDefinitionValidator.validateFargate(effective, Json.text(definition, "networkMode"));
        }
      } catch (ApiException e) {
        // the task definition's own size rules, answered as RunTask answers a bad parameter
        throw ApiException.invalidParameter(e.getMessage());
      }
    }
    return out;
  }

  private static void checkContainer(String name, JsonNode override) {
    for (String field : List.of("cpu", "memory", "memoryReservation")) {
      JsonNode value = override.get(field);
      if (value != null && !value.isNull() && (!value.canConvertToInt() || value.asInt() < 0)) {
        throw ApiException.invalidParameter("Invalid " + field + " override for container " + name + ": " + value
            + "; give a whole number (" + (field.equals("cpu") ? "CPU units" : "MiB") + ").");
      }
    }
    Integer memory = Json.integer(override, "memory");
    Integer reservation = Json.integer(override, "memoryReservation");
    if (memory != null && reservation != null && memory < reservation) {
      throw ApiException.invalidParameter("Invalid override for container " + name + ": memory (" + memory
          + " MiB) must not be less than memoryReservation (" + reservation + " MiB).");
    }
    for (JsonNode pair : Json.list(override, "environment")) {
      String variable = Json.text(pair, "name");
      if (variable == null || variable.isEmpty()) {
        throw ApiException.invalidParameter("Environment variable overrides of container " + name + " need a name.");
      }
    }
    List<JsonNode> files = Json.list(override, "environmentFiles");
    if (files.size() > MAX_ENVIRONMENT_FILES) {
      throw ApiException.invalidParameter("Container " + name + " overrides " + files.size() + " environment files;"
          + " ECS allows " + MAX_ENVIRONMENT_FILES + ".");
    }
    for (JsonNode file : files) {
      String value = Json.text(file, "value");
      if (!"s3".equals(Json.text(file, "type")) || value == null || !S3_OBJECT_ARN.matcher(value).matches()) {
        throw ApiException.invalidParameter("Invalid environment file " + file + " for container " + name
            + ": give {\"type\": \"s3\", \"value\": \"arn:aws:s3:::BUCKET/KEY.env\"}.");
      }
    }
  }
}
