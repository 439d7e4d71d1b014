package io.ecsl.runtime.api.query;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.runtime.api.ApiException;
import io.ecsl.runtime.api.RequestContext;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Routes Query-protocol requests ({@code Action=…&Version=…}) to their service by API version
 * (the runtime serves one Query API per version), reads the form into the operation's input shape
 * and writes the result or error as XML. Authentication happened before, at the HTTP edge.
 */
public final class QueryDispatcher {
  private static final Logger LOG = Logger.getLogger(QueryDispatcher.class.getName());

  /** An XML response: status, body, and the error code when it is an error. */
  public record Response(int status, String body, String errorCode) {}

  private final List<QueryService> services;

  public QueryDispatcher(List<QueryService> services) {
    this.services = List.copyOf(services);
  }

  public Set<String> signingNames() {
    Set<String> names = new LinkedHashSet<>();
    services.forEach(service -> names.add(service.signingName()));
    return names;
  }

  /** The service a request body is for (by its {@code Version}), or the first when it names none. */
  public QueryService serviceFor(NavigableMap<String, String> parameters) {
    String version = parameters.get("Version");
    for (QueryService service : services) {
      if (service.version().equals(version)) {
        return service;
      }
    }
    return services.isEmpty() ? null : services.get(0);
  }

  /** Reads the body's parameters (strict UTF-8). */
  public static NavigableMap<String, String> parameters(byte[] body) {
    try {
      String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
      return QueryProtocol.parameters(text);
    } catch (CharacterCodingException e) {
      throw new ApiException("MalformedQueryString", "The request body is not UTF-8.");
    }
  }

  public Response handle(NavigableMap<String, String> parameters, RequestContext context) {
    String requestId = UUID.randomUUID().toString();
    QueryService service = serviceFor(parameters);
    String action = parameters.get("Action");
    try {
      if (action == null || action.isEmpty()) {
        throw new ApiException("MissingAction", "The request must contain the parameter Action.");
      }
      if (service == null || !service.version().equals(parameters.get("Version"))) {
        throw new ApiException("InvalidAction", "The ecsl runtime serves the Query API version(s) "
            + services.stream().map(QueryService::version).toList() + "; the request names Version="
            + parameters.get("Version") + ".");
      }
      if (service.model().input(action) == null && service.model().output(action) == null) {
        throw new ApiException("InvalidAction", "The action " + action + " is not valid for this web service.");
      }
      JsonNode request = QueryProtocol.read(service.model().input(action), parameters);
      JsonNode result = service.call(action, request, context);
      return new Response(200, QueryProtocol.response(action, service.xmlNamespace(), service.model().output(action),
          result, requestId), null);
    } catch (ApiException e) {
      return error(service, e, requestId);
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "internal error in " + action, e);
      return error(service, new ApiException("InternalFailure", "Internal error in the ecsl runtime while handling "
          + action + ": " + e + ". See the runtime log (ecsl runtime logs).", 500), requestId);
    }
  }

  /** The XML error for {@code e}; errors of the JSON protocol's authentication get their Query names. */
  public Response error(QueryService service, ApiException e, String requestId) {
    String code = QUERY_AUTH_CODES.getOrDefault(e.type(), e.type());
    ApiException renamed = code.equals(e.type()) ? e : new ApiException(code, e.getMessage(), e.status());
    String namespace = service == null ? "" : service.xmlNamespace();
    return new Response(e.status(), QueryProtocol.error(namespace, renamed, requestId), code);
  }

  public Response error(ApiException e) {
    return error(services.isEmpty() ? null : services.get(0), e, UUID.randomUUID().toString());
  }

  /** What Query services call the authentication failures JSON services call {@code …Exception}. */
  private static final Map<String, String> QUERY_AUTH_CODES = Map.of(
      "MissingAuthenticationTokenException", "MissingAuthenticationToken",
      "UnrecognizedClientException", "InvalidClientTokenId",
      "InvalidSignatureException", "SignatureDoesNotMatch",
      "IncompleteSignatureException", "IncompleteSignature",
      "AccessDeniedException", "AccessDenied",
      "RequestEntityTooLargeException", "RequestEntityTooLarge");
}
