package io.ecsl.runtime.api.auth;

import io.ecsl.runtime.api.ApiException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Refuses what a web page could send: a {@code Host} that does not name the runtime's loopback
 * endpoint (DNS rebinding: a page whose name now resolves to 127.0.0.1 sends its own name), and
 * any request a browser marks as one ({@code Origin}, {@code Sec-Fetch-*}). No AWS client sends
 * those, and signatures already stop forged calls; this keeps a browser from even reaching them.
 */
public final class LoopbackGuard {
  private static final Set<String> LOOPBACK_NAMES = Set.of("127.0.0.1", "localhost", "[::1]");

  private final int port;

  public LoopbackGuard(int port) {
    this.port = port;
  }

  /**
   * @param headers lowercase names to values
   * @throws ApiException {@code AccessDeniedException} (403) naming the refused header
   */
  public void check(Map<String, List<String>> headers) {
    List<String> origin = headers.get("origin");
    if (origin != null && !origin.isEmpty()) {
      throw new ApiException("AccessDeniedException", "Requests from web pages are refused (Origin: "
          + origin.get(0) + "): the ecsl runtime serves only the AWS CLI, the AWS SDKs and ecsl on this machine.",
          403);
    }
    for (String browserOnly : List.of("sec-fetch-site", "sec-fetch-mode")) {
      if (headers.containsKey(browserOnly)) {
        throw new ApiException("AccessDeniedException", "Requests from web browsers are refused (" + browserOnly
            + " is set): the ecsl runtime serves only the AWS CLI, the AWS SDKs and ecsl on this machine.", 403);
      }
    }
    List<String> hosts = headers.get("host");
    String host = hosts == null || hosts.isEmpty() ? null : hosts.get(0).trim().toLowerCase(Locale.ROOT);
    if (host == null || hosts.size() != 1 || !servesHost(host)) {
      throw new ApiException("AccessDeniedException", "The ecsl runtime answers only requests addressed to its"
          + " loopback endpoint (Host: 127.0.0.1:" + port + " or localhost:" + port + "); this one named Host: "
          + (host == null ? "(none)" : hosts.size() > 1 ? String.join(", ", hosts) : host) + ".", 403);
    }
  }

  private boolean servesHost(String host) {
    int colon = host.lastIndexOf(':');
    if (colon < 0 || colon < host.lastIndexOf(']')) {
      return false; // browsers and clients always name a non-default port
    }
    return LOOPBACK_NAMES.contains(host.substring(0, colon)) && host.substring(colon + 1).equals(Integer.toString(port));
  }
}
