package io.ecsl.runtime.metadata;

import io.ecsl.runtime.home.PrivateFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The ids in a task's metadata and credentials paths ({@code /v4/<endpoint id>},
 * {@code /v2/credentials/<credentials id>}), which, as on ECS, are what authorises a caller: whoever
 * can name a task's credentials id may read its credentials.
 *
 * <p>They are HMACs of the task ARN (and container name) under a key kept in the data directory
 * ({@code metadata-key}, 0600), so they are unguessable, the same after a restart (a running
 * container keeps the environment it was created with), and need no stored state.
 */
public final class EndpointIds {
  static final String KEY_FILE = "metadata-key";
  private final byte[] key;

  public EndpointIds(byte[] key) {
    this.key = key.clone();
  }

  /** The data directory's key, made on first use. */
  public static EndpointIds forDataDir(Path dataDir) {
    Path file = dataDir.resolve(KEY_FILE);
    try {
      if (!Files.isRegularFile(file)) {
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        PrivateFiles.write(file, HexFormat.of().formatHex(fresh) + "\n");
      }
      return new EndpointIds(HexFormat.of().parseHex(Files.readString(file).trim()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create " + file + ": " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(file + " is damaged (" + e.getMessage() + "); delete it and restart the runtime"
          + " (running tasks keep their old ids until they are replaced)", e);
    }
  }

  /** The id of one container's metadata endpoint ({@code ECS_CONTAINER_METADATA_URI_V4}). */
  public String container(String taskArn, String containerName) {
    return uuid("container\n" + taskArn + "\n" + containerName);
  }

  /** The id of a task's credentials ({@code AWS_CONTAINER_CREDENTIALS_RELATIVE_URI}). */
  public String credentials(String taskArn) {
    return uuid("credentials\n" + taskArn);
  }

  private String uuid(String subject) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      ByteBuffer digest = ByteBuffer.wrap(mac.doFinal(subject.getBytes(StandardCharsets.UTF_8)));
      // Version 4 / variant bits, so the id looks like the agent's random UUIDs.
      long high = (digest.getLong() & ~0xF000L) | 0x4000L;
      long low = (digest.getLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
      return new UUID(high, low).toString();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }
}
