package io.ecsl.runtime.metadata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.runtime.home.PrivateFiles;
import io.ecsl.runtime.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Which role ARNs a user mapped to real credentials ({@code ecsl runtime credentials set}): a host
 * AWS profile (resolved when a task asks, by {@link RoleCredentials}) or keys given once from the
 * user's environment. Kept in {@value #FILE} in the runtime's data directory, mode 0600 like
 * {@code ~/.aws/credentials}; the running runtime reads it on every credentials request, so a
 * change needs no restart. Nothing is ever mapped implicitly: a role not in here keeps the local
 * key ({@link TaskCredentials#local}).
 */
public final class RoleMappings {
  public static final String FILE = "role-credentials.json";
  private static final String LOCK = ".role-credentials.lock";
  /** IAM's role ARN shape in every partition: {@code arn:aws:iam::123456789012:role/path/name}. */
  private static final Pattern ROLE_ARN =
      Pattern.compile("arn:aws(-[a-z]+)*:iam::\\d{12}:role/[\\w+=,.@/-]{1,512}");

  private RoleMappings() {}

  /** Where a mapped role's credentials come from. */
  public sealed interface Source permits Profile, Keys {}

  /** A profile of the host's AWS configuration ({@code ~/.aws/config}, {@code ~/.aws/credentials}). */
  public record Profile(String name) implements Source {}

  /** Keys taken once from the user's environment; {@code sessionToken} and {@code expiration} may be null. */
  public record Keys(String accessKeyId, String secretAccessKey, String sessionToken, Instant expiration)
      implements Source {
    @Override
    public String toString() {
      // Never print the secret or the token, even by accident in a log line.
      return "Keys[" + masked(accessKeyId) + "]";
    }
  }

  public record Mapping(String roleArn, Source source, Instant mappedAt) {}

  /** Null when {@code roleArn} is an IAM role ARN, else what is wrong with it. */
  public static String roleArnProblem(String roleArn) {
    if (roleArn != null && ROLE_ARN.matcher(roleArn).matches()) {
      return null;
    }
    return "'" + roleArn + "' is not an IAM role ARN; expected arn:aws:iam::ACCOUNT:role/NAME, the task"
        + " definition's taskRoleArn";
  }

  /**
   * The keys in {@code env} ({@code AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY}, and
   * optionally {@code AWS_SESSION_TOKEN} and {@code AWS_CREDENTIAL_EXPIRATION}, as
   * {@code aws configure export-credentials --format env} prints them).
   *
   * @throws IllegalArgumentException naming what is missing or malformed
   */
  public static Keys keysFromEnvironment(Map<String, String> env) {
    String id = blankToNull(env.get("AWS_ACCESS_KEY_ID"));
    String secret = blankToNull(env.get("AWS_SECRET_ACCESS_KEY"));
    if (id == null || secret == null) {
      throw new IllegalArgumentException("--from-env needs AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY in the"
          + " environment (" + (id == null ? "AWS_ACCESS_KEY_ID" : "AWS_SECRET_ACCESS_KEY") + " is not set);"
          + " export them (and AWS_SESSION_TOKEN for temporary keys), or map a profile with --profile NAME");
    }
    Instant expiration = null;
    String expires = blankToNull(env.get("AWS_CREDENTIAL_EXPIRATION"));
    if (expires != null) {
      try {
        expiration = Instant.parse(expires);
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("AWS_CREDENTIAL_EXPIRATION must be an ISO 8601 time such as"
            + " 2026-01-01T12:00:00Z; got '" + expires + "'");
      }
    }
    return new Keys(id, secret, blankToNull(env.get("AWS_SESSION_TOKEN")), expiration);
  }

  /** The mappings in {@code dataDir}, by role ARN; empty when there are none. */
  public static Map<String, Mapping> load(Path dataDir) {
    Path file = dataDir.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      return new TreeMap<>();
    }
    JsonNode root;
    try {
      root = Json.parse(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      throw new IllegalStateException(file + " is damaged (" + e.getMessage() + "); remove it and map the roles"
          + " again with: ecsl runtime credentials set", e);
    }
    Map<String, Mapping> out = new TreeMap<>();
    for (Map.Entry<String, JsonNode> entry : root.path("roles").properties()) {
      JsonNode node = entry.getValue();
      Source source = node.hasNonNull("profile") ? new Profile(node.get("profile").asText())
          : new Keys(node.path("accessKeyId").asText(), node.path("secretAccessKey").asText(),
              text(node, "sessionToken"), node.hasNonNull("expiration") ? Instant.parse(node.get("expiration").asText()) : null);
      Instant mappedAt = node.hasNonNull("mappedAt") ? Instant.parse(node.get("mappedAt").asText()) : null;
      out.put(entry.getKey(), new Mapping(entry.getKey(), source, mappedAt));
    }
    return out;
  }

  /** Maps (or remaps) a role; creates the data directory (0700) if the runtime never ran there. */
  public static void put(Path dataDir, Mapping mapping) {
    String problem = roleArnProblem(mapping.roleArn());
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
    update(dataDir, mappings -> mappings.put(mapping.roleArn(), mapping));
  }

  /** Removes a role's mapping; false when it had none. */
  public static boolean remove(Path dataDir, String roleArn) {
    if (!Files.isRegularFile(dataDir.resolve(FILE))) {
      return false;
    }
    boolean[] removed = new boolean[1];
    update(dataDir, mappings -> removed[0] = mappings.remove(roleArn) != null);
    return removed[0];
  }

  /** An access key id as the aws CLI's {@code configure list} shows one: all but the last four hidden. */
  public static String masked(String accessKeyId) {
    if (accessKeyId == null || accessKeyId.length() <= 4) {
      return "****";
    }
    return "*".repeat(accessKeyId.length() - 4) + accessKeyId.substring(accessKeyId.length() - 4);
  }

  private static void update(Path dataDir, java.util.function.Consumer<Map<String, Mapping>> change) {
    try {
      PrivateFiles.directory(dataDir);
      Path lock = PrivateFiles.file(dataDir.resolve(LOCK));
      // Two `set`s at once must not lose one of them: read, change and write under a lock.
      try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.WRITE); FileLock held = channel.lock()) {
        Map<String, Mapping> mappings = load(dataDir);
        change.accept(mappings);
        PrivateFiles.write(dataDir.resolve(FILE), Json.write(toJson(mappings)) + "\n");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + dataDir.resolve(FILE) + ": " + e.getMessage(), e);
    }
  }

  private static ObjectNode toJson(Map<String, Mapping> mappings) {
    ObjectNode root = Json.object();
    ObjectNode roles = root.putObject("roles");
    for (Mapping mapping : mappings.values()) {
      ObjectNode node = roles.putObject(mapping.roleArn());
      switch (mapping.source()) {
        case Profile p -> node.put("profile", p.name());
        case Keys k -> {
          node.put("accessKeyId", k.accessKeyId());
          node.put("secretAccessKey", k.secretAccessKey());
          if (k.sessionToken() != null) {
            node.put("sessionToken", k.sessionToken());
          }
          if (k.expiration() != null) {
            node.put("expiration", k.expiration().toString());
          }
        }
      }
      if (mapping.mappedAt() != null) {
        node.put("mappedAt", mapping.mappedAt().toString());
      }
    }
    return root;
  }

  private static String text(JsonNode node, String field) {
    return node.hasNonNull(field) ? node.get(field).asText() : null;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  /** The mapping of {@code roleArn}, if any. */
  public static Optional<Mapping> find(Path dataDir, String roleArn) {
    return Optional.ofNullable(load(dataDir).get(roleArn));
  }
}
