package io.ecsl.runtime.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.runtime.json.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** The name server's answers for Cloud Map namespaces, as Route 53 gives them. */
class DnsAnswersTest {
  private static ObjectNode namespace(String id, String name, String type) {
    return Json.object().put("Id", id).put("Name", name).put("Type", type);
  }

  private static ObjectNode service(String id, String name, String namespaceId, String records) {
    ObjectNode service = Json.object().put("Id", id).put("Name", name).put("NamespaceId", namespaceId);
    service.set("DnsConfig", Json.parse("{\"RoutingPolicy\":\"MULTIVALUE\",\"DnsRecords\":" + records + "}"));
    return service;
  }

  private static ObjectNode instance(String serviceId, String id, String ip, String port, String health) {
    ObjectNode instance = Json.object().put("ServiceId", serviceId).put("Id", id).put("_health", health);
    ObjectNode attributes = instance.putObject("Attributes").put("AWS_INSTANCE_IPV4", ip);
    if (port != null) {
      attributes.put("AWS_INSTANCE_PORT", port);
    }
    return instance;
  }

  private static Message ask(DnsZone zone, String name, int type) throws IOException {
    Message query = Message.newQuery(Record.newRecord(Name.fromString(name), type, DClass.IN));
    DnsAnswers.Answer answer = DnsAnswers.answer(query.toWire(), zone, new SplittableRandom(1));
    return answer.response() == null ? null : new Message(answer.response());
  }

  private static TreeSet<String> addresses(Message response) {
    TreeSet<String> out = new TreeSet<>();
    for (Record record : response.getSection(Section.ANSWER)) {
      out.add(((ARecord) record).getAddress().getHostAddress());
    }
    return out;
  }

  private static final DnsZone ZONE = DnsZone.of(
      List.of(namespace("ns-1", "Disco.Local", "DNS_PRIVATE"), namespace("ns-2", "apis", "HTTP")),
      List.of(service("srv-a", "api", "ns-1", "[{\"Type\":\"A\",\"TTL\":30}]"),
          service("srv-s", "db", "ns-1", "[{\"Type\":\"SRV\",\"TTL\":20}]")),
      List.of(instance("srv-a", "t1", "10.0.0.1", null, "HEALTHY"), instance("srv-a", "t2", "10.0.0.2", null, "HEALTHY"),
          instance("srv-a", "t3", "10.0.0.3", null, "UNHEALTHY"),
          instance("srv-s", "t9", "127.0.0.1", "49153", "HEALTHY")));

  @Test
  void aServiceNameAnswersItsHealthyInstancesAuthoritatively() throws IOException {
    Message response = ask(ZONE, "API.disco.local.", Type.A);
    assertEquals(Rcode.NOERROR, response.getRcode());
    assertTrue(response.getHeader().getFlag(Flags.AA));
    assertEquals(new TreeSet<>(List.of("10.0.0.1", "10.0.0.2")), addresses(response));
    assertEquals(30, response.getSection(Section.ANSWER).get(0).getTTL());
  }

  @Test
  void whenNoInstanceIsHealthyTheUnhealthyOnesAreAnswered() throws IOException {
    DnsZone zone = DnsZone.of(List.of(namespace("ns-1", "disco.local", "DNS_PRIVATE")),
        List.of(service("srv-a", "api", "ns-1", "[{\"Type\":\"A\",\"TTL\":30}]")),
        List.of(instance("srv-a", "t3", "10.0.0.3", null, "UNHEALTHY")));
    assertEquals(new TreeSet<>(List.of("10.0.0.3")), addresses(ask(zone, "api.disco.local.", Type.A)));
  }

  @Test
  void atMostEightRecordsAreAnswered() throws IOException {
    List<ObjectNode> many = new ArrayList<>();
    for (int i = 1; i <= 12; i++) {
      many.add(instance("srv-a", "t" + i, "10.0.1." + i, null, "HEALTHY"));
    }
    DnsZone zone = DnsZone.of(List.of(namespace("ns-1", "disco.local", "DNS_PRIVATE")),
        List.of(service("srv-a", "api", "ns-1", "[{\"Type\":\"A\",\"TTL\":30}]")), many);
    assertEquals(8, addresses(ask(zone, "api.disco.local.", Type.A)).size());
  }

  @Test
  void srvRecordsNameTheInstanceAndItsPortWithItsAddress() throws IOException {
    Message response = ask(ZONE, "db.disco.local.", Type.SRV);
    SRVRecord srv = (SRVRecord) response.getSection(Section.ANSWER).get(0);
    assertEquals(49153, srv.getPort());
    assertEquals("t9.db.disco.local.", srv.getTarget().toString());
    assertEquals("127.0.0.1", ((ARecord) response.getSection(Section.ADDITIONAL).get(0)).getAddress().getHostAddress());
    assertEquals(new TreeSet<>(List.of("127.0.0.1")), addresses(ask(ZONE, "t9.db.disco.local.", Type.A)));
    // An SRV-only service has no A records: the name exists, with no data of that type.
    Message a = ask(ZONE, "db.disco.local.", Type.A);
    assertEquals(Rcode.NOERROR, a.getRcode());
    assertTrue(a.getSection(Section.ANSWER).isEmpty());
  }

  @Test
  void unknownNamesInANamespaceAreNxdomainAndOtherNamesAreForwarded() throws IOException {
    assertEquals(Rcode.NXDOMAIN, ask(ZONE, "web.disco.local.", Type.A).getRcode());
    assertNull(ask(ZONE, "example.com.", Type.A), "forwarded upstream");
    assertNull(ask(ZONE, "api.apis.", Type.A), "HTTP namespaces have no DNS names");
    Message query = Message.newQuery(Record.newRecord(Name.fromString("example.com."), Type.A, DClass.IN));
    assertTrue(DnsAnswers.answer(query.toWire(), ZONE, new SplittableRandom(1)).forward());
  }

  @Test
  void aNameTheHostResolverLeftUnansweredGetsServerFailureAtOnce() throws IOException {
    Message query = Message.newQuery(Record.newRecord(Name.fromString("api."), Type.A, DClass.IN));
    Message response = new Message(DnsAnswers.serverFailure(query.toWire()));
    assertEquals(query.getHeader().getID(), response.getHeader().getID());
    assertTrue(response.getHeader().getFlag(Flags.QR));
    assertEquals(Rcode.SERVFAIL, response.getRcode());
    assertEquals(query.getQuestion(), response.getQuestion());
  }
}
