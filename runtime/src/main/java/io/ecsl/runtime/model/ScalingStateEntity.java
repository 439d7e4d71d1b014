package io.ecsl.runtime.model;

import io.ecsl.runtime.json.Json;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The autoscaler's memory for one scalable target: cooldowns in effect, the last metric period it
 * evaluated, the bounds it last enforced, its alarms' states and each scheduled action's next run.
 * Application Auto Scaling keeps this to itself; the runtime stores it so a restart carries on.
 */
public final class ScalingStateEntity {
  public String targetId;
  /** The start of the newest metric period the policies were evaluated on. */
  public Instant lastEvaluatedPeriod;
  /** The MinCapacity and MaxCapacity last enforced (a change is enforced once, as on registration). */
  public Integer appliedMin;
  public Integer appliedMax;
  public Instant lastScaleOutAt;
  /** The capacity the last scale-out set: during its cooldown only a larger scale-out goes ahead. */
  public Integer lastScaleOutCapacity;
  public long lastScaleOutCooldownSeconds;
  public Instant lastScaleInAt;
  public long lastScaleInCooldownSeconds;
  /** OK, ALARM or INSUFFICIENT_DATA per alarm name, as of the last evaluation. */
  public Map<String, String> alarmStates = new LinkedHashMap<>();
  public Map<String, ActionTimes> scheduledActions = new LinkedHashMap<>();

  public ScalingStateEntity copy() {
    return Json.copy(this, ScalingStateEntity.class);
  }

  /** When a scheduled action runs next, for the schedule it was computed from. */
  public static final class ActionTimes {
    public String schedule;
    public Instant anchor;
    public Instant nextRunAt;
    public Instant lastRunAt;
  }
}
