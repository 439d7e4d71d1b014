package io.ecsl.runtime.api.auth;

import io.ecsl.runtime.api.ApiException;
import io.ecsl.runtime.home.RuntimeCredentials;
import io.ecsl.runtime.sigv4.SigV4;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Verifies the AWS Signature Version 4 on a request, as AWS does: the {@code Authorization}
 * header's credential scope, the key (the runtime's one key), the request time (within 15 minutes
 * of the runtime's clock) and the signature itself, recomputed from the canonical request over
 * the headers the client signed. Every failure is the error AWS returns, HTTP 403, with a message
 * that says what to do.
 */
public final class Authenticator {
  /** How far a request's time may be from the runtime's clock (AWS's rule). */
  public static final Duration MAX_SKEW = Duration.ofMinutes(15);
  static final String HOW_TO_SIGN = "The ecsl runtime accepts only requests signed (AWS Signature Version 4)"
      + " with its own access key: run `eval \"$(ecsl runtime env)\"` to set it for the aws CLI and SDKs.";

  private final RuntimeCredentials credentials;
  private final Clock clock;

  public Authenticator(RuntimeCredentials credentials, Clock clock) {
    this.credentials = credentials;
    this.clock = clock;
  }

  /** Who signed and where: the credential scope of a verified request. */
  public record Signed(String accessKeyId, String region, String service) {}

  /**
   * Verifies {@code request}'s signature.
   *
   * @param services the services its credential scope may name (the one the operation belongs to)
   * @throws ApiException {@code MissingAuthenticationTokenException}, {@code IncompleteSignatureException},
   *     {@code UnrecognizedClientException} or {@code InvalidSignatureException}, all HTTP 403
   */
  public Signed authenticate(SigV4.Request request, Set<String> services) {
    Map<String, String> headers = SigV4.canonicalHeaders(request.headers());
    String authorization = headers.get("authorization");
    if (authorization == null || authorization.isBlank()) {
      throw denied("MissingAuthenticationTokenException", "Missing Authentication Token: the request carries no"
          + " Authorization header. " + HOW_TO_SIGN);
    }
    if (!authorization.startsWith(SigV4.ALGORITHM + " ")) {
      throw denied("IncompleteSignatureException", "Unsupported Authorization type '"
          + authorization.split(" ", 2)[0] + "': sign with " + SigV4.ALGORITHM + ". " + HOW_TO_SIGN);
    }
    Map<String, String> parts = parameters(authorization.substring(SigV4.ALGORITHM.length() + 1));
    List<String> missing = new ArrayList<>();
    for (String name : List.of("Credential", "SignedHeaders", "Signature")) {
      if (parts.get(name) == null || parts.get(name).isEmpty()) {
        missing.add("Authorization header requires '" + name + "' parameter.");
      }
    }
    String amzDate = headers.get("x-amz-date");
    String dateHeader = amzDate != null ? "x-amz-date" : "date";
    String dateValue = amzDate != null ? amzDate : headers.get("date");
    if (dateValue == null) {
      missing.add("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
    }
    if (!missing.isEmpty()) {
      throw denied("IncompleteSignatureException", String.join(" ", missing) + " Authorization=" + authorization);
    }
    String[] scope = parts.get("Credential").split("/", -1);
    if (scope.length != 5) {
      throw denied("IncompleteSignatureException", "Credential should have 5 parts separated by '/'"
          + " (KEY/DATE/REGION/SERVICE/aws4_request); got '" + parts.get("Credential") + "'.");
    }
    if (!SigV4.TERMINATOR.equals(scope[4])) {
      throw denied("InvalidSignatureException", "Credential should be scoped with a valid terminator: '"
          + SigV4.TERMINATOR + "', not '" + scope[4] + "'.");
    }
    if (!MessageDigest.isEqual(scope[0].getBytes(StandardCharsets.UTF_8),
        credentials.accessKeyId().getBytes(StandardCharsets.UTF_8))) {
      throw denied("UnrecognizedClientException", "The security token included in the request is invalid: access"
          + " key '" + scope[0] + "' is not this runtime's. " + HOW_TO_SIGN);
    }
    if (headers.containsKey("x-amz-security-token")) {
      throw denied("UnrecognizedClientException", "The security token included in the request is invalid: the"
          + " runtime's key has no session token (unset AWS_SESSION_TOKEN). " + HOW_TO_SIGN);
    }
    Instant requestTime = requestTime(dateHeader, dateValue);
    String requestDay = SigV4.SCOPE_DATE.format(requestTime);
    if (!requestDay.equals(scope[1])) {
      throw denied("InvalidSignatureException", "Date in Credential scope does not match YYYYMMDD from ISO-8601"
          + " version of date from HTTP: '" + scope[1] + "' != '" + requestDay + "', from '"
          + SigV4.amzDate(requestTime) + "'.");
    }
    checkSkew(requestTime);
    if (!services.contains(scope[3])) {
      throw denied("InvalidSignatureException", "Credential should be scoped to correct service: '"
          + (services.size() == 1 ? services.iterator().next() : String.join("' or '", services)) + "', not '"
          + scope[3] + "'.");
    }
    List<String> signedHeaders = List.of(parts.get("SignedHeaders").split(";"));
    for (String required : List.of("host", dateHeader)) {
      if (!signedHeaders.contains(required)) {
        throw denied("InvalidSignatureException", "'" + required + "' must be a 'SignedHeader' in the AWS"
            + " Authorization (SignedHeaders=" + parts.get("SignedHeaders") + ").");
      }
    }
    if (headers.containsKey("x-amz-target") && !signedHeaders.contains("x-amz-target")) {
      // Every AWS client signs it (the SDKs, the aws CLI, curl --aws-sigv4); unsigned, the
      // operation a signature was made for could be swapped for another.
      throw denied("InvalidSignatureException", "'x-amz-target' must be a 'SignedHeader' in the AWS Authorization"
          + " (SignedHeaders=" + parts.get("SignedHeaders") + ").");
    }
    for (String name : signedHeaders) {
      if (!headers.containsKey(name)) {
        throw denied("InvalidSignatureException", "The request does not carry the signed header '" + name + "'.");
      }
    }
    String payloadHash = SigV4.sha256Hex(request.body());
    String declaredHash = headers.get("x-amz-content-sha256");
    if (declaredHash != null && !declaredHash.equalsIgnoreCase(payloadHash)) {
      throw denied("InvalidSignatureException", "The provided 'x-amz-content-sha256' header ('" + declaredHash
          + "') does not match the SHA-256 of the body; the runtime verifies every payload.");
    }
    String canonical = SigV4.canonicalRequest(request, signedHeaders, payloadHash);
    String credentialScope = SigV4.scope(scope[1], scope[2], scope[3]);
    String stringToSign = SigV4.stringToSign(amzDate != null ? amzDate : SigV4.amzDate(requestTime),
        credentialScope, canonical);
    String expected = SigV4.signature(credentials.secretAccessKey(), scope[1], scope[2], scope[3], stringToSign);
    if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
        parts.get("Signature").toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8))) {
      throw denied("InvalidSignatureException", "The request signature we calculated does not match the signature"
          + " you provided. Check your AWS Secret Access Key and signing method (" + HOW_TO_SIGN + ")\n\n"
          + "The Canonical String for this request should have been\n'" + canonical + "'\n\n"
          + "The String-to-Sign should have been\n'" + stringToSign + "'\n");
    }
    return new Signed(scope[0], scope[2], scope[3]);
  }

  private void checkSkew(Instant requestTime) {
    Instant now = clock.instant();
    if (requestTime.isBefore(now.minus(MAX_SKEW))) {
      throw denied("InvalidSignatureException", "Signature expired: " + SigV4.amzDate(requestTime)
          + " is now earlier than " + SigV4.amzDate(now.minus(MAX_SKEW)) + " (" + SigV4.amzDate(now)
          + " - 15 min.)");
    }
    if (requestTime.isAfter(now.plus(MAX_SKEW))) {
      throw denied("InvalidSignatureException", "Signature not yet current: " + SigV4.amzDate(requestTime)
          + " is still later than " + SigV4.amzDate(now.plus(MAX_SKEW)) + " (" + SigV4.amzDate(now)
          + " + 15 min.)");
    }
  }

  private static Instant requestTime(String header, String value) {
    try {
      if (header.equals("x-amz-date")) {
        return SigV4.AMZ_DATE.parse(value, Instant::from);
      }
      return ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      throw denied("IncompleteSignatureException", "Date must be in ISO-8601 'basic format' (20260101T120000Z)"
          + (header.equals("date") ? " or RFC 1123" : "") + ". Got '" + value + "'.");
    }
  }

  /** {@code Credential=..., SignedHeaders=..., Signature=...} (commas, optional spaces). */
  private static Map<String, String> parameters(String text) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String part : text.split(",")) {
      String trimmed = part.trim();
      int eq = trimmed.indexOf('=');
      if (eq > 0) {
        out.put(trimmed.substring(0, eq), trimmed.substring(eq + 1));
      }
    }
    return out;
  }

  private static ApiException denied(String type, String message) {
    return new ApiException(type, message, 403);
  }
}
