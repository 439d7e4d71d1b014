package io.ecsl.deploy.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Defaults that depend on other fields of the same document, applied before {@link Normalizer}'s
 * table-driven pass (docs/ecs-semantics.md): in {@code awsvpc} and {@code host} network mode the
 * host port is the container port; in {@code bridge} mode a host port of 0 means "dynamic", the
 * same as none; a DAEMON service deploys with 100% max / 0% min, a REPLICA service with 200% / 100%;
 * a DAEMON service has no desired count.
 */
final class EcsSemantics {
  private EcsSemantics() {}

  /** A copy of {@code body} with context-dependent defaults removed (the input is not modified). */
  static JsonNode prepare(String shapeName, JsonNode body) {
    if (!(body instanceof ObjectNode obj)) {
      return body;
    }
    return switch (shapeName) {
      case "RegisterTaskDefinitionRequest" -> taskDefinition(obj);
      case "CreateServiceRequest" -> service(obj);
      default -> body;
    };
  }

  private static JsonNode taskDefinition(ObjectNode body) {
    String mode = body.path("networkMode").asText("bridge");
    boolean samePort = mode.equals("awsvpc") || mode.equals("host");
    boolean needsCopy = false;
    for (JsonNode c : body.path("containerDefinitions")) {
      for (JsonNode pm : c.path("portMappings")) {
        needsCopy |= pm.has("hostPort");
      }
    }
    if (!needsCopy) {
      return body;
    }
    ObjectNode copy = body.deepCopy();
    for (JsonNode c : copy.path("containerDefinitions")) {
      for (JsonNode pm : c.path("portMappings")) {
        if (!(pm instanceof ObjectNode p) || !p.has("hostPort")) {
          continue;
        }
        int host = p.path("hostPort").asInt(-1);
        boolean isDefault = samePort ? host == p.path("containerPort").asInt(-2) : host == 0;
        if (isDefault && !p.has("containerPortRange")) {
          p.remove("hostPort");
        }
      }
    }
    return copy;
  }

  private static JsonNode service(ObjectNode body) {
    boolean daemon = body.path("schedulingStrategy").asText("REPLICA").equals("DAEMON");
    JsonNode dc = body.path("deploymentConfiguration");
    boolean touchDc = dc.has("maximumPercent") || dc.has("minimumHealthyPercent");
    boolean touchCount = daemon && body.has("desiredCount");
    if (!touchDc && !touchCount) {
      return body;
    }
    ObjectNode copy = body.deepCopy();
    if (touchCount) {
      copy.remove("desiredCount");
    }
    if (copy.get("deploymentConfiguration") instanceof ObjectNode d) {
      int max = daemon ? 100 : 200;
      int min = daemon ? 0 : 100;
      if (d.has("maximumPercent") && d.path("maximumPercent").asInt() == max) {
        d.remove("maximumPercent");
      }
      if (d.has("minimumHealthyPercent") && d.path("minimumHealthyPercent").asInt() == min) {
        d.remove("minimumHealthyPercent");
      }
    }
    return copy;
  }
}
