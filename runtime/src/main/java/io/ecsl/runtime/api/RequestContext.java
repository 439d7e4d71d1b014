package io.ecsl.runtime.api;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Per-request facts: the region, taken from the SigV4 credential scope of the
 * {@code Authorization} header ({@code Credential=AKID/DATE/REGION/SERVICE/aws4_request}) or
 * {@value #DEFAULT_REGION}. Signatures themselves are not checked: any credentials work.
 */
public record RequestContext(String region) {
  public static final String DEFAULT_REGION = "us-east-1";
  private static final Pattern CREDENTIAL_SCOPE = Pattern.compile("Credential=[^/,\\s]+/\\d{8}/([a-z0-9-]+)/");

  public static RequestContext fromAuthorization(String authorization) {
    if (authorization != null) {
      Matcher matcher = CREDENTIAL_SCOPE.matcher(authorization);
      if (matcher.find()) {
        return new RequestContext(matcher.group(1));
      }
    }
    return new RequestContext(DEFAULT_REGION);
  }
}
