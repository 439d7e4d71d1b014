package io.ecsl.runtime.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.runtime.json.Json;
import io.ecsl.runtime.json.JsonSyntaxException;
import io.ecsl.runtime.store.Store;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the value of a container secret ({@code valueFrom}) in the runtime's local secret store,
 * which stands in for Secrets Manager and SSM Parameter Store.
 *
 * <p>Lookup order: the exact {@code valueFrom} string; then, for a Secrets Manager ARN
 * ({@code arn:aws:secretsmanager:R:A:secret:NAME[-XXXXXX][:json-key:stage:version]}) the secret
 * name with and without its 6-character suffix, taking {@code json-key} out of a JSON value; for
 * an SSM ARN ({@code arn:aws:ssm:R:A:parameter/NAME}) the parameter name with and without its
 * leading slash. So {@code ecsl runtime secret put db-password s3cr3t} serves both
 * {@code db-password} and any ARN naming it.
 */
public final class SecretResolver {
  private SecretResolver() {}

  public static Optional<String> resolve(Store store, String valueFrom) {
    Optional<String> exact = store.secret(valueFrom);
    if (exact.isPresent()) {
      return exact;
    }
    if (valueFrom.startsWith("arn:aws:secretsmanager:")) {
      return secretsManager(store, valueFrom);
    }
    if (valueFrom.startsWith("arn:aws:ssm:")) {
      String name = valueFrom.substring(valueFrom.indexOf(":parameter") + ":parameter".length());
      return first(store, List.of(name, name.replaceFirst("^/", "")));
    }
    return store.secret(valueFrom.replaceFirst("^/", ""));
  }

  private static Optional<String> secretsManager(Store store, String arn) {
    String[] parts = arn.split(":");
    if (parts.length < 7) {
      return Optional.empty();
    }
    String name = parts[6];
    String jsonKey = parts.length > 7 && !parts[7].isEmpty() ? parts[7] : null;
    List<String> candidates = new ArrayList<>();
    candidates.add(String.join(":", java.util.Arrays.copyOf(parts, 7)));
    candidates.add(name);
    if (name.matches(".*-[A-Za-z0-9]{6}")) {
      candidates.add(name.substring(0, name.length() - 7));
    }
    Optional<String> value = first(store, candidates);
    if (value.isEmpty() || jsonKey == null) {
      return value;
    }
    try {
      JsonNode json = Json.parse(value.get());
      return Optional.ofNullable(Json.text(json, jsonKey));
    } catch (JsonSyntaxException e) {
      return Optional.empty();
    }
  }

  private static Optional<String> first(Store store, List<String> names) {
    for (String name : names) {
      Optional<String> value = store.secret(name);
      if (value.isPresent()) {
        return value;
      }
    }
    return Optional.empty();
  }
}
