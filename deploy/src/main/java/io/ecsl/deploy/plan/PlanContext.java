package io.ecsl.deploy.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.deploy.diff.FieldChange;
import io.ecsl.deploy.diff.Normalizer;
import io.ecsl.deploy.state.LiveResource;
import io.ecsl.deploy.state.LiveState;
import io.ecsl.model.ApiRequest;
import io.ecsl.model.Resource;
import io.ecsl.schema.ServiceModel;
import io.ecsl.schema.Shape;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** What every kind's planning shares: the project, the live state and a few helpers. */
final class PlanContext {
  static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  final String project;
  final LiveState live;
  /** Families that get a new revision (or are created) in this plan. */
  final Set<String> newRevisions;

  PlanContext(String project, LiveState live, Set<String> newRevisions) {
    this.project = project;
    this.live = live;
    this.newRevisions = newRevisions;
  }

  static Shape shape(ApiRequest r) {
    return ServiceModel.get(r.service()).input(r.operation());
  }

  static Shape shape(String service, String operation) {
    return ServiceModel.get(service).input(operation);
  }

  static Step step(String service, String operation, ObjectNode body) {
    return new Step(service, operation, body);
  }

  static ObjectNode obj() {
    return JSON.objectNode();
  }

  /** The key a request is matched by against live state: its operation, a policy's name. */
  static String key(ApiRequest r) {
    if (r.operation().equals("PutScalingPolicy")) {
      return "PutScalingPolicy:" + r.body().path("PolicyName").asText();
    }
    return r.operation();
  }

  static String source(Resource r) {
    if (r.span() == null || r.span().isNone()) {
      return null;
    }
    return r.span().location();
  }

  /**
   * A digest of the live state a plan was computed from, without owned-elsewhere fields (they
   * change under the plan's feet by design): apply compares it to refuse a stale plan.
   */
  static String fingerprint(LiveResource live, Map<String, String> owned) {
    if (live == null) {
      return null;
    }
    StringBuilder sb = new StringBuilder();
    sb.append(live.version()).append('\n');
    new TreeMap<>(live.tags()).forEach((k, v) -> {
      if (!k.startsWith("aws:")) {
        sb.append(k).append('=').append(v).append('\n');
      }
    });
    new TreeMap<>(live.requests()).forEach((key, body) -> {
      String op = key.contains(":") ? key.substring(0, key.indexOf(':')) : key;
      Shape shape = shapeFor(op);
      ObjectNode copy = body.deepCopy();
      owned.keySet().forEach(p -> {
        if (!p.matches(".*/\\d+(/.*)?")) {
          Pointers.set(copy, p, null);
        }
      });
      JsonNode n = shape == null ? copy : Normalizer.normalize(Comparison.withoutTags(copy, shape), shape);
      sb.append(key).append('=').append(n).append('\n');
    });
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(sb.toString().getBytes(StandardCharsets.UTF_8));
      return "sha256:" + HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Shape shapeFor(String operation) {
    for (String service : List.of(ServiceModel.ECS, ServiceModel.EVENTS, ServiceModel.AUTOSCALING, ServiceModel.CLOUD_MAP)) {
      Shape s = ServiceModel.get(service).input(operation);
      if (s != null) {
        return s;
      }
    }
    return null;
  }

  /** Changes grouped by the top-level member they touch. */
  static List<String> topMembers(List<FieldChange> changes) {
    List<String> out = new ArrayList<>();
    for (FieldChange c : changes) {
      if (!out.contains(c.topMember())) {
        out.add(c.topMember());
      }
    }
    return out;
  }
}
