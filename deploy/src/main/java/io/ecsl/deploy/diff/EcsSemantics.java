package io.ecsl.deploy.diff;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Defaults that depend on other fields of the same document (docs/ecs-semantics.md), removed from
 * a document {@link Normalizer} has just built: in {@code awsvpc} and {@code host} network mode the
 * host port is the container port; in {@code bridge} mode a host port of 0 means "dynamic", the
 * same as none; a DAEMON service deploys with 100% max / 0% min, a REPLICA service with 200% /
 * 100%; a DAEMON service has no desired count. Works on the canonical form, where the table-driven
 * defaults are already gone (an absent network mode is {@code bridge}, an absent scheduling
 * strategy {@code REPLICA}).
 */
final class EcsSemantics {
  private EcsSemantics() {}

  /** Removes context-dependent defaults from {@code doc}, a canonical document of {@code shapeName}, in place. */
  static void apply(String shapeName, ObjectNode doc) {
    switch (shapeName) {
      case "RegisterTaskDefinitionRequest" -> taskDefinition(doc);
      case "CreateServiceRequest" -> service(doc);
      default -> {}
    }
  }

  private static void taskDefinition(ObjectNode doc) {
    String mode = doc.path("networkMode").asText("bridge");
    boolean samePort = mode.equals("awsvpc") || mode.equals("host");
    if (!(doc.get("containerDefinitions") instanceof ArrayNode containers)) {
      return;
    }
    for (int c = containers.size() - 1; c >= 0; c--) {
      if (!(containers.get(c) instanceof ObjectNode container)
          || !(container.get("portMappings") instanceof ArrayNode mappings)) {
        continue;
      }
      for (int i = mappings.size() - 1; i >= 0; i--) {
        if (!(mappings.get(i) instanceof ObjectNode p) || !p.has("hostPort") || p.has("containerPortRange")) {
          continue;
        }
        int host = p.path("hostPort").asInt(-1);
        if (samePort ? host == p.path("containerPort").asInt(-2) : host == 0) {
          p.remove("hostPort");
          if (p.isEmpty()) {
            mappings.remove(i); // empty structures and lists are absent in canonical form
          }
        }
      }
      if (mappings.isEmpty()) {
        container.remove("portMappings");
        if (container.isEmpty()) {
          containers.remove(c);
        }
      }
    }
    if (containers.isEmpty()) {
      doc.remove("containerDefinitions");
    }
  }

  private static void service(ObjectNode doc) {
    boolean daemon = doc.path("schedulingStrategy").asText("REPLICA").equals("DAEMON");
    if (daemon) {
      doc.remove("desiredCount");
    }
    if (doc.get("deploymentConfiguration") instanceof ObjectNode d) {
      int max = daemon ? 100 : 200;
      int min = daemon ? 0 : 100;
      if (d.has("maximumPercent") && d.path("maximumPercent").asInt() == max) {
        d.remove("maximumPercent");
      }
      if (d.has("minimumHealthyPercent") && d.path("minimumHealthyPercent").asInt() == min) {
        d.remove("minimumHealthyPercent");
      }
      if (d.isEmpty()) {
        doc.remove("deploymentConfiguration"); // empty structures are absent in canonical form
      }
    }
  }
}
