package io.ecsl.runtime.autoscaling;

import java.time.Instant;
import java.time.ZoneId;

/**
 * A scheduled action (PutScheduledAction): at each time its schedule gives, within
 * [{@code startTime}, {@code endTime}], the target's bounds become {@code min}/{@code max} (null
 * keeps a bound).
 */
public record ScheduledAction(String name, String schedule, ZoneId zone, Instant startTime, Instant endTime,
    Integer min, Integer max) {}
