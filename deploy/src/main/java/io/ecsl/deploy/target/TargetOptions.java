package io.ecsl.deploy.target;

import java.net.URI;

/**
 * How to reach a target.
 *
 * @param kind {@code local} (the ecsl runtime) or {@code aws}
 * @param endpoint an endpoint override ({@code --endpoint}, {@code AWS_ENDPOINT_URL}), or null
 * @param region the region, or null for the SDK's region chain (then {@code us-east-1})
 * @param profile a named profile from the AWS config files, or null
 * @param staticCredentials use fixed dummy credentials (the local runtime and moto accept any)
 */
public record TargetOptions(Kind kind, URI endpoint, String region, String profile, boolean staticCredentials) {

  /** Where the API lives. */
  public enum Kind {
    local,
    aws
  }

  /** A short description for plan headers and messages: {@code aws (eu-west-1)}, {@code local (http://…)}. */
  public String describe() {
    return kind + (endpoint != null ? " " + endpoint : "") + (region != null ? " (" + region + ")" : "");
  }
}
