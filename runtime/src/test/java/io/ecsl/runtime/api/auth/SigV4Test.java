package io.ecsl.runtime.api.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ecsl.runtime.api.ApiException;
import io.ecsl.runtime.home.RuntimeCredentials;
import io.ecsl.runtime.sigv4.SigV4;
import io.ecsl.runtime.sigv4.SigV4Signer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.http.ContentStreamProvider;

/**
 * The signature arithmetic and its verification, as pure functions: AWS's published test vector,
 * requests signed by the AWS SDK's own signer (an independent implementation) and by ours, and
 * hand-made wrong ones, each refused with the error AWS gives.
 */
class SigV4Test {
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  private static final RuntimeCredentials KEY = new RuntimeCredentials("ECSLTESTKEY0000001", "s3cretS3cretS3cret");
  private final Authenticator authenticator = new Authenticator(KEY, Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void awsPublishedVectorGetVanillaIsReproduced() {
    // aws-sig-v4-test-suite "get-vanilla": GET / with host and x-amz-date, key AKIDEXAMPLE.
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put("Host", List.of("example.amazonaws.com"));
    headers.put("X-Amz-Date", List.of("20150830T123600Z"));
    SigV4.Request request = new SigV4.Request("GET", "/", null, headers, new byte[0]);
    String canonical = SigV4.canonicalRequest(request, List.of("host", "x-amz-date"), SigV4.sha256Hex(new byte[0]));
    assertEquals("GET\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\n"
        + "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", canonical);
    String stringToSign = SigV4.stringToSign("20150830T123600Z", "20150830/us-east-1/service/aws4_request", canonical);
    assertEquals("5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31",
        SigV4.signature("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "20150830", "us-east-1", "service", stringToSign));
  }

  @Test
  void theSdksSignatureVerifies() {
    byte[] body = "{\"clusterName\":\"sdk\"}".getBytes(StandardCharsets.UTF_8);
    SdkHttpFullRequest unsigned = SdkHttpFullRequest.builder().method(SdkHttpMethod.POST)
        .uri(java.net.URI.create("http://127.0.0.1:4747/"))
        .putHeader("Content-Type", "application/x-amz-json-1.1")
        .putHeader("X-Amz-Target", "AmazonEC2ContainerServiceV20141113.CreateCluster")
        .build();
    SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r
        .identity(AwsBasicCredentials.create(KEY.accessKeyId(), KEY.secretAccessKey()))
        .request(unsigned)
        .payload(ContentStreamProvider.fromByteArray(body))
        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "ecs")
        .putProperty(AwsV4HttpSigner.REGION_NAME, "eu-west-3")
        .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, Clock.fixed(NOW, ZoneOffset.UTC)));
    Map<String, List<String>> headers = new LinkedHashMap<>(signed.request().headers());
    headers.put("Host", List.of("127.0.0.1:4747"));
    Authenticator.Signed who = authenticator.authenticate(new SigV4.Request("POST", "/", null, headers, body),
        Set.of("ecs"));
    assertEquals("eu-west-3", who.region());
    assertEquals(KEY.accessKeyId(), who.accessKeyId());
  }

  @Test
  void oursVerifiesWithAQueryAndEncodedCharacters() {
    Map<String, List<String>> headers = signed("GET", "/_ecsl/logs", "container=app%20one&follow=false&task=abc%2Fdef",
        new byte[0], NOW, "ecs");
    authenticator.authenticate(new SigV4.Request("GET", "/_ecsl/logs", "task=abc%2Fdef&container=app%20one&follow=false",
        headers, new byte[0]), Set.of("ecs"));
  }

  @Test
  void anUnsignedRequestIsMissingItsToken() {
    ApiException e = refused(new LinkedHashMap<>(Map.of("Host", List.of("127.0.0.1:4747"))), new byte[0]);
    assertEquals("MissingAuthenticationTokenException", e.type());
    assertEquals(403, e.status());
    assertTrue(e.getMessage().contains("ecsl runtime env"), e.getMessage());
  }

  @Test
  void anotherKeyIsUnrecognized() {
    ApiException e = refused(toLists(new SigV4Signer("AKIAIOSFODNN7EXAMPLE", KEY.secretAccessKey(), "us-east-1", "ecs")
        .sign("POST", "/", null, "127.0.0.1:4747", Map.of(), new byte[0], NOW)), new byte[0]);
    assertEquals("UnrecognizedClientException", e.type());
    assertTrue(e.getMessage().startsWith("The security token included in the request is invalid"), e.getMessage());
  }

