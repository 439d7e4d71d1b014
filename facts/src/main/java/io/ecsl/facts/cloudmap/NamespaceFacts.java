package io.ecsl.facts.cloudmap;

/**
 * What Cloud Map fills in for a namespace (servicediscovery CreatePrivateDnsNamespace /
 * CreatePublicDnsNamespace): plan compares a DNS namespace declared without {@code Properties} as
 * unchanged, and the local runtime answers with the same value.
 */
public final class NamespaceFacts {
  /** {@code SOA.TTL} of a DNS namespace when none is given, in seconds (also its negative-caching TTL). */
  public static final int SOA_TTL_DEFAULT = 15;

  private NamespaceFacts() {}
}
