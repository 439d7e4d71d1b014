package io.ecsl.runtime.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.runtime.json.Json;
import java.time.Instant;

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
  public String rolloutState = IN_PROGRESS;
  public String rolloutStateReason;
  /** When the last task of this deployment failed (a later healthy task resets the count). */
  public Instant lastFailureAt;

  public DeploymentEntity copy() {
    return Json.copy(this, DeploymentEntity.class);
  }

  public boolean isPrimary() {
    return PRIMARY.equals(status);
  }
}
