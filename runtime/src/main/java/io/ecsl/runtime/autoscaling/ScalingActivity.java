package io.ecsl.runtime.autoscaling;

/**
 * What the autoscaler did, in DescribeScalingActivities' terms: e.g. "Setting desired count to
 * 4." because "monitor alarm … in state ALARM triggered policy …".
 *
 * @param desiredFrom the desired count before, or null when the activity changed only bounds
 */
public record ScalingActivity(String description, String cause, String statusCode, String statusMessage,
    Integer desiredFrom, Integer desiredTo) {}
