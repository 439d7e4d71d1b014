package io.ecsl.runtime.json;

/** Request body that is not valid JSON; the API layer turns it into a SerializationException. */
public final class JsonSyntaxException extends RuntimeException {
  public JsonSyntaxException(String message) {
    super(message);
  }
}
