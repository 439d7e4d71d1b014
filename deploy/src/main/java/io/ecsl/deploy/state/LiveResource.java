package io.ecsl.deploy.state;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A resource as the target reports it, projected onto the requests that would create it: each
 * entry of {@link #requests} is keyed like the declared requests ({@code RegisterTaskDefinition},
 * {@code PutScalingPolicy:web-cpu}, …) and holds the live document in that request's shape (extra
 * response-only fields are dropped later by the normalizer).
 *
 * @param id the resource
 * @param requests request key → live document
 * @param tags the live tags (key → value), used for ownership
 * @param arn the resource's ARN (for tagging and deleting), or null
 * @param version what identifies this exact state for people (a revision ARN, a deployment's updatedAt)
 * @param ids further identifiers the API needs to change it (a Cloud Map namespace id, a scheduling strategy)
 */
public record LiveResource(ResourceId id, Map<String, ObjectNode> requests, Map<String, String> tags, String arn,
    String version, Map<String, String> ids) {

  public LiveResource {
    requests = new LinkedHashMap<>(requests);
    tags = new LinkedHashMap<>(tags);
    ids = new LinkedHashMap<>(ids);
  }

  /** The live document of the resource's primary request. */
  public ObjectNode primary() {
    return requests.isEmpty() ? null : requests.values().iterator().next();
  }
}
