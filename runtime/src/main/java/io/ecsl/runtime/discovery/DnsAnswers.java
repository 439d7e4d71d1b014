package io.ecsl.runtime.discovery;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * Answers a DNS query from a {@link DnsZone} as Route 53 answers a Cloud Map namespace's names
 * (integrations §3.1): A and SRV records of the healthy instances, at most 8 per answer
 * (MULTIVALUE, a random 8 when there are more) or one (WEIGHTED); when no instance is healthy, up
 * to 8 unhealthy ones, as Route 53 does. Names inside a namespace that do not exist are NXDOMAIN;
 * names outside every namespace get {@link Answer#forward()}, for the caller to pass upstream.
 * Pure but for the random choice.
 */
public final class DnsAnswers {
  /** Route 53's cap on the records of a multivalue answer. */
  static final int MAX_RECORDS = 8;
  /** The namespace SOA's negative-caching TTL (Cloud Map's default SOA TTL is 15 s). */
  static final long NEGATIVE_TTL = 15;

  private DnsAnswers() {}

  /** The response's wire bytes, or {@code forward} when the name is none of the namespaces'. */
  public record Answer(byte[] response, boolean forward) {}

  public static Answer answer(byte[] query, DnsZone zone, RandomGenerator random) {
    Message request;
    try {
      request = new Message(query);
    } catch (IOException e) {
      return new Answer(null, false); // not DNS: dropped, as resolvers drop garbage
    }
    Record question = request.getQuestion();
    if (question == null || request.getHeader().getOpcode() != 0) {
      return new Answer(error(request, Rcode.FORMERR), false);
    }
    String fqdn = DnsZone.lower(question.getName().toString());
    String namespace = zone.namespaceOf(fqdn);
    if (namespace == null) {
      return new Answer(null, true);
    }
    Message response = new Message(request.getHeader().getID());
    response.getHeader().setFlag(Flags.QR);
    response.getHeader().setFlag(Flags.AA);
    if (request.getHeader().getFlag(Flags.RD)) {
      response.getHeader().setFlag(Flags.RD);
      response.getHeader().setFlag(Flags.RA);
    }
    response.addRecord(question, Section.QUESTION);
    DnsZone.Name name = zone.names().get(fqdn);
    if (name == null && !fqdn.equals(namespace)) {
      response.getHeader().setRcode(Rcode.NXDOMAIN);
      response.addRecord(soa(namespace), Section.AUTHORITY);
      return new Answer(response.toWire(), false);
    }
    int type = question.getType();
    List<DnsZone.Endpoint> chosen = name == null ? List.of() : choose(name, random);
    Name owner = question.getName();
    boolean answered = false;
    if (name != null && name.aTtl() >= 0 && (type == Type.A || type == Type.ANY)) {
      for (DnsZone.Endpoint endpoint : chosen) {
        Record a = aRecord(owner, name.aTtl(), endpoint.ipv4());
        if (a != null) {
          response.addRecord(a, Section.ANSWER);
          answered = true;
        }
      }
    }
    if (name != null && name.srvTtl() >= 0 && (type == Type.SRV || type == Type.ANY)) {
      for (DnsZone.Endpoint endpoint : chosen) {
        if (endpoint.port() == null) {
          continue;
        }
        Name target = absolute(endpoint.instanceId() + "." + name.fqdn());
        response.addRecord(new SRVRecord(owner, DClass.IN, name.srvTtl(), 1, 1, endpoint.port(), target),
            Section.ANSWER);
        Record glue = aRecord(target, name.srvTtl(), endpoint.ipv4());
        if (glue != null) {
          response.addRecord(glue, Section.ADDITIONAL);
        }
        answered = true;
      }
    }
    if (!answered) {
      response.addRecord(soa(namespace), Section.AUTHORITY); // NODATA: the name exists, not this type
    }
    return new Answer(response.toWire(), false);
  }

  /** Healthy instances, else (all unhealthy) the unhealthy ones; at most 8, or one for WEIGHTED. */
  static List<DnsZone.Endpoint> choose(DnsZone.Name name, RandomGenerator random) {
    List<DnsZone.Endpoint> healthy = new ArrayList<>();
    for (DnsZone.Endpoint endpoint : name.endpoints()) {
      if (endpoint.healthy()) {
        healthy.add(endpoint);
      }
    }
    List<DnsZone.Endpoint> pool = new ArrayList<>(healthy.isEmpty() ? name.endpoints() : healthy);
    int limit = name.weighted() ? 1 : MAX_RECORDS;
    // A random subset (and order) per answer spreads clients across instances, as Route 53 does.
    for (int i = pool.size() - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      DnsZone.Endpoint swap = pool.get(i);
      pool.set(i, pool.get(j));
      pool.set(j, swap);
    }
    return List.copyOf(pool.subList(0, Math.min(limit, pool.size())));
  }

  private static Record aRecord(Name owner, long ttl, String ipv4) {
    if (ipv4 == null) {
      return null;
    }
    try {
      return new ARecord(owner, DClass.IN, ttl, InetAddress.getByName(ipv4));
    } catch (UnknownHostException e) {
      return null; // registered with an address that is not one: nothing to answer
    }
  }

  private static Record soa(String namespace) {
    Name zone = absolute(namespace);
    return new SOARecord(zone, DClass.IN, NEGATIVE_TTL, absolute("ns-ecsl." + namespace),
        absolute("hostmaster." + namespace), 1, 7200, 900, 1209600, NEGATIVE_TTL);
  }

  private static Name absolute(String name) {
    try {
      return Name.fromString(name.endsWith(".") ? name : name + ".");
    } catch (TextParseException e) {
      throw new IllegalArgumentException("not a DNS name: " + name, e);
    }
  }

  /**
   * SERVFAIL for a query the host's resolver did not answer: the client learns at once that the
   * name cannot be resolved now, instead of waiting through its own retries. Null when the query
   * cannot be read (nothing to answer).
   */
  public static byte[] serverFailure(byte[] query) {
    try {
      Message request = new Message(query);
      Message response = new Message(request.getHeader().getID());
      response.getHeader().setFlag(Flags.QR);
      response.getHeader().setFlag(Flags.RA);
      response.getHeader().setRcode(Rcode.SERVFAIL);
      if (request.getQuestion() != null) {
        response.addRecord(request.getQuestion(), org.xbill.DNS.Section.QUESTION);
      }
      return response.toWire();
    } catch (java.io.IOException e) {
      return null;
    }
  }

  /** An error response to a query that cannot be answered (no question, not a standard query). */
  private static byte[] error(Message request, int rcode) {
    Message response = new Message(request.getHeader().getID());
    response.getHeader().setFlag(Flags.QR);
    response.getHeader().setRcode(rcode);
    return response.toWire();
  }
}
