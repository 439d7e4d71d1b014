package io.ecsl.runtime.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.runtime.json.Json;
import io.ecsl.runtime.json.JsonSyntaxException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The AWS JSON 1.1 protocol: {@code X-Amz-Target: <prefix>.<Operation>} picks the service and
 * operation; the body is the request; errors come back as {@code {"__type": "<namespace>#<Type>",
 * "message": "..."}} with HTTP 400 (500 for the runtime's own faults).
 *
 * <p>A request reaches a service only authenticated (the HTTP edge verified its signature) and
 * well-formed: strict UTF-8 JSON within the reading limits ({@link Json#parseRequest}), one
 * object, every member of its model type ({@link RequestShapes}). A new operation gets all of
 * this by being added to its service's {@link AwsService#call}.
 */
public final class AwsJsonDispatcher {
  private static final Logger LOG = Logger.getLogger(AwsJsonDispatcher.class.getName());

  /** An HTTP response: status, JSON body and the error type header when it is an error. */
  public record Response(int status, String body, String errorType) {}

  private final Map<String, AwsService> services = new LinkedHashMap<>();
  private final Map<String, RequestShapes> shapes = new LinkedHashMap<>();

  public AwsJsonDispatcher(List<AwsService> services) {
    services.forEach(service -> {
      this.services.put(service.targetPrefix(), service);
      RequestShapes model = RequestShapes.forTargetPrefix(service.targetPrefix());
      if (model != null) {
        shapes.put(service.targetPrefix(), model);
      }
    });
  }

  /** Every service's SigV4 signing name: what a credential scope may name on the runtime's own endpoints. */
  public Set<String> signingNames() {
    Set<String> names = new LinkedHashSet<>();
    services.values().forEach(service -> names.add(service.signingName()));
    return names;
  }

  /** The signing name a request to {@code target} must be scoped to (every one when the target is unknown). */
  public Set<String> signingNamesFor(String target) {
    AwsService service = target == null || !target.contains(".") ? null
        : services.get(target.substring(0, target.indexOf('.')));
    return service == null ? signingNames() : Set.of(service.signingName());
  }

  /** The response members of {@code target}'s service that are timestamps (none when it is unknown). */
  public Set<String> timestampMembers(String target) {
    AwsService service = target == null || !target.contains(".") ? null
        : services.get(target.substring(0, target.indexOf('.')));
    return service == null ? Set.of() : service.timestampMembers();
  }

  /** True when {@code target}'s service is served in Smithy RPC v2 CBOR too. */
  public boolean speaksCbor(String target) {
    AwsService service = target == null || !target.contains(".") ? null
        : services.get(target.substring(0, target.indexOf('.')));
    return service != null && service.speaksCbor();
  }

  /** The Query code of error {@code type} from {@code target}'s service, when it is Query compatible, else null. */
  public String queryErrorCode(String target, String type) {
    AwsService service = target == null || !target.contains(".") || type == null ? null
        : services.get(target.substring(0, target.indexOf('.')));
    return service == null ? null : service.queryErrorCode(type);
  }

  public Response handle(String target, byte[] body, RequestContext context) {
    if (target == null || !target.contains(".")) {
      return error("com.amazonaws", new ApiException("UnknownOperationException", "Missing or malformed"
          + " X-Amz-Target header: expected <service prefix>.<Operation>, e.g."
          + " AmazonEC2ContainerServiceV20141113.ListClusters."));
    }
    String prefix = target.substring(0, target.indexOf('.'));
    String operation = target.substring(target.indexOf('.') + 1);
    AwsService service = services.get(prefix);
    if (service == null) {
      return error("com.amazonaws", new ApiException("UnknownOperationException", "The ecsl runtime does not serve "
          + prefix + "; it serves " + services.keySet() + "."));
    }
    try {
      JsonNode request = body == null || isBlank(body) ? Json.object() : Json.parseRequest(body);
      if (!request.isObject()) {
        throw new ApiException("SerializationException", "The request body must be a JSON object.");
      }
      RequestShapes model = shapes.get(prefix);
      if (model != null) {
        model.check(operation, request);
      }
      JsonNode result = service.call(operation, request, context);
      return new Response(200, Json.write(result == null ? Json.object() : result), null);
    } catch (JsonSyntaxException e) {
      return error(service.errorNamespace(), new ApiException("SerializationException",
          "The request body is not valid JSON: " + e.getMessage()));
    } catch (ApiException e) {
      return error(service.errorNamespace(), e);
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "internal error in " + target, e);
      return error(service.errorNamespace(), new ApiException("ServerException", "Internal error in the ecsl"
          + " runtime while handling " + operation + ": " + e + ". See the runtime log (ecsl runtime logs).", 500));
    }
  }

  private static boolean isBlank(byte[] body) {
    for (byte b : body) {
      if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
        return false;
      }
    }
    return true;
  }

  /** The AWS JSON 1.1 error document for {@code e}. */
  public static Response error(String namespace, ApiException e) {
    ObjectNode body = Json.object();
    body.put("__type", namespace == null ? e.type() : namespace + "#" + e.type());
    body.put("message", e.getMessage());
    return new Response(e.status(), Json.write(body), e.type());
  }
}
