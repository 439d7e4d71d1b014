package io.ecsl.runtime.sigv4;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The arithmetic of AWS Signature Version 4, shared by the runtime's signer (its own client) and
 * its verifier (every request it serves): the canonical request, the string to sign, the signing
 * key's HMAC chain and the signature. Pure functions of their arguments.
 *
 * <p>Written here rather than taken from the AWS SDK because the verifier must rebuild the
 * canonical request from exactly the headers the client chose to sign ({@code SignedHeaders}),
 * which no SDK signer accepts as an input; signer and verifier then share one canonicalization.
 *
 * @see <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html">Create a signed AWS API request</a>
 */
public final class SigV4 {
  public static final String ALGORITHM = "AWS4-HMAC-SHA256";
  public static final String TERMINATOR = "aws4_request";
  /** {@code X-Amz-Date}'s format. */
  public static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
      .withZone(ZoneOffset.UTC);
  /** The date of a credential scope. */
  public static final DateTimeFormatter SCOPE_DATE = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);

  private static final HexFormat HEX = HexFormat.of();

  private SigV4() {}

  /** A request as it is signed: the method, the raw (percent-encoded) path and query, headers and body. */
  public record Request(String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
      byte[] body) {}

  /**
   * The canonical request (task 1 of signing), over the headers named in {@code signedHeaders}
   * (lowercase, sorted as the client listed them) and the given payload hash.
   */
  public static String canonicalRequest(Request request, List<String> signedHeaders, String payloadHash) {
    Map<String, String> canonicalHeaders = canonicalHeaders(request.headers());
    StringBuilder out = new StringBuilder();
    out.append(request.method()).append('\n');
    out.append(canonicalPath(request.rawPath())).append('\n');
    out.append(canonicalQuery(request.rawQuery())).append('\n');
    for (String name : signedHeaders) {
      out.append(name).append(':').append(canonicalHeaders.getOrDefault(name, "")).append('\n');
    }
    out.append('\n');
    out.append(String.join(";", signedHeaders)).append('\n');
    out.append(payloadHash);
    return out.toString();
  }

  /** The string to sign (task 2). */
  public static String stringToSign(String amzDate, String scope, String canonicalRequest) {
    return ALGORITHM + "\n" + amzDate + "\n" + scope + "\n" + sha256Hex(canonicalRequest.getBytes(StandardCharsets.UTF_8));
  }

  /** {@code DATE/REGION/SERVICE/aws4_request}. */
  public static String scope(String date, String region, String service) {
    return date + "/" + region + "/" + service + "/" + TERMINATOR;
  }

  /** The signature (tasks 3 and 4): the signing key's HMAC chain, then HMAC of the string to sign, in hex. */
  public static String signature(String secretAccessKey, String date, String region, String service,
      String stringToSign) {
    byte[] key = hmac(("AWS4" + secretAccessKey).getBytes(StandardCharsets.UTF_8), date);
    key = hmac(key, region);
    key = hmac(key, service);
    key = hmac(key, TERMINATOR);
    return HEX.formatHex(hmac(key, stringToSign));
  }

  /** Header names lowercased; values of a repeated header joined by commas, trimmed, inner spaces collapsed. */
  public static Map<String, String> canonicalHeaders(Map<String, List<String>> headers) {
    Map<String, String> out = new TreeMap<>();
    for (Map.Entry<String, List<String>> header : headers.entrySet()) {
      List<String> values = new ArrayList<>();
      for (String value : header.getValue()) {
        values.add(value.trim().replaceAll("\\s+", " "));
      }
      out.merge(header.getKey().toLowerCase(Locale.ROOT), String.join(",", values), (a, b) -> a + "," + b);
    }
    return out;
  }

  /**
   * The canonical URI: the path with dot segments removed, each segment percent-encoded again
   * (services other than S3 encode twice: the raw path is already encoded once).
   */
  static String canonicalPath(String rawPath) {
    if (rawPath == null || rawPath.isEmpty()) {
      return "/";
    }
    List<String> segments = new ArrayList<>();
    String[] parts = rawPath.split("/", -1);
    for (int i = 1; i < parts.length; i++) {
      String segment = parts[i];
      if (segment.equals(".")) {
        continue;
      }
      if (segment.equals("..")) {
        if (!segments.isEmpty()) {
          segments.remove(segments.size() - 1);
        }
        continue;
      }
      segments.add(uriEncode(segment));
    }
    return "/" + String.join("/", segments);
  }

  /**
   * The canonical query string: each name and value percent-decoded then encoded the SigV4 way,
   * sorted by name, then value.
   */
  static String canonicalQuery(String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return "";
    }
    List<String[]> pairs = new ArrayList<>();
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      pairs.add(new String[] {uriEncode(percentDecode(name)), uriEncode(percentDecode(value))});
    }
    pairs.sort((a, b) -> a[0].equals(b[0]) ? a[1].compareTo(b[1]) : a[0].compareTo(b[0]));
    List<String> joined = new ArrayList<>();
    for (String[] pair : pairs) {
      joined.add(pair[0] + "=" + pair[1]);
    }
    return String.join("&", joined);
  }

  /** RFC 3986 percent-encoding: everything but {@code A-Z a-z 0-9 - _ . ~}, as UTF-8 bytes. */
  public static String uriEncode(String text) {
    StringBuilder out = new StringBuilder();
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
          || c == '-' || c == '_' || c == '.' || c == '~') {
        out.append(c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
            .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
      }
    }
    return out.toString();
  }

  /** Decodes {@code %XX} escapes (a {@code +} stays a plus: SigV4 queries are not form-encoded). */
  static String percentDecode(String text) {
    if (text.indexOf('%') < 0) {
      return text;
    }
    byte[] in = text.getBytes(StandardCharsets.UTF_8);
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(in.length);
    for (int i = 0; i < in.length; i++) {
      int high = i + 2 < in.length ? Character.digit(in[i + 1], 16) : -1;
      int low = i + 2 < in.length ? Character.digit(in[i + 2], 16) : -1;
      if (in[i] == '%' && high >= 0 && low >= 0) {
        out.write(high * 16 + low);
        i += 2;
      } else {
        out.write(in[i]);
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  public static String sha256Hex(byte[] bytes) {
    try {
      return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  /** The {@code X-Amz-Date} value of an instant. */
  public static String amzDate(Instant instant) {
    return AMZ_DATE.format(instant);
  }

  private static byte[] hmac(byte[] key, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }
}
