package io.ecsl.runtime.api;

import com.fasterxml.jackson.databind.JsonNode;

/** One AWS API served on the runtime's endpoint, chosen by the {@code X-Amz-Target} prefix. */
public interface AwsService {
  /** The part of {@code X-Amz-Target} before the dot, e.g. {@code AmazonEC2ContainerServiceV20141113}. */
  String targetPrefix();

  /** The service name in a SigV4 credential scope, e.g. {@code ecs} (what the AWS CLI and SDKs sign with). */
  String signingName();

  /** The namespace of error types, e.g. {@code com.amazonaws.ecs} (errors read {@code ns#Type}). */
  String errorNamespace();

  /** Runs {@code operation}; throws {@link ApiException} for errors the caller should see. */
  JsonNode call(String operation, JsonNode request, RequestContext context);
}
