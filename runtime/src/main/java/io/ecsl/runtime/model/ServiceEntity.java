package io.ecsl.runtime.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.runtime.json.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The stored state of one service: its configuration (as CreateService/UpdateService set it), its
 * deployments, its event log and the scheduler's throttle state.
 *
 * <p>A plain mutable state holder serialized to the store; the pure scheduler reads a snapshot of
 * it and the engine applies the scheduler's decisions.
 */
public final class ServiceEntity {
  public static final String ACTIVE = "ACTIVE";
  public static final String DRAINING = "DRAINING";
  public static final String INACTIVE = "INACTIVE";
  /** ECS returns at most this many events (§6.5). */
  public static final int MAX_EVENTS = 100;

  public String serviceArn;
  public String serviceName;
  public String clusterArn;
  public String clusterName;
  public String region;
  public String status = ACTIVE;
  public int desiredCount;
  public String taskDefinition;
  public String launchType;
  public JsonNode capacityProviderStrategy;
  public String platformVersion;
  public String platformFamily;
  public ObjectNode deploymentConfiguration;
  public String schedulingStrategy = "REPLICA";
  public JsonNode deploymentController;
  public Integer healthCheckGracePeriodSeconds;
  public JsonNode networkConfiguration;
  public JsonNode loadBalancers;
  public JsonNode serviceRegistries;
  public JsonNode placementConstraints;
  public JsonNode placementStrategy;
  public JsonNode serviceConnectConfiguration;
  public JsonNode volumeConfigurations;
  public JsonNode vpcLatticeConfigurations;
  public String propagateTags;
  public boolean enableECSManagedTags;
  public boolean enableExecuteCommand;
  public String availabilityZoneRebalancing;
  public String roleArn;
  public String clientToken;
  public Instant createdAt;
  public String createdBy;
  /**
   * Set on a service CreateExpressGatewayService made: its infrastructure role, the resources
   * created for it (load balancer, listener, target group, scaling) and its configurations.
   */
  public ObjectNode express;

  public List<DeploymentEntity> deployments = new ArrayList<>();
  /** The configuration of the last deployment that COMPLETED: where a rollback returns to. */
  public DeploymentEntity lastCompletedDeployment;
  /** Newest first. */
  public List<ServiceEvent> events = new ArrayList<>();
  /** Deployments that have left {@link #deployments}, still listed as service deployments; newest first. */
  public List<DeploymentEntity> pastDeployments = new ArrayList<>();
  /** The service revisions (DescribeServiceRevisions), oldest first. */
  public List<ObjectNode> revisions = new ArrayList<>();
  /** "ECS Deployment State Change" events as EventBridge delivers them, newest first. */
  public List<ObjectNode> deploymentEvents = new ArrayList<>();

  /** Consecutive tasks that failed to reach RUNNING; drives the launch backoff (§6.6). */
  public int consecutiveStartFailures;
  public Instant launchNotBefore;
  /** When the last of {@link #consecutiveStartFailures} was counted. */
  public Instant lastStartFailureAt;
  /** True while the service is in steady state (so the steady-state event is emitted once per return to it). */
  public boolean steady;

  public ServiceEntity copy() {
    return Json.copy(this, ServiceEntity.class);
  }

  public DeploymentEntity primaryDeployment() {
    for (DeploymentEntity deployment : deployments) {
      if (deployment.isPrimary()) {
        return deployment;
      }
    }
    return null;
  }

  public ObjectNode revision(String arn) {
    for (ObjectNode revision : revisions) {
      if (arn.equals(revision.path("serviceRevisionArn").asText())) {
        return revision;
      }
    }
    return null;
  }

  public DeploymentEntity deployment(String id) {
    for (DeploymentEntity deployment : deployments) {
      if (deployment.id.equals(id)) {
        return deployment;
      }
    }
    return null;
  }

  /** A current or past deployment. */
  public DeploymentEntity anyDeployment(String id) {
    DeploymentEntity current = deployment(id);
    if (current != null) {
      return current;
    }
    for (DeploymentEntity past : pastDeployments) {
      if (past.id.equals(id)) {
        return past;
      }
    }
    return null;
  }
}
