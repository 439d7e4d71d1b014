package io.ecsl.runtime.autoscaling;

/**
 * A scalable target as the autoscaler reads it (§9.1): its bounds and its suspended states.
 *
 * @param id the runtime's key of the target (region, namespace, resource, dimension)
 */
public record ScalableTarget(String id, String resourceId, int min, int max, boolean dynamicScalingInSuspended,
    boolean dynamicScalingOutSuspended, boolean scheduledScalingSuspended) {}
