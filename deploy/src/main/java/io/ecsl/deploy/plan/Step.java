package io.ecsl.deploy.plan;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One thing apply does for a resource: an API call ({@code ecs UpdateService {…}}) or, with
 * service {@code ecsl}, an engine action: {@code WaitServiceStable}, {@code WaitServiceInactive},
 * {@code DeregisterFamily}.
 *
 * @param service the AWS CLI service name, or {@code ecsl}
 * @param operation the API operation or engine action
 * @param body the request, exactly as the API takes it
 */
public record Step(String service, String operation, ObjectNode body) {
  public static final String ENGINE = "ecsl";

  public boolean isEngine() {
    return ENGINE.equals(service);
  }
}
