package io.ecsl.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.model.ApiRequest;
import io.ecsl.model.Resource;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A {@code CreateCluster} request: its capacity providers, default strategy and Service Connect default.
 *
 * @param resource the cluster
 * @param request its {@code CreateCluster} request
 */
public record ClusterView(Resource resource, ApiRequest request) {

  public ObjectNode body() {
    return request.body();
  }

  public String name() {
    return resource.name();
  }

  /** The capacity providers associated with the cluster. */
  public Set<String> capacityProviders() {
    return new LinkedHashSet<>(Nodes.strings(body(), "capacityProviders"));
  }

  public List<JsonNode> defaultStrategy() {
    return Nodes.list(body(), "defaultCapacityProviderStrategy");
  }

  /** {@code serviceConnectDefaults.namespace}, or null. */
  public String serviceConnectNamespace() {
    String ns = Nodes.text(Nodes.object(body(), "serviceConnectDefaults"), "namespace");
    return ns == null || ns.isEmpty() ? null : ns;
  }
}
