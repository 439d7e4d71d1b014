package io.ecsl.runtime.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.sun.net.httpserver.HttpExchange;
import io.ecsl.runtime.engine.RuntimeState;
import io.ecsl.runtime.json.Json;
import io.ecsl.runtime.model.ServiceEntity;
import java.io.IOException;

/**
 * {@code GET /_ecsl/deployment-events?service=ARN}: the service's "ECS Deployment State Change"
 * events, oldest first, as EventBridge would deliver them (integrations §8.4), for
 * {@code ecsl events}. (The runtime has no event bus to send them to.)
 */
public final class DeploymentEventEndpoints {
  private final RuntimeState state;

  public DeploymentEventEndpoints(RuntimeState state) {
    this.state = state;
  }

  public void addTo(InternalEndpoints internal) {
    internal.add("deployment-events", this::list);
  }

  private void list(HttpExchange exchange, byte[] body) throws IOException {
    InternalEndpoints.requireMethod(exchange, "GET");
    String arn = InternalEndpoints.query(exchange.getRequestURI().getRawQuery()).get("service");
    if (arn == null || arn.isEmpty()) {
      throw new ApiException("ValidationException", "Name the service: ?service=SERVICE_ARN.");
    }
    ArrayNode out = state.atomically(() -> {
      ServiceEntity service = state.services.get(arn);
      if (service == null) {
        throw new ApiException("ServiceNotFoundException", "Service not found: " + arn + ".");
      }
      ArrayNode events = Json.array();
      for (int i = service.deploymentEvents.size() - 1; i >= 0; i--) {
        events.add(service.deploymentEvents.get(i));
      }
      return events;
    });
    InternalEndpoints.send(exchange, 200, Json.write(out));
  }
}
