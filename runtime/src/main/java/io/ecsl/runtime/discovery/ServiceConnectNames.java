package io.ecsl.runtime.discovery;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.runtime.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The names a Service Connect server task answers to ({@code ecs-runtime-integrations.md} §3.2):
 * each client alias's {@code dnsName}, which defaults to {@code discoveryName.namespace}, the
 * discovery name defaulting to the port name. Pure.
 *
 * <p>The runtime gives these names to the task as Docker network aliases on its cluster network
 * (docs/runtime-model.md, "Service Connect"), so other tasks there resolve them to the task's
 * address, every running task of the service at once, and a task's names go with it.
 */
public final class ServiceConnectNames {
  private ServiceConnectNames() {}

  /** The server names of a service; empty when Service Connect is off or the service is a client only. */
  public static List<String> of(JsonNode serviceConnectConfiguration, String namespaceName) {
    if (serviceConnectConfiguration == null || !Json.bool(serviceConnectConfiguration, "enabled", false)) {
      return List.of();
    }
    Set<String> names = new LinkedHashSet<>();
    for (JsonNode service : Json.list(serviceConnectConfiguration, "services")) {
      String discoveryName = Json.text(service, "discoveryName", Json.text(service, "portName"));
      String defaultName = namespaceName == null ? discoveryName : discoveryName + "." + namespaceName;
      List<JsonNode> aliases = Json.list(service, "clientAliases");
      if (aliases.isEmpty()) {
        // Without client aliases the service is discoverable (by proxy-to-proxy traffic on ECS)
        // under its discovery name in the namespace.
        names.add(defaultName);
      }
      for (JsonNode alias : aliases) {
        names.add(Json.text(alias, "dnsName", defaultName));
      }
    }
    return List.copyOf(new ArrayList<>(names));
  }
}
