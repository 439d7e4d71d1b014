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

  /**
   * The response members that are timestamps, for protocols that mark them (Smithy RPC v2 CBOR tags
   * them; JSON carries them as plain epoch seconds).
   */
  default java.util.Set<String> timestampMembers() {
    return java.util.Set.of();
  }

  /** True for a service also served in Smithy RPC v2 CBOR ({@link RpcV2Cbor}). */
  default boolean speaksCbor() {
    return false;
  }

  /**
   * For an "AWS Query compatible" service, the Query protocol's code of error {@code type}, sent in
   * {@code x-amzn-query-error} beside the JSON or CBOR error; null for other services.
   */
  default String queryErrorCode(String type) {
    return null;
  }

  /** Runs {@code operation}; throws {@link ApiException} for errors the caller should see. */
  JsonNode call(String operation, JsonNode request, RequestContext context);
}
