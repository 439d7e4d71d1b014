package io.ecsl.deploy.plan;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.deploy.diff.FieldChange;
import io.ecsl.deploy.state.LiveResource;
import io.ecsl.deploy.state.LiveState;
import io.ecsl.model.ApiRequest;
import io.ecsl.model.Resource;
import io.ecsl.schema.ServiceModel;
import io.ecsl.schema.Shape;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What every kind's planning shares: the project, the live state and a few helpers. */
final class PlanContext {
  static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  final String project;
  final LiveState live;
  /** Families that get a new revision (or are created) in this plan. */
  final Set<String> newRevisions;

  /**
   * Families whose declaration equals a revision their services run that is not the latest (after
   * a rollback): family → that revision ({@code web:1}), which services keep or are pinned to.
   */
  final Map<String, String> revisionsUsedInstead;

  /** Daemon task definition families that get a new revision (or are created) in this plan. */
  final Set<String> newDaemonRevisions;

  /** True when the plan removes everything the project owns (`ecsl destroy`), declared or not. */
  final boolean destroying;

  PlanContext(String project, LiveState live, Set<String> newRevisions) {
    this(project, live, newRevisions, false);
  }

  PlanContext(String project, LiveState live, Set<String> newRevisions, boolean destroying) {
    this(project, live, newRevisions, Map.of(), destroying);
  }

  PlanContext(String project, LiveState live, Set<String> newRevisions, Map<String, String> revisionsUsedInstead,
      boolean destroying) {
    this(project, live, newRevisions, revisionsUsedInstead, Set.of(), destroying);
  }

  PlanContext(String project, LiveState live, Set<String> newRevisions, Map<String, String> revisionsUsedInstead,
      Set<String> newDaemonRevisions, boolean destroying) {
    this.newDaemonRevisions = newDaemonRevisions;
    this.project = project;
    this.live = live;
    this.newRevisions = newRevisions;
    this.revisionsUsedInstead = revisionsUsedInstead;
    this.destroying = destroying;
  }

  /** Why an owned resource is deleted: "owned by project shop and no longer declared", or the destroy. */
  String whyDeleted() {
    return "owned by project " + project + (destroying ? ", which is being destroyed" : " and no longer declared");
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

  /** The fingerprint of a live resource (see {@link Fingerprint}). */
  static String fingerprint(LiveResource live, Map<String, String> owned) {
    return Fingerprint.of(live, owned);
  }

  /**
   * What the plan read of an existing resource: its version and, against a target, its
   * fingerprint. An offline plan ({@code --against}, a previous build) cannot be applied, so no
   * stale check will ever compare a fingerprint of it: none is computed (hashing every request
   * was a third of an offline plan's work).
   *
   * @param compared the comparisons of the live requests (request key → comparison), whose
   *     canonical live documents the fingerprint reuses
   */
  ResourcePlan.Observed observed(String version, LiveResource live, Map<String, String> owned,
      Map<String, Comparison> compared) {
    if (this.live.offline()) {
      return new ResourcePlan.Observed(version, null);
    }
    Map<String, ObjectNode> canonical = new HashMap<>();
    compared.forEach((key, c) -> {
      if (c.canonicalLive() != null) {
        canonical.put(key, c.canonicalLive());
      }
    });
    return new ResourcePlan.Observed(version, Fingerprint.of(live, owned, canonical));
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
