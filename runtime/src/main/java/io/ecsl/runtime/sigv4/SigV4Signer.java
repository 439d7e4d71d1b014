package io.ecsl.runtime.sigv4;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Signs requests with an access key the way the AWS SDKs do: {@code X-Amz-Date} and {@code host}
 * plus every header the caller set are signed, and the result is an {@code Authorization} header.
 *
 * @param accessKeyId the key id the runtime knows
 * @param secretAccessKey its secret
 * @param region the region in the credential scope (the runtime files resources under it)
 * @param service the service in the credential scope, e.g. {@code ecs}
 */
public record SigV4Signer(String accessKeyId, String secretAccessKey, String region, String service) {

  /**
   * The headers to add to a request: {@code X-Amz-Date} and {@code Authorization}.
   *
   * @param hostHeader the {@code Host} the HTTP client will send ({@code 127.0.0.1:4747})
   * @param headers the other headers the request carries (all of them are signed)
   */
  public Map<String, String> sign(String method, String rawPath, String rawQuery, String hostHeader,
      Map<String, String> headers, byte[] body, Instant now) {
    String amzDate = SigV4.amzDate(now);
    Map<String, List<String>> signed = new LinkedHashMap<>();
    signed.put("host", List.of(hostHeader));
    signed.put("x-amz-date", List.of(amzDate));
    headers.forEach((name, value) -> signed.put(name.toLowerCase(Locale.ROOT), List.of(value)));
    List<String> names = new ArrayList<>(signed.keySet());
    names.sort(null);
    SigV4.Request request = new SigV4.Request(method, rawPath, rawQuery, signed, body);
    String canonical = SigV4.canonicalRequest(request, names, SigV4.sha256Hex(body));
    String date = SigV4.SCOPE_DATE.format(now);
    String scope = SigV4.scope(date, region, service);
    String signature = SigV4.signature(secretAccessKey, date, region, service,
        SigV4.stringToSign(amzDate, scope, canonical));
    Map<String, String> out = new LinkedHashMap<>();
    out.put("X-Amz-Date", amzDate);
    out.put("Authorization", SigV4.ALGORITHM + " Credential=" + accessKeyId + "/" + scope + ", SignedHeaders="
        + String.join(";", names) + ", Signature=" + signature);
    return out;
  }

  @Override
  public String toString() {
    return "SigV4Signer[" + accessKeyId + ", " + region + "/" + service + "]"; // never the secret
  }
}
