package io.ecsl.runtime.api.cloudmap;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.runtime.engine.RuntimeState;
import io.ecsl.runtime.json.Json;
import io.ecsl.runtime.model.Arns;
import io.ecsl.runtime.model.Ids;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/**
 * Cloud Map's asynchronous operations. The runtime completes every change at once, so each is
 * recorded as SUCCESS for GetOperation. Callers hold the state lock.
 */
final class Operations {
  private final RuntimeState state;
  private final Clock clock;

  Operations(RuntimeState state, Clock clock) {
    this.state = state;
    this.clock = clock;
  }

  Instant now() {
    return clock.instant();
  }

  /** Records a finished operation on {@code targets} (NAMESPACE, SERVICE, INSTANCE → id); returns its id. */
  String record(String type, Map<String, String> targets) {
    Instant now = now();
    String id = Ids.alnum("", 32);
    ObjectNode operation = Json.object();
    operation.put("Id", id);
    operation.put("OwnerAccount", Arns.ACCOUNT);
    operation.put("Type", type);
    operation.put("Status", "SUCCESS");
    operation.set("CreateDate", Json.timestamp(now));
    operation.set("UpdateDate", Json.timestamp(now));
    ObjectNode out = operation.putObject("Targets");
    new java.util.TreeMap<>(targets).forEach(out::put);
    state.operations.put(id, operation);
    return id;
  }

  ObjectNode response(String operationId) {
    ObjectNode response = Json.object();
    response.put("OperationId", operationId);
    return response;
  }
}
