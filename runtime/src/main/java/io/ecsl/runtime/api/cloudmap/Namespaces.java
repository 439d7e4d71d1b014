package io.ecsl.runtime.api.cloudmap;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.runtime.engine.RuntimeState;
import io.ecsl.runtime.json.Json;
import io.ecsl.runtime.model.Arns;
import io.ecsl.runtime.model.Ids;
import java.time.Instant;

/** Cloud Map namespace records, shared by the Cloud Map API and ECS's serviceConnectDefaults. */
public final class Namespaces {
  private Namespaces() {}

  static String arn(String region, String id) {
    return "arn:aws:servicediscovery:" + region + ":" + Arns.ACCOUNT + ":namespace/" + id;
  }

  /** The namespace with this name or ARN in the region, or null. Callers hold the state lock. */
  public static ObjectNode find(RuntimeState state, String region, String nameOrArn) {
    for (ObjectNode namespace : state.namespaces.values()) {
      boolean inRegion = region.equals(Arns.regionOf(Json.text(namespace, "Arn")));
      if (inRegion && (nameOrArn.equals(Json.text(namespace, "Name")) || nameOrArn.equals(Json.text(namespace, "Arn")))) {
        return namespace;
      }
    }
    return null;
  }

  /**
   * The ARN of the namespace named {@code nameOrArn}, creating an HTTP namespace of that name if
   * none exists (what ECS does for a cluster's serviceConnectDefaults, §7.1).
   */
  public static String ensureHttpNamespace(RuntimeState state, String region, String nameOrArn, Instant now) {
    ObjectNode existing = find(state, region, nameOrArn);
    if (existing != null) {
      return Json.text(existing, "Arn");
    }
    ObjectNode namespace = create(region, Arns.isArn(nameOrArn) ? Arns.lastSegment(nameOrArn) : nameOrArn,
        "HTTP", null, null, now);
    state.namespaces.put(Json.text(namespace, "Id"), namespace);
    return Json.text(namespace, "Arn");
  }

  static ObjectNode create(String region, String name, String type, String description, String creatorRequestId,
      Instant now) {
    String id = Ids.alnum("ns-", 16);
    ObjectNode namespace = Json.object();
    namespace.put("Id", id);
    namespace.put("Arn", arn(region, id));
    namespace.put("ResourceOwner", Arns.ACCOUNT);
    namespace.put("Name", name);
    namespace.put("Type", type);
    Json.putIfPresent(namespace, "Description", description);
    namespace.put("ServiceCount", 0);
    ObjectNode properties = namespace.putObject("Properties");
    if (type.equals("HTTP")) {
      properties.putObject("HttpProperties").put("HttpName", name);
    } else {
      properties.putObject("DnsProperties").put("HostedZoneId", Ids.alnum("Z", 20).toUpperCase(java.util.Locale.ROOT))
          .putObject("SOA").put("TTL", io.ecsl.facts.cloudmap.NamespaceFacts.SOA_TTL_DEFAULT);
      properties.putObject("HttpProperties").put("HttpName", name);
    }
    namespace.set("CreateDate", Json.timestamp(now));
    Json.putIfPresent(namespace, "CreatorRequestId", creatorRequestId);
    return namespace;
  }
}
