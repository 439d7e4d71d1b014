package io.ecsl.runtime.autoscaling;

/**
 * The service a target scales, as the autoscaler needs it.
 *
 * @param running tasks RUNNING now (target tracking scales from these, not the desired count)
 * @param deploying a deployment is in progress: scale-in waits (§9.2)
 */
public record ServiceView(String serviceName, int desired, int running, boolean deploying) {}
