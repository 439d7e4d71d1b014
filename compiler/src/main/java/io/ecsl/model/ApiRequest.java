package io.ecsl.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;

/**
 * One AWS API call the project needs, with its request exactly as the API takes it (what
 * {@code aws <service> <operation> --cli-input-json} reads).
 *
 * @param service the AWS CLI service name: {@code ecs}, {@code events}, {@code application-autoscaling},
 *     {@code servicediscovery}
 * @param operation the API operation, e.g. {@code RegisterTaskDefinition}
 * @param body the request; field order follows the API model
 * @param spans where each field came from in the source
 * @param file the path of its JSON file in the build output, relative to the output directory
 */
public record ApiRequest(String service, String operation, ObjectNode body, SpanIndex spans, String file) {

  /** {@code RegisterTaskDefinition} → {@code register-task-definition}, as the AWS CLI names it. */
  public String cliOperation() {
    return CLI_NAMES.computeIfAbsent(operation, ApiRequest::cliName);
  }

  /** A handful of operations, asked for once per request in a build's manifest and script. */
  private static final java.util.concurrent.ConcurrentHashMap<String, String> CLI_NAMES =
      new java.util.concurrent.ConcurrentHashMap<>();

  private static String cliName(String operation) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < operation.length(); i++) {
      char c = operation.charAt(i);
      if (Character.isUpperCase(c) && i > 0 && !Character.isUpperCase(operation.charAt(i - 1))) {
        sb.append('-');
      }
      sb.append(Character.toLowerCase(c));
    }
    return sb.toString().toLowerCase(Locale.ROOT);
  }
}
