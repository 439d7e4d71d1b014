package io.ecsl.facts.cloudmap;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What Cloud Map accepts in a service (servicediscovery CreateService / UpdateService): its name,
 * its DNS records and their combinations, and its health checks. The compiler's rules and the local
 * runtime's Cloud Map API judge requests with these same facts (Cloud Map API model, integrations §3.1).
 */
public final class DiscoveryServiceFacts {
  /** {@code ServiceName}: DNS labels of up to 63 characters, 127 in all (SRV-style {@code _http._tcp} too). */
  public static final Pattern NAME = Pattern.compile("((?=^.{1,127}$)^([a-zA-Z0-9_][a-zA-Z0-9-_]{0,61}[a-zA-Z0-9_]|[a-zA-Z0-9])"
      + "(\\.([a-zA-Z0-9_][a-zA-Z0-9-_]{0,61}[a-zA-Z0-9_]|[a-zA-Z0-9]))*$)|(^\\.$)");
  public static final int NAME_LENGTH = 127;

  /** {@code RecordType}. */
  public static final List<String> RECORD_TYPES = List.of("A", "AAAA", "SRV", "CNAME");
  /** The record types one service may have together. */
  public static final Set<Set<String>> RECORD_COMBINATIONS = Set.of(Set.of("A"), Set.of("AAAA"), Set.of("A", "AAAA"),
      Set.of("SRV"), Set.of("CNAME"));
  /** {@code RecordTTL}, in seconds. */
  public static final long TTL_MIN = 0;
  public static final long TTL_MAX = 2147483647L;

  /** {@code RoutingPolicy}; the API's default is MULTIVALUE. */
  public static final String MULTIVALUE = "MULTIVALUE";
  public static final String WEIGHTED = "WEIGHTED";
  public static final String DEFAULT_ROUTING = MULTIVALUE;

  /**
   * {@code HealthCheckCustomConfig.FailureThreshold}: 1 to 10 in the model, but no longer supported:
   * Cloud Map always uses 1, and answers 1 whatever was sent.
   */
  public static final int CUSTOM_FAILURE_THRESHOLD = 1;
  /** {@code HealthCheckConfig.FailureThreshold} (Route 53 health checks): 1 to 10, default 3. */
  public static final int FAILURE_THRESHOLD_MIN = 1;
  public static final int FAILURE_THRESHOLD_MAX = 10;
  public static final int ROUTE53_FAILURE_THRESHOLD_DEFAULT = 3;
  /** {@code HealthCheckConfig.ResourcePath} of an HTTP or HTTPS check when none is given. */
  public static final String ROUTE53_RESOURCE_PATH_DEFAULT = "/";

  private DiscoveryServiceFacts() {}

  /** Why {@code name} is not a Cloud Map service name, or null when it is. */
  public static String nameProblem(String name) {
    if (name.isEmpty()) {
      return "is empty";
    }
    if (name.length() > NAME_LENGTH) {
      return "is " + name.length() + " characters long; the limit is " + NAME_LENGTH;
    }
    if (!NAME.matcher(name).matches()) {
      return "is not a DNS name: labels of up to 63 letters, digits, hyphens and underscores, not starting or ending"
          + " with a hyphen, separated by dots";
    }
    return null;
  }

  /** Why these record types (in order, duplicates kept) cannot go together, or null when they can. */
  public static String recordsProblem(List<String> types, String routingPolicy) {
    if (types.isEmpty()) {
      return "lists no DNS record";
    }
    Set<String> seen = new java.util.LinkedHashSet<>();
    for (String t : types) {
      if (!seen.add(t)) {
        return "lists " + t + " twice";
      }
    }
    if (!RECORD_COMBINATIONS.contains(seen)) {
      return "has records " + String.join(" and ", seen) + ", which cannot go together: a service has A, AAAA, A and AAAA,"
          + " SRV, or CNAME records";
    }
    if (seen.contains("CNAME") && !WEIGHTED.equals(routingPolicy == null ? DEFAULT_ROUTING : routingPolicy)) {
      return "has a CNAME record, which needs weighted routing (a name has one CNAME answer)";
    }
    return null;
  }
}
