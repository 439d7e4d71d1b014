package io.ecsl.runtime.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.runtime.json.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The stored state of one ECS Managed Daemon (integrations §7.4): what CreateDaemon and UpdateDaemon
 * asked for, its immutable revisions (DescribeDaemonRevisions' shape) and its deployments, newest
 * first. The engine reasons about it, so it is typed; its revisions are kept in the API's shape.
 */
public final class DaemonEntity {
  public static final String ACTIVE = "ACTIVE";
  public static final String DELETE_IN_PROGRESS = "DELETE_IN_PROGRESS";

  public String daemonArn;
  public String daemonName;
  public String clusterArn;
  public String clusterName;
  public String region;
  public String status = ACTIVE;
  /** The capacity providers' ARNs, as the latest request named them (resolved to ARNs). */
  public List<String> capacityProviderArns = new ArrayList<>();
  public String clientToken;
  public Instant createdAt;
  public Instant updatedAt;
  /** Every revision the daemon has had, oldest first, each in DaemonRevision's shape. */
  public List<ObjectNode> revisions = new ArrayList<>();
  /** Its deployments, newest first. */
  public List<Deployment> deployments = new ArrayList<>();

  /** One daemon deployment: from the revisions running when it began to its target revision. */
  public static final class Deployment {
    public static final String PENDING = "PENDING";
    public static final String IN_PROGRESS = "IN_PROGRESS";
    public static final String SUCCESSFUL = "SUCCESSFUL";
    public static final String STOPPED = "STOPPED";
    public static final String ROLLBACK_IN_PROGRESS = "ROLLBACK_IN_PROGRESS";
    public static final String ROLLBACK_SUCCESSFUL = "ROLLBACK_SUCCESSFUL";
    public static final String ROLLBACK_FAILED = "ROLLBACK_FAILED";

    public String daemonDeploymentArn;
    public String status = PENDING;
    public String statusReason;
    public String targetRevisionArn;
    public List<String> sourceRevisionArns = new ArrayList<>();
    /** The deployment configuration it runs with (drainPercent, bakeTimeInMinutes, alarms). */
    public ObjectNode deploymentConfiguration;
    /** The capacity providers it rolls over (the daemon's when it began). */
    public List<String> capacityProviderArns = new ArrayList<>();
    public Instant createdAt;
    public Instant startedAt;
    public Instant stoppedAt;
    public Instant finishedAt;
    /** Set when the deployment rolls back: DaemonRollback's shape. */
    public ObjectNode rollback;
    /** The deployment alarms in ALARM that stopped it (empty unless they did). */
    public List<String> triggeredAlarms = new ArrayList<>();
    /** The circuit breaker's count of daemon tasks of the target revision that stopped before running. */
    public int failureCount;
    /** The container instances the current step drains (replaced by instances with the target revision). */
    public List<String> drainingInstanceArns = new ArrayList<>();
    /** When the current step's instances were all replaced; the next step waits bakeTimeInMinutes from it. */
    public Instant stepCompletedAt;

    public boolean isActive() {
      return PENDING.equals(status) || IN_PROGRESS.equals(status) || ROLLBACK_IN_PROGRESS.equals(status);
    }

    /** The revision it is rolling to: the rollback's target while rolling back. */
    public String rollingTo() {
      return rollback != null ? Json.text(rollback, "rollbackTargetDaemonRevisionArn") : targetRevisionArn;
    }
  }

  public DaemonEntity copy() {
    return Json.copy(this, DaemonEntity.class);
  }

  public boolean isActive() {
    return ACTIVE.equals(status);
  }

  /** The newest revision: the one new instances get when no deployment says otherwise. */
  public ObjectNode latestRevision() {
    return revisions.isEmpty() ? null : revisions.get(revisions.size() - 1);
  }

  public ObjectNode revision(String arn) {
    for (ObjectNode revision : revisions) {
      if (arn.equals(Json.text(revision, "daemonRevisionArn"))) {
        return revision;
      }
    }
    return null;
  }

  public Deployment deployment(String arn) {
    for (Deployment deployment : deployments) {
      if (arn.equals(deployment.daemonDeploymentArn)) {
        return deployment;
      }
    }
    return null;
  }

  /** The deployment in progress, or null. */
  public Deployment activeDeployment() {
    for (Deployment deployment : deployments) {
      if (deployment.isActive()) {
        return deployment;
      }
    }
    return null;
  }

  /** The revision every instance should run now: the active deployment's target, else the latest. */
  public String desiredRevisionArn() {
    Deployment active = activeDeployment();
    if (active != null) {
      return active.rollingTo();
    }
    for (Deployment deployment : deployments) {
      if (Deployment.SUCCESSFUL.equals(deployment.status)) {
        return deployment.targetRevisionArn;
      }
      if (Deployment.ROLLBACK_SUCCESSFUL.equals(deployment.status)) {
        return deployment.rollingTo();
      }
    }
    ObjectNode latest = latestRevision();
    return latest == null ? null : Json.text(latest, "daemonRevisionArn");
  }
}
