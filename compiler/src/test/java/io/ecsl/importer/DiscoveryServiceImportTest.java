package io.ecsl.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ecsl.compile.Compiler;
import io.ecsl.diag.Diagnostic;
import io.ecsl.diag.DiagnosticRenderer;
import io.ecsl.model.Resource;
import io.ecsl.model.ResourceKind;
import io.ecsl.source.SourceFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ecsl import} of Cloud Map services from what {@code aws servicediscovery get-service}
 * prints: a {@code discovery_service} in its namespace (by id: namespaces are not imported) that
 * builds the same CreateService request; what Cloud Map derived (its type, a custom check's
 * threshold, the deprecated namespace id in DnsConfig, the creator's token) is dropped.
 */
class DiscoveryServiceImportTest {
  static final String GET_SERVICE = """
      {"Service": {"Id": "srv-8keruy6m", "Arn": "arn:aws:servicediscovery:eu-west-1:123456789012:service/srv-8keruy6m",
        "Name": "api", "NamespaceId": "ns-abcdefgh12345678", "Description": "the api", "InstanceCount": 2,
        "DnsConfig": {"NamespaceId": "ns-abcdefgh12345678", "RoutingPolicy": "MULTIVALUE",
          "DnsRecords": [{"Type": "A", "TTL": 10}, {"Type": "AAAA", "TTL": 60}]},
        "Type": "DNS_HTTP", "HealthCheckCustomConfig": {"FailureThreshold": 1}, "CreateDate": 1796636941.157526,
        "CreatorRequestId": "5b2c0c4e-1111-2222-3333-444455556666"}}
      """;

  static final String ROUTE53 = """
      {"Service": {"Id": "srv-route53", "Arn": "arn:aws:servicediscovery:eu-west-1:123456789012:service/srv-route53",
        "Name": "web.edge", "NamespaceId": "ns-public0000000001",
        "DnsConfig": {"RoutingPolicy": "WEIGHTED", "DnsRecords": [{"Type": "CNAME", "TTL": 300}]},
        "Type": "DNS_HTTP", "HealthCheckConfig": {"Type": "HTTPS", "ResourcePath": "/health", "FailureThreshold": 2},
        "CreateDate": 1796636941.0}}
      """;

  private static Importer.Result importText(String name, String text) {
    return Importer.importSources(List.of(SourceFile.of(name, text)));
  }

  private static String render(Importer.Result r) {
    return new DiagnosticRenderer(false).render(r.diagnostics().sorted());
  }

  private static void buildsTheSameRequest(Importer.Result r, Path dir) throws Exception {
    Files.writeString(dir.resolve("main.ecs"), r.source());
    Compiler.Result built = Compiler.compile(Compiler.Options.of(dir));
    assertTrue(built.ok(), built.diagnostics().sorted() + "\n" + r.source());
    Resource imported = r.model().ofKind(ResourceKind.DISCOVERY_SERVICE).get(0);
    Resource rebuilt = built.model().ofKind(ResourceKind.DISCOVERY_SERVICE).get(0);
    assertEquals(imported.name(), rebuilt.name());
    assertEquals(imported.primary().body().toString(), rebuilt.primary().body().toString(), r.source());
  }

  @Test
  void getServiceOutputBecomesADiscoveryServiceThatBuildsTheSameRequest(@TempDir Path dir) throws Exception {
    Importer.Result r = importText("api.json", GET_SERVICE);
    assertEquals(List.of(), r.diagnostics().sorted().stream().map(Diagnostic::code).toList(), render(r));
    String source = r.source();
    for (String idiom : List.of("discovery_service api in \"ns-abcdefgh12345678\" {", "description = \"the api\"",
        "record A = 10s", "record AAAA = 1m", "routing = multivalue", "health_check = custom")) {
      assertTrue(source.contains(idiom), "missing `" + idiom + "` in:\n" + source);
    }
    for (String derived : List.of("DNS_HTTP", "type", "failure_threshold", "creator_request_id", "srv-8keruy6m")) {
      assertFalse(source.contains(derived), "`" + derived + "` is Cloud Map's, not the declaration's:\n" + source);
    }
    buildsTheSameRequest(r, dir);
  }

  @Test
  void aRoute53CheckAWeightedCnameAndANameThatIsNoLabel(@TempDir Path dir) throws Exception {
    Importer.Result r = importText("web.json", ROUTE53);
    assertEquals(List.of(), r.diagnostics().sorted().stream().map(Diagnostic::code).toList(), render(r));
    String source = r.source();
    for (String idiom : List.of("discovery_service web_edge in \"ns-public0000000001\" {", "name = \"web.edge\"",
        "record CNAME = 5m", "routing = weighted", "health_check {", "path = \"/health\"", "failure_threshold = 2")) {
      assertTrue(source.contains(idiom), "missing `" + idiom + "` in:\n" + source);
    }
    buildsTheSameRequest(r, dir);
  }
}
