package io.ecsl.deploy.target;

import java.net.URI;

/**
 * How to reach a target.
 *
 * @param kind {@code local} (the ecsl runtime) or {@code aws}
 * @param endpoint an endpoint override ({@code --endpoint}, {@code AWS_ENDPOINT_URL}), or null
 * @param region the region, or null for the SDK's region chain (then {@code us-east-1})
 * @param profile a named profile from the AWS config files, or null
 * @param staticKey a fixed access key to sign with instead of the credential chains: the local
 *     runtime's own key, or a dummy one for moto; null for the standard chains
 */
public record TargetOptions(Kind kind, URI endpoint, String region, String profile, StaticKey staticKey) {

  /** Where the API lives. */
  public enum Kind {
    local,
    aws
  }

  /** An access key and its secret. */
  public record StaticKey(String accessKeyId, String secretAccessKey) {
    @Override
    public String toString() {
      return "StaticKey[" + accessKeyId + "]"; // never the secret
    }
  }

  /** With {@code dummyCredentials}, signs with a fixed dummy key (for endpoints that accept any, such as moto). */
  public TargetOptions(Kind kind, URI endpoint, String region, String profile, boolean dummyCredentials) {
    this(kind, endpoint, region, profile, dummyCredentials ? new StaticKey("ecsl-test", "ecsl-test") : null);
  }

  /** A short description for plan headers and messages: {@code aws (eu-west-1)}, {@code local (http://…)}. */
  public String describe() {
    return kind + (endpoint != null ? " " + endpoint : "") + (region != null ? " (" + region + ")" : "");
  }
}
