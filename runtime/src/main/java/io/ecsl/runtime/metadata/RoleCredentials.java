package io.ecsl.runtime.metadata;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.logging.Logger;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.profiles.ProfileFileSupplier;

/**
 * The keys a task role gets: what {@link RoleMappings} maps it to, else the local key. A role
 * mapped to a host profile is resolved by the AWS SDK's own {@link ProfileCredentialsProvider}
 * (static keys, {@code credential_process}, assume-role, IAM Identity Center), one provider per
 * profile kept for the runtime's life: the SDK caches what it resolved and refreshes it before it
 * expires, and rereads the profile files when they change (a new {@code aws sso login}).
 */
public final class RoleCredentials {
  private static final Logger LOG = Logger.getLogger(RoleCredentials.class.getName());

  private final Path dataDir;
  private final Supplier<ProfileFile> profiles;
  private final Map<String, ProfileCredentialsProvider> providers = new ConcurrentHashMap<>();

  /** {@code profiles}: the host's profile files ({@link #hostProfiles()} outside tests). */
  public RoleCredentials(Path dataDir, Supplier<ProfileFile> profiles) {
    this.dataDir = dataDir;
    this.profiles = profiles;
  }

  /**
   * The host's {@code ~/.aws/config} and {@code ~/.aws/credentials} (or where
   * {@code AWS_CONFIG_FILE}, {@code AWS_SHARED_CREDENTIALS_FILE} or the {@code aws.configFile} and
   * {@code aws.sharedCredentialsFile} properties point), reread when they change.
   */
  public static Supplier<ProfileFile> hostProfiles() {
    // Located on first use, not at start-up: most runtimes never map a profile.
    Supplier<ProfileFile>[] located = new Supplier[1];
    return () -> {
      synchronized (located) {
        if (located[0] == null) {
          located[0] = ProfileFileSupplier.defaultSupplier();
        }
        return located[0].get();
      }
    };
  }

  /** Thrown when a mapped role's credentials cannot be had; the message says what to do. */
  public static final class UnavailableException extends RuntimeException {
    public UnavailableException(String message) {
      super(message);
    }
  }

  /** The keys for {@code roleArn} at {@code now}. */
  public TaskCredentials.Keys keys(String roleArn, Instant now) {
    RoleMappings.Mapping mapping;
    try {
      mapping = RoleMappings.load(dataDir).get(roleArn);
    } catch (RuntimeException e) {
      throw new UnavailableException("the role mappings cannot be read: " + e.getMessage());
    }
    if (mapping == null) {
      return TaskCredentials.local(roleArn);
    }
    return switch (mapping.source()) {
      case RoleMappings.Keys k -> {
        if (k.expiration() != null && !k.expiration().isAfter(now)) {
          throw unavailable("the keys " + roleArn + " is mapped to expired at " + k.expiration()
              + "; map fresh ones with: ecsl runtime credentials set " + roleArn + " --from-env");
        }
        yield new TaskCredentials.Keys(k.accessKeyId(), k.secretAccessKey(), k.sessionToken(), k.expiration());
      }
      case RoleMappings.Profile p -> fromProfile(roleArn, p.name());
    };
  }

  private TaskCredentials.Keys fromProfile(String roleArn, String profile) {
    ProfileCredentialsProvider provider = providers.computeIfAbsent(profile,
        name -> ProfileCredentialsProvider.builder().profileFile(profiles).profileName(name).build());
    AwsCredentials resolved;
    try {
      resolved = provider.resolveCredentials();
    } catch (SdkException | IllegalStateException | IllegalArgumentException e) {
      // A broken profile may leave a provider that never recovers: build it afresh next time.
      providers.remove(profile, provider);
      throw unavailable(roleArn + " is mapped to the host profile '" + profile + "', which gives no"
          + " credentials: " + e.getMessage() + ". Fix the profile (aws configure --profile " + profile
          + "), or remap the role: ecsl runtime credentials set " + roleArn + " --profile NAME");
    }
    LOG.fine(() -> "credentials of " + roleArn + " from host profile " + profile);
    String token = resolved instanceof AwsSessionCredentials session ? session.sessionToken() : null;
    return new TaskCredentials.Keys(resolved.accessKeyId(), resolved.secretAccessKey(), token,
        resolved.expirationTime().orElse(null));
  }

  private static UnavailableException unavailable(String message) {
    // Also in the runtime's log: the task's SDK may swallow the endpoint's answer.
    LOG.warning(message);
    return new UnavailableException(message);
  }

  /**
   * Null when {@code profile} is defined in {@code files}, else what to do. {@code set --profile}
   * checks this so a typo is caught when mapping, not when a task first asks.
   */
  public static String profileProblem(ProfileFile files, String profile) {
    if (files.profile(profile).isPresent()) {
      return null;
    }
    return "no profile '" + profile + "' in the host's AWS configuration (~/.aws/config or ~/.aws/credentials;"
        + " AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE move them); create it with: aws configure --profile "
        + profile + (files.profiles().isEmpty() ? "" : " (profiles there: " + String.join(", ", files.profiles().keySet()) + ")");
  }
}
