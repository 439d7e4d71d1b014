package io.ecsl.runtime.home;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Optional;

/**
 * The one access key a runtime accepts: generated at its first start, kept in {@code credentials}
 * in its data directory (0600, the AWS shared credentials format, so
 * {@code AWS_SHARED_CREDENTIALS_FILE} can point at it too) and never handed to a task.
 *
 * <p>Every request the runtime serves must carry an AWS Signature Version 4 made with this key;
 * the CLI, {@code LocalRuntime} and the apply engine read it from the data directory, and
 * {@code ecsl runtime env} prints it for the aws CLI and SDKs.
 */
public record RuntimeCredentials(String accessKeyId, String secretAccessKey) {
  /** Access key ids start with this, so one is recognisable (AWS's own start with AKIA or ASIA). */
  public static final String KEY_PREFIX = "ECSL";
  private static final String KEY_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  /** Letters and digits only, so the secret needs no quoting in a shell, a curl --user or a URL. */
  private static final String SECRET_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

  /** The credentials stored for {@code dataDir}, if the runtime has ever started there. */
  public static Optional<RuntimeCredentials> load(Path dataDir) {
    Path file = RuntimeHome.credentialsFile(dataDir);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      String keyId = null;
      String secret = null;
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        int eq = line.indexOf('=');
        if (line.startsWith("#") || eq < 0) {
          continue;
        }
        String name = line.substring(0, eq).trim();
        String value = line.substring(eq + 1).trim();
        if (name.equals("aws_access_key_id")) {
          keyId = value;
        } else if (name.equals("aws_secret_access_key")) {
          secret = value;
        }
      }
      return keyId == null || secret == null ? Optional.empty() : Optional.of(new RuntimeCredentials(keyId, secret));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** The stored credentials, generating and storing new ones (0600) on the first start. */
  public static RuntimeCredentials loadOrCreate(Path dataDir) throws IOException {
    Optional<RuntimeCredentials> existing = load(dataDir);
    if (existing.isPresent()) {
      PrivateFiles.restrict(RuntimeHome.credentialsFile(dataDir), PrivateFiles.FILE);
      return existing.get();
    }
    SecureRandom random = new SecureRandom();
    RuntimeCredentials created = new RuntimeCredentials(KEY_PREFIX + random(random, KEY_ALPHABET, 16),
        random(random, SECRET_ALPHABET, 40));
    PrivateFiles.write(RuntimeHome.credentialsFile(dataDir), created.fileText(dataDir));
    return created;
  }

  private String fileText(Path dataDir) {
    return "# The access key of the ecsl runtime whose data directory is " + dataDir.toAbsolutePath() + ".\n"
        + "# Every request to it must be signed with this key (AWS Signature Version 4);\n"
        + "# `ecsl runtime env` prints it for the aws CLI and SDKs. Keep this file private.\n"
        + "[default]\n"
        + "aws_access_key_id = " + accessKeyId + "\n"
        + "aws_secret_access_key = " + secretAccessKey + "\n";
  }

  private static String random(SecureRandom random, String alphabet, int length) {
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      out.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return out.toString();
  }

  @Override
  public String toString() {
    return "RuntimeCredentials[" + accessKeyId + "]"; // never the secret
  }
}
