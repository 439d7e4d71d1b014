package io.ecsl.runtime.api.query;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.runtime.api.RequestContext;
import io.ecsl.schema.ServiceModel;

/** One AWS API served on the runtime's endpoint in the Query protocol (form-encoded POST, XML answers). */
public interface QueryService {
  /** The API version the requests name ({@code Version=2015-12-01}). */
  String version();

  /** The namespace of the XML responses, e.g. {@code http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/}. */
  String xmlNamespace();

  /** The service name in a SigV4 credential scope, e.g. {@code elasticloadbalancing}. */
  String signingName();

  /** The service model that shapes requests and responses. */
  ServiceModel model();

  /** Runs {@code operation} on the request read into its input shape; throws {@link io.ecsl.runtime.api.ApiException}. */
  JsonNode call(String operation, JsonNode request, RequestContext context);
}