  @Test
  void aWrongSecretOrATamperedBodyIsAnInvalidSignatureThatShowsTheCanonicalRequest() {
    byte[] body = "{\"clusterName\":\"a\"}".getBytes(StandardCharsets.UTF_8);
    Map<String, List<String>> wrongSecret = toLists(new SigV4Signer(KEY.accessKeyId(), "not-the-secret", "us-east-1",
        "ecs").sign("POST", "/", null, "127.0.0.1:4747", Map.of(), body, NOW));
    ApiException e = refused(wrongSecret, body);
    assertEquals("InvalidSignatureException", e.type());
    assertTrue(e.getMessage().startsWith("The request signature we calculated does not match"), e.getMessage());
    assertTrue(e.getMessage().contains("The Canonical String for this request should have been\n'POST\n/\n"),
        e.getMessage());

    Map<String, List<String>> honest = signed("POST", "/", null, body, NOW, "ecs");
    ApiException tampered = refused(honest, "{\"clusterName\":\"b\"}".getBytes(StandardCharsets.UTF_8));
    assertEquals("InvalidSignatureException", tampered.type());

    Map<String, List<String>> flipped = signed("POST", "/", null, body, NOW, "ecs");
    String authorization = flipped.get("Authorization").get(0);
    char last = authorization.charAt(authorization.length() - 1);
    flipped.put("Authorization", List.of(authorization.substring(0, authorization.length() - 1)
        + (last == '0' ? '1' : '0')));
    assertEquals("InvalidSignatureException", refused(flipped, body).type());
  }

  @Test
  void aRequestMoreThanFifteenMinutesOffTheClockIsRefusedWithAwsSkewMessages() {
    ApiException old = refused(signed("POST", "/", null, new byte[0], NOW.minusSeconds(16 * 60), "ecs"), new byte[0]);
    assertEquals("InvalidSignatureException", old.type());
    assertEquals("Signature expired: 20260301T114400Z is now earlier than 20260301T114500Z (20260301T120000Z - 15 min.)",
        old.getMessage());
    ApiException future = refused(signed("POST", "/", null, new byte[0], NOW.plusSeconds(16 * 60), "ecs"), new byte[0]);
    assertEquals("Signature not yet current: 20260301T121600Z is still later than 20260301T121500Z"
        + " (20260301T120000Z + 15 min.)", future.getMessage());
    authenticator.authenticate(new SigV4.Request("POST", "/", null,
        signed("POST", "/", null, new byte[0], NOW.minusSeconds(14 * 60), "ecs"), new byte[0]), Set.of("ecs"));
  }

  @Test
  void theScopeMustNameTheOperationsServiceAndTheSignedHeadersMustIncludeHost() {
    ApiException scope = refused(signed("POST", "/", null, new byte[0], NOW, "events"), new byte[0]);
    assertEquals("Credential should be scoped to correct service: 'ecs', not 'events'.", scope.getMessage());

    Map<String, List<String>> headers = signed("POST", "/", null, new byte[0], NOW, "ecs");
    String authorization = headers.get("Authorization").get(0).replace("SignedHeaders=host;x-amz-date",
        "SignedHeaders=x-amz-date");
    headers.put("Authorization", List.of(authorization));
    assertTrue(refused(headers, new byte[0]).getMessage().startsWith("'host' must be a 'SignedHeader'"));
  }

  @Test
  void aSessionTokenOrAnotherAlgorithmIsRefused() {
    Map<String, List<String>> withToken = signed("POST", "/", null, new byte[0], NOW, "ecs");
    withToken.put("X-Amz-Security-Token", List.of("FwoGZXIvYXdzE"));
    ApiException token = refused(withToken, new byte[0]);
    assertEquals("UnrecognizedClientException", token.type());
    assertTrue(token.getMessage().contains("unset AWS_SESSION_TOKEN"), token.getMessage());

    Map<String, List<String>> basic = new LinkedHashMap<>();
    basic.put("Host", List.of("127.0.0.1:4747"));
    basic.put("Authorization", List.of("Basic dXNlcjpwYXNz"));
    assertEquals("IncompleteSignatureException", refused(basic, new byte[0]).type());
  }

  private ApiException refused(Map<String, List<String>> headers, byte[] body) {
    return assertThrows(ApiException.class, () -> authenticator.authenticate(
        new SigV4.Request("POST", "/", null, headers, body), Set.of("ecs")));
  }

  private static Map<String, List<String>> signed(String method, String path, String query, byte[] body, Instant at,
      String service) {
    Map<String, List<String>> headers = toLists(new SigV4Signer(KEY.accessKeyId(), KEY.secretAccessKey(), "us-east-1",
        service).sign(method, path, query, "127.0.0.1:4747", Map.of(), body, at));
    return headers;
  }

  private static Map<String, List<String>> toLists(Map<String, String> signedHeaders) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put("Host", List.of("127.0.0.1:4747"));
    signedHeaders.forEach((name, value) -> headers.put(name, List.of(value)));
    return headers;
  }
}
