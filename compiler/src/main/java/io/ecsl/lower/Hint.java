package io.ecsl.lower;

import io.ecsl.eval.Unit;
import java.util.Map;

/**
 * How a quantity becomes an API number: which dimension a member takes and in which unit the API
 * counts it. {@code memory = 1 GiB} on a container becomes {@code 1024}; on a task, {@code "1024"}.
 */
enum Hint {
  MIB(Unit.Dimension.MEMORY, Unit.MIB, false),
  MIB_STRING(Unit.Dimension.MEMORY, Unit.MIB, true),
  GIB(Unit.Dimension.MEMORY, Unit.GIB, false),
  CPU(Unit.Dimension.CPU, Unit.CPU_UNITS, false),
  CPU_STRING(Unit.Dimension.CPU, Unit.CPU_UNITS, true),
  SECONDS(Unit.Dimension.DURATION, Unit.SECONDS, false),
  MINUTES(Unit.Dimension.DURATION, Unit.MINUTES, false),
  PERCENT(Unit.Dimension.PERCENT, Unit.PERCENT, false);

  final Unit.Dimension dimension;
  final Unit unit;
  final boolean asString;

  Hint(Unit.Dimension dimension, Unit unit, boolean asString) {
    this.dimension = dimension;
    this.unit = unit;
    this.asString = asString;
  }

  /** Members whose unit cannot be read off their name. Key: {@code Shape.member}. */
  private static final Map<String, Hint> EXPLICIT = Map.ofEntries(
      Map.entry("RegisterTaskDefinitionRequest.cpu", CPU_STRING),
      Map.entry("RegisterTaskDefinitionRequest.memory", MIB_STRING),
      Map.entry("TaskOverride.cpu", CPU_STRING),
      Map.entry("CreateExpressGatewayServiceRequest.cpu", CPU_STRING),
      Map.entry("CreateExpressGatewayServiceRequest.memory", MIB_STRING),
      Map.entry("UpdateExpressGatewayServiceRequest.cpu", CPU_STRING),
      Map.entry("UpdateExpressGatewayServiceRequest.memory", MIB_STRING),
      Map.entry("TaskOverride.memory", MIB_STRING),
      Map.entry("DnsRecord.TTL", SECONDS),
      Map.entry("RegisterDaemonTaskDefinitionRequest.cpu", CPU_STRING),
      Map.entry("RegisterDaemonTaskDefinitionRequest.memory", MIB_STRING),
      Map.entry("DaemonContainerDefinition.cpu", CPU),
      Map.entry("DaemonContainerDefinition.memory", MIB),
      Map.entry("DaemonContainerDefinition.memoryReservation", MIB),
      Map.entry("DaemonContainerDefinition.startTimeout", SECONDS),
      Map.entry("DaemonContainerDefinition.stopTimeout", SECONDS),
      Map.entry("ContainerDefinition.cpu", CPU),
      Map.entry("ContainerDefinition.memory", MIB),
      Map.entry("ContainerDefinition.memoryReservation", MIB),
      Map.entry("ContainerDefinition.startTimeout", SECONDS),
      Map.entry("ContainerDefinition.stopTimeout", SECONDS),
      Map.entry("ContainerOverride.cpu", CPU),
      Map.entry("ContainerOverride.memory", MIB),
      Map.entry("ContainerOverride.memoryReservation", MIB),
      Map.entry("HealthCheck.interval", SECONDS),
      Map.entry("HealthCheck.timeout", SECONDS),
      Map.entry("HealthCheck.startPeriod", SECONDS),
      Map.entry("LinuxParameters.sharedMemorySize", MIB),
      Map.entry("LinuxParameters.maxSwap", MIB),
      Map.entry("Tmpfs.size", MIB),
      Map.entry("EphemeralStorage.sizeInGiB", GIB),
      Map.entry("ContainerRestartPolicy.restartAttemptPeriod", SECONDS),
      Map.entry("ManagedScaling.targetCapacity", PERCENT),
      Map.entry("ManagedScaling.instanceWarmupPeriod", SECONDS),
      Map.entry("ServiceManagedEBSVolumeConfiguration.sizeInGiB", GIB),
      Map.entry("ManagedInstancesStorageConfiguration.storageSizeGiB", GIB),
      Map.entry("MemoryMiBRequest.min", MIB),
      Map.entry("MemoryMiBRequest.max", MIB),
      Map.entry("InfrastructureOptimization.scaleInAfter", SECONDS),
      Map.entry("TargetTrackingScalingPolicyConfiguration.ScaleInCooldown", SECONDS),
      Map.entry("TargetTrackingScalingPolicyConfiguration.ScaleOutCooldown", SECONDS),
      Map.entry("StepScalingPolicyConfiguration.Cooldown", SECONDS),
      Map.entry("RetryPolicy.MaximumEventAgeInSeconds", SECONDS));

  /** The hint for a member, from the table or its name; null when it takes a plain number. */
  // Keyed by the model's own strings (whose hash codes are cached), not a concatenation.
  private static final java.util.concurrent.ConcurrentHashMap<String, java.util.Map<String, java.util.Optional<Hint>>> CACHE =
      new java.util.concurrent.ConcurrentHashMap<>();

  static Hint of(String shape, String member) {
    java.util.Map<String, java.util.Optional<Hint>> byMember =
        CACHE.computeIfAbsent(shape, k -> new java.util.concurrent.ConcurrentHashMap<>());
    java.util.Optional<Hint> hint = byMember.get(member);
    if (hint == null) {
      hint = java.util.Optional.ofNullable(compute(shape + "." + member, member));
      byMember.put(member, hint);
    }
    return hint.orElse(null);
  }

  private static Hint compute(String key, String member) {
    Hint h = EXPLICIT.get(key);
    if (h != null) {
      return h;
    }
    if (member.endsWith("Seconds")) {
      return SECONDS;
    }
    if (member.endsWith("InMinutes")) {
      return MINUTES;
    }
    if (member.endsWith("Percent")) {
      return PERCENT;
    }
    if (member.endsWith("InGiB")) {
      return GIB;
    }
    return null;
  }
}
