package io.ecsl.deploy.target;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One call to an AWS-compatible API, in the API's own JSON: {@code service} is the AWS CLI
 * service name ({@code ecs}, {@code events}, {@code application-autoscaling},
 * {@code servicediscovery}, {@code elbv2}), {@code operation} the API operation ({@code DescribeServices}),
 * {@code request} exactly what {@code aws <service> <op> --cli-input-json} takes. The answer is the
 * response in the same JSON form. Everything the planner and the apply engine read or change goes
 * through here, so a counting or recording wrapper sees every call.
 */
public interface AwsApi {
  /** Calls the operation; throws {@link ApiException} when the API answers with an error. */
  JsonNode call(String service, String operation, ObjectNode request);
}
