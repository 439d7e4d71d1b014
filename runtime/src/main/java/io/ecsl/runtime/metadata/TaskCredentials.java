package io.ecsl.runtime.metadata;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.runtime.json.Json;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The credentials a task's role gets from {@code /v2/credentials/<id>}, in the agent's shape
 * ({@code RoleArn, AccessKeyId, SecretAccessKey, Token, Expiration}; §4.4). Pure.
 *
 * <p><b>EMU:</b> there is no IAM to assume the role in, so by default every role gets the same
 * clearly local, fixed key (it works with SDKs talking to local endpoints that do not check
 * signatures, and is refused by AWS). A role mapped with {@code ecsl runtime credentials} gets the
 * keys it was mapped to instead. Each answer expires an hour after it is given, so SDKs come back
 * for a fresh one, as they do on ECS.
 */
public final class TaskCredentials {
  public static final String LOCAL_ACCESS_KEY_ID = "ASIAECSLLOCALTASKROLE";
  public static final String LOCAL_SECRET_ACCESS_KEY = "ecsl-local-task-role-secret-not-valid-on-aws";
  static final Duration LIFETIME = Duration.ofHours(1);

  private TaskCredentials() {}

  /** Keys a role is mapped to; {@code sessionToken} may be null for long-term keys. */
  public record Keys(String accessKeyId, String secretAccessKey, String sessionToken, Instant expiration) {}

  /** The local key for {@code roleArn}: the session token names the role, so a local service can tell roles apart. */
  public static Keys local(String roleArn) {
    return new Keys(LOCAL_ACCESS_KEY_ID, LOCAL_SECRET_ACCESS_KEY, "ecsl-local-session-token:" + roleArn, null);
  }

  public static ObjectNode document(String roleArn, Keys keys, Instant now) {
    Instant expiration = now.plus(LIFETIME).truncatedTo(ChronoUnit.SECONDS);
    if (keys.expiration() != null && keys.expiration().isBefore(expiration)) {
      expiration = keys.expiration();
    }
    ObjectNode out = Json.object();
    out.put("RoleArn", roleArn);
    out.put("AccessKeyId", keys.accessKeyId());
    out.put("SecretAccessKey", keys.secretAccessKey());
    // Long-term keys a role is mapped to have no token: the field is left out and the SDKs sign
    // without one.
    if (keys.sessionToken() != null) {
      out.put("Token", keys.sessionToken());
    }
    out.put("Expiration", MetadataDocuments.time(expiration));
    return out;
  }
}
