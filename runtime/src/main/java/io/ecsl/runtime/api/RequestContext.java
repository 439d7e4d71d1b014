package io.ecsl.runtime.api;

/**
 * Per-request facts: the region, taken from the credential scope of the request's verified
 * signature ({@code Credential=KEY/DATE/REGION/SERVICE/aws4_request}); resources live per region,
 * as on AWS.
 */
public record RequestContext(String region) {
  public static final String DEFAULT_REGION = "us-east-1";
}
