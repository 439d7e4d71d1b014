package io.ecsl.runtime.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.runtime.json.Json;
import io.ecsl.runtime.deployments.StagedDeployment;
import io.ecsl.runtime.deployments.StagedState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One deployment of a service: a task definition and network/capacity configuration whose tasks
 * the scheduler runs. The newest is PRIMARY; older ones with tasks left are ACTIVE (§6.3).
 */
public final class DeploymentEntity {
  public static final String PRIMARY = "PRIMARY";
  public static final String ACTIVE = "ACTIVE";
  public static final String IN_PROGRESS = "IN_PROGRESS";
  public static final String COMPLETED = "COMPLETED";
  public static final String FAILED = "FAILED";

  public String id;
  public String status = PRIMARY;
  public String taskDefinition;
  public int failedTasks;
  public Instant createdAt;
  public Instant updatedAt;
  public String launchType;
  public JsonNode capacityProviderStrategy;
  public String platformVersion;
  public String platformFamily;
  public JsonNode networkConfiguration;
  public JsonNode serviceConnectConfiguration;
  public JsonNode volumeConfigurations;
  public JsonNode vpcLatticeConfigurations;
  /**
   * The service's {@code serviceRegistries} when this deployment began (an empty array for none):
   * the Cloud Map services its tasks register in, as on ECS, where registries belong to the service
   * revision (integrations §3.1). Null only in state stored before it was recorded.
   */
  public JsonNode serviceRegistries;
  public String rolloutState = IN_PROGRESS;
  public String rolloutStateReason;
  /** When the last task of this deployment failed (a later healthy task resets the count). */
  public Instant lastFailureAt;

  // ---- the service deployment and revision this deployment is (integrations §1.5) -------------

  /** The service revision: the configuration this deployment runs ({@code service-revision/…}). */
  public String revisionArn;
  /** The revisions running when this deployment began (the "blue" ones for a staged deployment). */
  public List<String> sourceRevisionArns = new ArrayList<>();
  /** The deployment this one replaces (the PRIMARY when it was created), or null for the first. */
  public String sourceDeploymentId;
  /** The service's deployment configuration when this deployment began. */
  public JsonNode deploymentConfiguration;
  /**
   * The target group each of the service's {@code loadBalancers} entries registers this
   * deployment's tasks in: the entry's own, or its alternate for the new revision of a staged
   * deployment (roles swap when it completes). Null: the entries' own.
   */
  public List<String> targetGroupArns;
  /** A BLUE_GREEN, LINEAR or CANARY deployment's state; null while none runs (ROLLING, or the first deployment). */
  public StagedState staged;
  /** True when this deployment goes through the stages (it replaces a running revision by a traffic-shifting strategy). */
  public boolean stagedDeployment;
  /** ContinueServiceDeployment answers not yet acted on. */
  public List<StagedDeployment.Answer> answers = new ArrayList<>();
  /** StopServiceDeployment asked for a rollback not yet acted on. */
  public boolean stopRequested;
  /** The deployment that rolled this one back (ROLLING: the circuit breaker's or a stop request's), or null. */
  public String rolledBackBy;
  /** True for a deployment that rolls a failed one back: it watches no deployment alarms (docs/runtime-model.md). */
  public boolean rollback;
  /** The deployment alarms that failed this deployment (empty unless they did). */
  public List<String> triggeredAlarms = new ArrayList<>();
  /** When this deployment's tasks were in place and its alarms' bake began (null before, or without alarms). */
  public Instant bakeStartedAt;
  /** The service deployment status last announced as an "ECS Deployment State Change" event. */
  public String announcedStatus;
  /** Why a ROLLING deployment was rolled back on request (StopServiceDeployment), for its service deployment. */
  public String stopReason;

  public DeploymentEntity copy() {
    return Json.copy(this, DeploymentEntity.class);
  }

  public boolean isPrimary() {
    return PRIMARY.equals(status);
  }
}
