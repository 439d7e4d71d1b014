package io.ecsl.runtime.loadbalancing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.runtime.api.ApiException;
import io.ecsl.runtime.engine.RuntimeState;
import io.ecsl.runtime.json.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Registered targets in the state (callers hold its lock): one document per target group, id and
 * port, with its ELB health ({@link TargetHealth}) and where the proxy reaches it on this machine
 * ({@code _host}, {@code _port}).
 */
public final class TargetRegistry {
  private static final Pattern IPV4 = Pattern.compile("^(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})$");

  private TargetRegistry() {}

  /** A target as the API names it. */
  public record Target(String id, int port, String availabilityZone) {}

  /** The target {@code given} names ({@code Id}, {@code Port} else the group's port), checked against the target type. */
  public static Target target(ObjectNode tg, JsonNode given) {
    String id = Json.text(given, "Id");
    if (id == null || id.isEmpty()) {
      throw new ApiException("ValidationError", "A target must have an Id.");
    }
    int port = given.hasNonNull("Port") ? given.get("Port").asInt() : Json.integer(tg, "Port", 0);
    if (port < 1 || port > 65535) {
      throw new ApiException("ValidationError", "Target port " + port + " is out of range: 1 to 65535.");
    }
    String type = Json.text(tg, "TargetType");
    if ("ip".equals(type) && !IPV4.matcher(id).matches()) {
      throw new ApiException("ValidationError", "The IP address '" + id + "' is not a valid IPv4 address");
    }
    if ("instance".equals(type) && !id.startsWith("i-")) {
      throw new ApiException("InvalidTarget", "The following targets are not valid instances: '" + id + "'");
    }
    return new Target(id, port, Json.text(given, "AvailabilityZone"));
  }

  public static String key(String tgArn, Target target) {
    return tgArn + "|" + target.id() + "|" + target.port();
  }

  /**
   * Registers {@code target} (again: a draining target comes back as initial). Its local address
   * is {@code host:port} when given (a task's published port), else the target itself: an IP
   * target at its own address, an instance target (EMU: this machine is the one instance) on
   * 127.0.0.1.
   *
   * @return true when the registration is new
   */
  public static boolean register(RuntimeState state, ObjectNode tg, Target target, String taskArn, String host,
      int hostPort, Instant now) {
    String key = key(Json.text(tg, "TargetGroupArn"), target);
    ObjectNode existing = state.targets.get(key);
    if (existing != null && !TargetHealth.DRAINING.equals(Json.text(existing, "State"))) {
      return false;
    }
    ObjectNode doc = Json.object();
    doc.put("TargetGroupArn", Json.text(tg, "TargetGroupArn"));
    doc.put("Id", target.id());
    doc.put("Port", target.port());
    if (target.availabilityZone() != null) {
      doc.put("AvailabilityZone", target.availabilityZone());
    }
    write(doc, TargetHealth.registered());
    doc.put("_registeredAt", now.toString());
    if (taskArn != null) {
      doc.put("_task", taskArn);
    }
    boolean instance = "instance".equals(Json.text(tg, "TargetType"));
    doc.put("_host", host != null ? host : instance ? "127.0.0.1" : target.id());
    doc.put("_port", host != null ? hostPort : target.port());
    state.targets.put(key, doc);
    return true;
  }

  public static boolean register(RuntimeState state, ObjectNode tg, Target target, String taskArn, Instant now) {
    return register(state, tg, target, taskArn, null, 0, now);
  }

  /** Starts draining {@code target}; false when it is not registered. */
  public static boolean deregister(RuntimeState state, ObjectNode tg, Target target, Instant now) {
    String key = key(Json.text(tg, "TargetGroupArn"), target);
    ObjectNode existing = state.targets.copyOf(key);
    if (existing == null) {
      return false;
    }
    if (!TargetHealth.DRAINING.equals(Json.text(existing, "State"))) {
      write(existing, TargetHealth.draining());
      existing.put("_drainingSince", now.toString());
      state.targets.put(key, existing);
    }
    return true;
  }

  /** The target's stored health. */
  public static TargetHealth health(ObjectNode target) {
    return new TargetHealth(Json.text(target, "State"), Json.text(target, "Reason"), Json.text(target, "Description"),
        Json.integer(target, "_passes", 0), Json.integer(target, "_failures", 0));
  }

  public static void write(ObjectNode target, TargetHealth health) {
    target.put("State", health.state());
    putOrRemove(target, "Reason", health.reason());
    putOrRemove(target, "Description", health.description());
    target.put("_passes", health.passes());
    target.put("_failures", health.failures());
  }

  private static void putOrRemove(ObjectNode node, String field, String value) {
    if (value == null) {
      node.remove(field);
    } else {
      node.put(field, value);
    }
  }

  public static List<ObjectNode> of(RuntimeState state, String tgArn) {
    List<ObjectNode> out = new ArrayList<>();
    for (String key : state.targets.ids()) {
      if (key.startsWith(tgArn + "|")) {
        out.add(state.targets.get(key));
      }
    }
    return out;
  }

  /** DescribeTargetHealth's entry for a registered target. */
  public static ObjectNode describe(ObjectNode tg, ObjectNode target, boolean inUse) {
    ObjectNode out = Json.object();
    ObjectNode t = out.putObject("Target");
    t.put("Id", Json.text(target, "Id"));
    t.put("Port", Json.integer(target, "Port", 0));
    if (target.has("AvailabilityZone")) {
      t.put("AvailabilityZone", Json.text(target, "AvailabilityZone"));
    }
    String checkPort = Json.text(tg, "HealthCheckPort", "traffic-port");
    out.put("HealthCheckPort", "traffic-port".equals(checkPort) ? String.valueOf(Json.integer(target, "Port", 0))
        : checkPort);
    ObjectNode health = out.putObject("TargetHealth");
    if (!inUse && !TargetHealth.DRAINING.equals(Json.text(target, "State"))) {
      health.put("State", TargetHealth.UNUSED);
      health.put("Reason", "Target.NotInUse");
      health.put("Description", "Target group is not configured to receive traffic from the load balancer");
      return out;
    }
    health.put("State", Json.text(target, "State"));
    if (target.has("Reason")) {
      health.put("Reason", Json.text(target, "Reason"));
      health.put("Description", Json.text(target, "Description"));
    }
    return out;
  }

  public static ObjectNode notRegistered(ObjectNode tg, Target target) {
    ObjectNode out = Json.object();
    ObjectNode t = out.putObject("Target");
    t.put("Id", target.id());
    t.put("Port", target.port());
    ObjectNode health = out.putObject("TargetHealth");
    health.put("State", TargetHealth.UNUSED);
    health.put("Reason", "Target.NotRegistered");
    health.put("Description", "Target is not registered to the target group");
    return out;
  }
}
