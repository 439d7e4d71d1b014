package io.ecsl.runtime.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ecsl.runtime.json.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A service's Service Connect server names, with ECS's defaults (§3.2). */
class ServiceConnectNamesTest {
  @Test
  void aliasesNameTheServerAndDefaultToTheDiscoveryNameInTheNamespace() {
    assertEquals(List.of("api", "api.internal", "db.internal"), ServiceConnectNames.of(Json.parse("""
        {"enabled": true, "namespace": "internal", "services": [
          {"portName": "http", "discoveryName": "api", "clientAliases": [{"port": 8080, "dnsName": "api"}, {"port": 80}]},
          {"portName": "db", "clientAliases": [{"port": 5432}]}]}"""), "internal"));
  }

  @Test
  void aServerWithoutAliasesIsNamedByItsDiscoveryName() {
    assertEquals(List.of("api.internal"), ServiceConnectNames.of(Json.parse("""
        {"enabled": true, "services": [{"portName": "http", "discoveryName": "api"}]}"""), "internal"));
  }

  @Test
  void clientsOnlyAndDisabledConfigurationsHaveNoNames() {
    assertEquals(List.of(), ServiceConnectNames.of(Json.parse("{\"enabled\": true, \"namespace\": \"internal\"}"),
        "internal"));
    assertEquals(List.of(), ServiceConnectNames.of(Json.parse("""
        {"enabled": false, "services": [{"portName": "http", "discoveryName": "api"}]}"""), "internal"));
    assertEquals(List.of(), ServiceConnectNames.of(null, "internal"));
  }
}
