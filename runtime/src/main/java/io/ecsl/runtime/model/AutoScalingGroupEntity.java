package io.ecsl.runtime.model;

import io.ecsl.runtime.json.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A simulated EC2 Auto Scaling group: what an Auto Scaling group capacity provider draws its
 * container instances from. A project describes it for the local runtime (docs/runtime-model.md,
 * "Auto Scaling groups"); AWS never sees this description.
 */
public final class AutoScalingGroupEntity {
  public String autoScalingGroupArn;
  public String name;
  public String region;
  public String instanceType;
  public List<String> zones = new ArrayList<>();
  public int minSize;
  public int maxSize;
  public int desiredCapacity;
  /** How long a new instance counts as warming up (blocks further managed scale-out). */
  public long warmupSeconds;
  /** How long CapacityProviderReservation must stay below target before managed scaling scales in. */
  public long scaleInAfterSeconds;
  /** True when a project described the group; false for the runtime's default group. */
  public boolean declared;
  /**
   * The desired capacity the project last declared: a new declaration sets the group's desired
   * capacity only when it changes this (managed scaling owns it otherwise).
   */
  public Integer declaredDesiredCapacity;
  public List<GroupInstance> instances = new ArrayList<>();
  /** Managed scaling's last reading of CapacityProviderReservation (percent), or null. */
  public Double capacityProviderReservation;
  /** Since when the metric has been below the target (scale-in waits for {@link #scaleInAfterSeconds}). */
  public Instant belowTargetSince;
  /** Scaling activities, newest first (at most {@link #MAX_ACTIVITIES}). */
  public List<Activity> activities = new ArrayList<>();

  public static final int MAX_ACTIVITIES = 50;

  /** An EC2 instance of the group. */
  public static final class GroupInstance {
    public String ec2InstanceId;
    public String zone;
    public Instant launchedAt;
    /** The container instance it registered as, once registered. */
    public String containerInstanceArn;
    /** InService, or Terminating while it drains before it goes. */
    public String lifecycleState = IN_SERVICE;
    public boolean protectedFromScaleIn;

    public static final String IN_SERVICE = "InService";
    public static final String TERMINATING = "Terminating";
  }

  /** One scaling activity, as DescribeScalingActivities would word it. */
  public record Activity(Instant at, String description, String cause) {}

  public Duration warmup() {
    return Duration.ofSeconds(warmupSeconds);
  }

  public Duration scaleInAfter() {
    return Duration.ofSeconds(scaleInAfterSeconds);
  }

  public AutoScalingGroupEntity copy() {
    return Json.copy(this, AutoScalingGroupEntity.class);
  }

  public List<GroupInstance> inService() {
    return instances.stream().filter(i -> GroupInstance.IN_SERVICE.equals(i.lifecycleState)).toList();
  }
}
