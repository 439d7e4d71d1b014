package io.ecsl.deploy.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.deploy.TestSupport;
import io.ecsl.deploy.state.LiveResource;
import io.ecsl.deploy.state.LiveState;
import io.ecsl.deploy.state.ResourceId;
import io.ecsl.emit.Json;
import io.ecsl.model.EcsModel;
import io.ecsl.model.ResourceKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cloud Map discovery services in the plan, without a target: what Cloud Map fills in (MULTIVALUE
 * routing, a custom check's FailureThreshold 1, the type; a DNS namespace's SOA TTL) is no change; a description or a record's
 * TTL is an UpdateService with the whole ServiceChange; the namespace, the routing policy, the record
 * types and the custom health check force a replacement, and the ECS service registered in a replaced
 * one is sent its new ARN (the placeholder apply fills in) rather than the old one's. A replaced one
 * that an ECS service is registered in takes it off first (UpdateService with no registries, waited
 * for) and says so; one with instances no ECS service of the project registered, and a replaced
 * namespace with a discovery service in it, are refused before anything changes.
 */
class DiscoveryServicePlansTest {
  private static final String ARN = "arn:aws:servicediscovery:us-east-1:123456789012:service/srv-1";
  private static final String SOURCE = """
      project { name = "shop", account_id = "123456789012", region = "us-east-1" }
      namespace internal { type = private_dns, vpc = "vpc-1" }
      discovery_service api in internal { dns { record A = 10s }, health_check = custom, description = "the api" }
      cluster prod {}
      task web {
        cpu = 0.25 vcpu; memory = 512 MiB; network = awsvpc; compatibilities = [FARGATE]
        container app { image = "busybox:1.36", port http = 8080/tcp }
      }
      service web in prod {
        task = web; desired = 1; launch_type = FARGATE
        network { subnets = ["subnet-a"], security_groups = ["sg-web"] }
        registry { service = api }
      }
      """;

  @TempDir Path dir;

  private EcsModel compile(String source) throws Exception {
    Files.writeString(dir.resolve("main.ecs"), source);
    return TestSupport.compile(dir);
  }

