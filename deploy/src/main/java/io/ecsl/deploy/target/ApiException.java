package io.ecsl.deploy.target;

/**
 * A call to a target failed: the API answered with an error, or the target could not be reached.
 * The message names the service and operation; {@link #code()} is the AWS error code
 * ({@code ClusterNotFoundException}, {@code ServiceNotActiveException}, …) or {@code Unreachable}.
 */
public final class ApiException extends RuntimeException {
  private final String service;
  private final String operation;
  private final String code;

  public ApiException(String service, String operation, String code, String message, Throwable cause) {
    super(service + " " + operation + ": " + (code == null ? "" : code + ": ") + message, cause);
    this.service = service;
    this.operation = operation;
    this.code = code;
  }

  public String service() {
    return service;
  }

  public String operation() {
    return operation;
  }

  /** The AWS error code, or null when none was returned. */
  public String code() {
    return code;
  }

  /** True when the error says the thing asked about does not exist. */
  public boolean isNotFound() {
    return code != null && (code.contains("NotFound") || code.equals("ResourceNotFoundException")
        || code.equals("ServiceNotActiveException") || code.equals("NamespaceNotFound"));
  }
}
