package io.ecsl.rules;

import io.ecsl.model.ApiRequest;
import io.ecsl.model.Resource;
import java.util.List;

/**
 * A service's Application Auto Scaling: its scalable target and its policies.
 *
 * @param resource the scaling resource
 * @param target the {@code RegisterScalableTarget} request, or null if there is none
 * @param policies the {@code PutScalingPolicy} requests
 * @param service the scaled service if declared in the project, else null
 */
public record ScalingView(Resource resource, ApiRequest target, List<ApiRequest> policies, ServiceView service) {}