  private static ObjectNode json(String text) {
    try {
      return (ObjectNode) Json.mapper().readTree(text);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /** The target as the refresh reads it: the namespace (id ns-1), and the discovery service when given. */
  private static LiveState live(String discoveryService) {
    LiveState state = new LiveState(false);
    state.namespaceName("ns-1", "internal");
    state.put(new LiveResource(new ResourceId(ResourceKind.NAMESPACE, null, "internal"),
        Map.of("CreatePrivateDnsNamespace", json("{\"Name\":\"internal\",\"Properties\":{\"DnsProperties\":"
            + "{\"SOA\":{\"TTL\":15}}}}")), Map.of("ecsl:project", "shop"),
        "arn:aws:servicediscovery:us-east-1:123456789012:namespace/ns-1", null,
        Map.of("Id", "ns-1", "Type", "DNS_PRIVATE")));
    if (discoveryService != null) {
      state.put(new LiveResource(new ResourceId(ResourceKind.DISCOVERY_SERVICE, null, "api"),
          Map.of("CreateService", json(discoveryService)), Map.of("ecsl:project", "shop"), ARN, null,
          Map.of("Id", "srv-1", "Type", "DNS_HTTP")));
    }
    return state;
  }

  /** What GetService answers for the declared service, with {@code edit} applied to its text. */
  private static String asCreated(String from, String to) {
    return """
        {"Name":"api","NamespaceId":"ns-1","Description":"the api","Type":"DNS_HTTP",
         "DnsConfig":{"RoutingPolicy":"MULTIVALUE","DnsRecords":[{"Type":"A","TTL":10}]},
         "HealthCheckCustomConfig":{"FailureThreshold":1}}""".replace(from, to);
  }

  private static ResourcePlan of(Plan plan, String address) {
    return plan.resources().stream().filter(r -> r.address().equals(address)).findFirst()
        .orElseThrow(() -> new AssertionError(address + " is not in the plan"));
  }

  private static JsonNode registryArnSent(Plan plan) {
    ResourcePlan web = of(plan, "service prod/web");
    Step create = web.steps().stream().filter(s -> s.operation().equals("CreateService")).findFirst().orElseThrow();
    return create.body().at("/serviceRegistries/0/registryArn");
  }

  @Test
  void whatCloudMapFillsInIsNoChangeAndTheEcsServiceGetsTheExistingArn() throws Exception {
    Plan plan = Planner.plan(compile(SOURCE), live(asCreated("", "")), "test", 5);
    assertEquals(Action.NO_CHANGE, of(plan, "discovery service api").action(), of(plan, "discovery service api").toString());
    assertEquals(Action.NO_CHANGE, of(plan, "namespace internal").action(), "Cloud Map's SOA TTL of 15 s is the default: "
        + of(plan, "namespace internal"));
    assertEquals(ARN, registryArnSent(plan).asText());
  }

  @Test
  void aNewDiscoveryServiceIsCreatedInTheExistingNamespaceById() throws Exception {
    Plan plan = Planner.plan(compile(SOURCE), live(null), "test", 5);
    ResourcePlan api = of(plan, "discovery service api");
    assertEquals(Action.CREATE, api.action());
    assertEquals(1, api.steps().size(), api.steps().toString());
    Step create = api.steps().get(0);
    assertEquals("servicediscovery", create.service());
    assertEquals("CreateService", create.operation());
    assertEquals("ns-1", create.body().path("NamespaceId").asText(), create.body().toString());
    assertTrue(create.body().path("Tags").toString().contains("{\"Key\":\"ecsl:project\",\"Value\":\"shop\"}"),
        create.body().toString());
    assertEquals("${discovery-service:api}", registryArnSent(plan).asText());
    assertTrue(of(plan, "service prod/web").dependsOn().contains("discovery service api"),
        of(plan, "service prod/web").dependsOn().toString());
    assertTrue(api.dependsOn().contains("namespace internal"), api.dependsOn().toString());
  }

  @Test
  void aTtlOrADescriptionIsUpdatedInPlaceWithTheWholeServiceChange() throws Exception {
    Plan plan = Planner.plan(compile(SOURCE), live(asCreated("\"TTL\":10", "\"TTL\":60")), "test", 5);
    ResourcePlan api = of(plan, "discovery service api");
    assertEquals(Action.UPDATE, api.action(), api.toString());
    assertEquals(1, api.steps().size(), api.steps().toString());
    assertEquals("UpdateService", api.steps().get(0).operation());
    assertEquals("{\"Id\":\"srv-1\",\"Service\":{\"Description\":\"the api\","
        + "\"DnsConfig\":{\"DnsRecords\":[{\"Type\":\"A\",\"TTL\":10}]}}}", api.steps().get(0).body().toString());
    assertEquals("/DnsConfig/DnsRecords/0/TTL", api.changes().get(0).pointer(), api.changes().toString());
    assertEquals(ARN, registryArnSent(plan).asText(), "an update keeps the ARN");

    Plan described = Planner.plan(compile(SOURCE.replace("description = \"the api\"", "description = \"v2\"")),
        live(asCreated("", "")), "test", 5);
    ResourcePlan update = of(described, "discovery service api");
    assertEquals(Action.UPDATE, update.action(), update.toString());
    assertEquals("v2", update.steps().get(0).body().at("/Service/Description").asText());
  }

  @Test
  void theNamespaceRoutingRecordTypesAndCustomCheckForceAReplacement() throws Exception {
    EcsModel model = compile(SOURCE);
    Map<String, String> cases = Map.of(
        "routing policy", asCreated("\"MULTIVALUE\"", "\"WEIGHTED\""),
        "record types", asCreated("\"Type\":\"A\"", "\"Type\":\"AAAA\""),
        "custom health check", asCreated(",\n \"HealthCheckCustomConfig\":{\"FailureThreshold\":1}", ""),
        "another namespace", asCreated("\"ns-1\"", "\"ns-2\""));
    for (Map.Entry<String, String> c : cases.entrySet()) {
      Plan plan = Planner.plan(model, live(c.getValue()), "test", 5);
      ResourcePlan api = of(plan, "discovery service api");
      assertEquals(Action.REPLACE, api.action(), c.getKey() + ": " + api);
      assertTrue(api.reasons().get(0).contains(c.getKey()) && api.reasons().get(0).contains("forces replacement"),
          c.getKey() + ": " + api.reasons());
      assertEquals(List.of("DeleteService", "CreateService"), api.steps().stream().map(Step::operation).toList());
      assertEquals("srv-1", api.steps().get(0).body().path("Id").asText());
      assertEquals("ns-1", api.steps().get(1).body().path("NamespaceId").asText());
      assertEquals("${discovery-service:api}", registryArnSent(plan).asText(),
          c.getKey() + ": the ECS service must get the new service's ARN, not the replaced one's");
    }
  }

  @Test
  void anOwnedDiscoveryServiceNoLongerDeclaredIsDeleted() throws Exception {
    String without = SOURCE.replace("discovery_service api in internal { dns { record A = 10s }, health_check = custom,"
        + " description = \"the api\" }\n", "").replace("registry { service = api }", "");
    Plan plan = Planner.plan(compile(without), live(asCreated("", "")), "test", 5);
    ResourcePlan api = of(plan, "discovery service api");
    assertEquals(Action.DELETE, api.action());
    assertEquals(1, api.steps().size());
    assertEquals("DeleteService", api.steps().get(0).operation());
    assertEquals("{\"Id\":\"srv-1\"}", api.steps().get(0).body().toString());
    assertNotNull(of(plan, "namespace internal"));
  }

  /** {@code state} with the discovery service's ids replaced (to say whether instances are registered in it). */
  private static LiveState withInstances(LiveState state, String instances) {
    ResourceId api = new ResourceId(ResourceKind.DISCOVERY_SERVICE, null, "api");
    LiveResource r = state.get(api);
    state.put(new LiveResource(api, r.requests(), r.tags(), r.arn(), null,
        Map.of("Id", "srv-1", "Type", "DNS_HTTP", "Instances", instances)));
    return state;
  }

  /** {@code state} with ECS service prod/web as the plan would have created it, registered in {@code arn}. */
  private LiveState withEcsService(LiveState state, String arn) throws Exception {
    Plan first = Planner.plan(compile(SOURCE), live(asCreated("", "")), "test", 5);
    ObjectNode body = of(first, "service prod/web").steps().stream().filter(s -> s.operation().equals("CreateService"))
        .findFirst().orElseThrow().body().deepCopy();
    body.remove("tags");
    ((ObjectNode) body.at("/serviceRegistries/0")).put("registryArn", arn);
    state.put(new LiveResource(new ResourceId(ResourceKind.SERVICE, "prod", "web"), Map.of("CreateService", body),
        Map.of("ecsl:project", "shop"), "arn:aws:ecs:us-east-1:123456789012:service/prod/web", null,
        Map.of("schedulingStrategy", "REPLICA", "runningCount", "1", "desiredCount", "1")));
    return state;
  }

  @Test
  void aReplacedServiceThatAnEcsServiceUsesTakesItOffFirstAndSaysSo() throws Exception {
    LiveState state = withEcsService(withInstances(live(asCreated("\"MULTIVALUE\"", "\"WEIGHTED\"")), "some"), ARN);
    Plan plan = Planner.plan(compile(SOURCE), state, "test", 5);
    ResourcePlan api = of(plan, "discovery service api");
    assertEquals(Action.REPLACE, api.action(), api.toString());
    assertEquals(List.of("UpdateService", "WaitServiceStable", "DeleteService", "CreateService"),
        api.steps().stream().map(Step::operation).toList());
    assertEquals("ecs", api.steps().get(0).service());
    assertEquals("{\"cluster\":\"prod\",\"service\":\"web\",\"serviceRegistries\":[]}",
        api.steps().get(0).body().toString(), "ECS's way of removing a registry is an empty list");
    assertEquals("{\"cluster\":\"prod\",\"service\":\"web\"}", api.steps().get(1).body().toString());
    assertEquals("srv-1", api.steps().get(2).body().path("Id").asText());
    assertEquals(2, api.reasons().size(), api.reasons().toString());
    assertTrue(api.reasons().get(0).contains("routing policy"), api.reasons().toString());
    String order = api.reasons().get(1);
    assertTrue(order.contains("service prod/web is first updated with no registry")
        && order.contains("then the old Cloud Map service is deleted and the new one created")
        && order.contains("registered in it with its new ARN"), order);
    // The ECS service's own plan, after the discovery service's, registers it in the new one.
    ResourcePlan web = of(plan, "service prod/web");
    assertTrue(web.dependsOn().contains("discovery service api"), web.dependsOn().toString());
    Step update = web.steps().stream().filter(s -> s.operation().equals("UpdateService")).findFirst()
        .orElseThrow(() -> new AssertionError(web.toString()));
    assertEquals("${discovery-service:api}", update.body().at("/serviceRegistries/0/registryArn").asText(), update.body()
        .toString());
    // Both plan formats say it.
    ObjectNode json = PlanJson.write(plan, false);
    assertTrue(json.toString().contains("is first updated with no registry"), "--format json");
    assertTrue(io.ecsl.deploy.render.TextRenderer.render(json, false).contains("is first updated with no registry"),
        "text");
  }

  @Test
  void aServiceWithInstancesNoEcsServiceOfTheProjectRegisteredIsRefusedBeforeAnythingChanges() throws Exception {
    EcsModel model = compile(SOURCE);
    LiveState state = withInstances(live(asCreated("\"MULTIVALUE\"", "\"WEIGHTED\"")), "some");
    PlanRefused refused = org.junit.jupiter.api.Assertions.assertThrows(PlanRefused.class,
        () -> Planner.plan(model, state, "test", 5));
    assertEquals(1, refused.problems().size(), refused.problems().toString());
    String message = refused.problems().get(0);
    assertTrue(message.startsWith("discovery service api must be replaced (a discovery service's routing policy"), message);
    assertTrue(message.contains("no ECS service of this project put there") && message.contains("ResourceInUse")
        && message.contains("--service-id srv-1") && message.contains("deregister-instance"), message);
    // An ECS service of another registry does not count as using it.
    withEcsService(state, "arn:aws:servicediscovery:us-east-1:123456789012:service/srv-other");
    org.junit.jupiter.api.Assertions.assertThrows(PlanRefused.class, () -> Planner.plan(model, state, "test", 5));
    // Without instances the replacement goes ahead as before.
    Plan plan = Planner.plan(model, withInstances(live(asCreated("\"MULTIVALUE\"", "\"WEIGHTED\"")), "none"), "test", 5);
    assertEquals(List.of("DeleteService", "CreateService"),
        of(plan, "discovery service api").steps().stream().map(Step::operation).toList());
  }

  @Test
  void replacingANamespaceWithADiscoveryServiceInItIsRefused() throws Exception {
    LiveState state = new LiveState(false);
    state.namespaceName("ns-1", "internal");
    state.put(new LiveResource(new ResourceId(ResourceKind.NAMESPACE, null, "internal"),
        Map.of("CreateHttpNamespace", json("{\"Name\":\"internal\"}")), Map.of("ecsl:project", "shop"),
        "arn:aws:servicediscovery:us-east-1:123456789012:namespace/ns-1", null, Map.of("Id", "ns-1", "Type", "HTTP")));
    state.put(new LiveResource(new ResourceId(ResourceKind.DISCOVERY_SERVICE, null, "api"),
        Map.of("CreateService", json(asCreated("", ""))), Map.of("ecsl:project", "shop"), ARN, null,
        Map.of("Id", "srv-1", "Type", "DNS_HTTP", "Instances", "none")));
    PlanRefused refused = org.junit.jupiter.api.Assertions.assertThrows(PlanRefused.class,
        () -> Planner.plan(compile(SOURCE), state, "test", 5));
    String message = String.join("\n", refused.problems());
    assertTrue(message.startsWith("namespace internal must be replaced (the namespace type cannot change in place"), message);
    assertTrue(message.contains("discovery service api is in it") && message.contains("another name"), message);
  }

  @Test
  void aNamespaceGivenAnotherNameTakesItsDiscoveryServiceAlongInOrder() throws Exception {
    // What the refusal above advises: the new namespace under another name.
    String renamed = SOURCE.replace("namespace internal { type = private_dns, vpc = \"vpc-1\" }",
        "namespace internal2 { type = http }").replace("discovery_service api in internal {", "discovery_service api in internal2 {")
        .replace("dns { record A = 10s }, ", "");
    LiveState state = withEcsService(withInstances(live(asCreated("", "")), "some"), ARN);
    Plan plan = Planner.plan(compile(renamed), state, "test", 5);
    assertEquals(Action.CREATE, of(plan, "namespace internal2").action());
    assertEquals(Action.DELETE, of(plan, "namespace internal").action(), "the old namespace, no longer declared");
    ResourcePlan api = of(plan, "discovery service api");
    assertEquals(Action.REPLACE, api.action(), api.toString());
    assertTrue(api.dependsOn().contains("namespace internal2"), api.dependsOn().toString());
    // No name clash in another namespace: create before destroy, the old one deleted after the ECS service moved.
    assertEquals(List.of("CreateService", "AfterDependents", "DeleteService"), api.steps().stream().map(Step::operation).toList());
    assertEquals("${namespace:internal2}", api.steps().get(0).body().path("NamespaceId").asText());
    assertEquals("srv-1", api.steps().get(2).body().path("Id").asText());
    assertTrue(api.reasons().get(1).startsWith("create before destroy: the new Cloud Map service is created in the other"
        + " namespace, service prod/web registered in it"), api.reasons().toString());
    assertTrue(of(plan, "service prod/web").dependsOn().contains("discovery service api"));
  }
}
