package io.ecsl.runtime.api;

/**
 * An error the API returns to the caller in the AWS JSON 1.1 error shape
 * ({@code {"__type": "<namespace>#<type>", "message": "..."}}), HTTP 400 unless a server fault.
 *
 * <p>{@code type} is the model's exception shape name (e.g. {@code ClusterNotFoundException}); the
 * protocol layer adds the service's namespace.
 */
public final class ApiException extends RuntimeException {
  private final String type;
  private final int status;

  public ApiException(String type, String message) {
    this(type, message, 400);
  }

  public ApiException(String type, String message, int status) {
    super(message);
    this.type = type;
    this.status = status;
  }

  public String type() {
    return type;
  }

  public int status() {
    return status;
  }

  public static ApiException client(String message) {
    return new ApiException("ClientException", message);
  }

  public static ApiException invalidParameter(String message) {
    return new ApiException("InvalidParameterException", message);
  }

  public static ApiException resourceNotFound(String message) {
    return new ApiException("ResourceNotFoundException", message);
  }

  public static ApiException validation(String message) {
    return new ApiException("ValidationException", message);
  }
}
