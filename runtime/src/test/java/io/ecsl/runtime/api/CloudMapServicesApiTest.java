package io.ecsl.runtime.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.runtime.TestRuntimes;
import io.ecsl.runtime.client.RuntimeClient;
import io.ecsl.runtime.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.SdkAdvancedClientOption;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.servicediscovery.ServiceDiscoveryClient;
import software.amazon.awssdk.services.servicediscovery.model.DiscoverInstancesResponse;
import software.amazon.awssdk.services.servicediscovery.model.HealthStatus;
import software.amazon.awssdk.services.servicediscovery.model.HealthStatusFilter;
import software.amazon.awssdk.services.servicediscovery.model.ServiceNotFoundException;

/**
 * Cloud Map services and instances on the runtime's API: the model's shapes, Cloud Map's errors,
 * health and discovery, through the raw protocol and through the AWS SDK's client.
 */
class CloudMapServicesApiTest {
  private static final String PREFIX = "Route53AutoNaming_v20170314.";
  private final ModelShapes model = ModelShapes.of("servicediscovery");
  private final List<String> problems = new ArrayList<>();
  private TestRuntimes runtime;
  private RuntimeClient client;

  @BeforeEach
  void start() {
    runtime = TestRuntimes.inMemory();
    client = runtime.client();
  }

  @AfterEach
  void stop() {
    runtime.close();
  }

  private JsonNode call(String operation, String body) {
    JsonNode response = client.call(PREFIX + operation, Json.parse(body));
    problems.addAll(model.check(operation, response));
    return response;
  }

  private String error(String operation, String body) {
    return assertThrows(RuntimeClient.ApiError.class, () -> client.call(PREFIX + operation, Json.parse(body))).type();
  }

  private String namespace(String operation, String name) {
    JsonNode op = call(operation, "{\"Name\":\"" + name + "\",\"Vpc\":\"vpc-1\"}");
    return call("GetOperation", "{\"OperationId\":\"" + op.get("OperationId").asText() + "\"}")
        .at("/Operation/Targets/NAMESPACE").asText();
  }

  @Test
  void servicesAndInstancesAnswerInTheModelsShapeWithCloudMapsErrors() {
    String ns = namespace("CreatePrivateDnsNamespace", "shop.local");
    JsonNode service = call("CreateService", "{\"Name\":\"api\",\"NamespaceId\":\"" + ns + "\",\"CreatorRequestId\":"
        + "\"r1\",\"DnsConfig\":{\"DnsRecords\":[{\"Type\":\"A\",\"TTL\":10}]},\"HealthCheckCustomConfig\":{},"
        + "\"Tags\":[{\"Key\":\"team\",\"Value\":\"a\"}]}").get("Service");
    String id = service.get("Id").asText();
    assertEquals("DNS_HTTP", service.get("Type").asText());
    assertEquals("MULTIVALUE", service.at("/DnsConfig/RoutingPolicy").asText());
    assertEquals(1, service.at("/HealthCheckCustomConfig/FailureThreshold").asInt());
    assertFalse(service.has("_revision"), "private members stay private");
    // The same CreatorRequestId is a retry; another is a conflict.
    assertEquals(id, call("CreateService", "{\"Name\":\"api\",\"NamespaceId\":\"" + ns + "\",\"CreatorRequestId\":"
        + "\"r1\",\"DnsConfig\":{\"DnsRecords\":[{\"Type\":\"A\",\"TTL\":10}]}}").at("/Service/Id").asText());
    assertEquals("ServiceAlreadyExists", error("CreateService", "{\"Name\":\"api\",\"NamespaceId\":\"" + ns + "\"}"));
    assertEquals("NamespaceNotFound", error("CreateService", "{\"Name\":\"x\",\"NamespaceId\":\"ns-nope\"}"));
    assertEquals("InvalidInput", error("CreateService", "{\"Name\":\"x\",\"NamespaceId\":\"" + ns + "\",\"DnsConfig\":"
        + "{\"DnsRecords\":[{\"Type\":\"A\",\"TTL\":1},{\"Type\":\"SRV\",\"TTL\":1}]}}"));
    assertEquals("InvalidInput", error("CreateService", "{\"Name\":\"bad name\",\"NamespaceId\":\"" + ns + "\"}"));
    assertEquals(1, call("ListTagsForResource", "{\"ResourceARN\":\"" + service.get("Arn").asText() + "\"}")
        .get("Tags").size());

    assertEquals("InvalidInput", error("RegisterInstance", "{\"ServiceId\":\"" + id + "\",\"InstanceId\":\"i1\","
        + "\"Attributes\":{\"AWS_INSTANCE_PORT\":\"80\"}}"));
    call("RegisterInstance", "{\"ServiceId\":\"" + id + "\",\"InstanceId\":\"i1\",\"CreatorRequestId\":\"c1\","
        + "\"Attributes\":{\"AWS_INSTANCE_IPV4\":\"10.0.0.1\",\"color\":\"blue\"}}");
    call("RegisterInstance", "{\"ServiceId\":\"" + id + "\",\"InstanceId\":\"i2\",\"Attributes\":"
        + "{\"AWS_INSTANCE_IPV4\":\"10.0.0.2\",\"color\":\"green\",\"AWS_INIT_HEALTH_STATUS\":\"UNHEALTHY\"}}");
    assertEquals(2, call("GetService", "{\"Id\":\"" + id + "\"}").at("/Service/InstanceCount").asInt());
    assertEquals("c1", call("GetInstance", "{\"ServiceId\":\"" + id + "\",\"InstanceId\":\"i1\"}")
        .at("/Instance/CreatorRequestId").asText());
    assertEquals(2, call("ListInstances", "{\"ServiceId\":\"" + id + "\"}").get("Instances").size());
    JsonNode health = call("GetInstancesHealthStatus", "{\"ServiceId\":\"" + id + "\"}").get("Status");
    assertEquals(Map.of("i1", "HEALTHY", "i2", "UNHEALTHY"), Json.stringMap(Json.object().set("s", health), "s"));

    JsonNode discovered = call("DiscoverInstances", "{\"NamespaceName\":\"shop.local\",\"ServiceName\":\"api\"}");
    assertEquals(1, discovered.get("Instances").size(), "only healthy instances by default");
    assertEquals("i1", discovered.at("/Instances/0/InstanceId").asText());
    long revision = discovered.get("InstancesRevision").asLong();
    assertEquals(2, call("DiscoverInstances", "{\"NamespaceName\":\"shop.local\",\"ServiceName\":\"api\","
        + "\"HealthStatus\":\"ALL\"}").get("Instances").size());
    assertEquals("i2", call("DiscoverInstances", "{\"NamespaceName\":\"shop.local\",\"ServiceName\":\"api\","
        + "\"HealthStatus\":\"ALL\",\"QueryParameters\":{\"color\":\"green\"}}").at("/Instances/0/InstanceId").asText());

    call("UpdateInstanceCustomHealthStatus", "{\"ServiceId\":\"" + id + "\",\"InstanceId\":\"i2\",\"Status\":\"HEALTHY\"}");
    long next = call("DiscoverInstancesRevision", "{\"NamespaceName\":\"shop.local\",\"ServiceName\":\"api\"}")
        .get("InstancesRevision").asLong();
    assertTrue(next > revision, "a health change is a new revision");
    assertEquals(2, call("DiscoverInstances", "{\"NamespaceName\":\"shop.local\",\"ServiceName\":\"api\"}")
        .get("Instances").size());

    call("UpdateService", "{\"Id\":\"" + id + "\",\"Service\":{\"Description\":\"d\",\"DnsConfig\":{\"DnsRecords\":"
        + "[{\"Type\":\"A\",\"TTL\":60}]}}}");
    assertEquals(60, call("GetService", "{\"Id\":\"" + id + "\"}").at("/Service/DnsConfig/DnsRecords/0/TTL").asInt());
    assertEquals("InvalidInput", error("UpdateService", "{\"Id\":\"" + id + "\",\"Service\":{\"DnsConfig\":"
        + "{\"DnsRecords\":[{\"Type\":\"SRV\",\"TTL\":60}]}}}"));

    assertEquals("ResourceInUse", error("DeleteService", "{\"Id\":\"" + id + "\"}"));
    assertEquals("ResourceInUse", error("DeleteNamespace", "{\"Id\":\"" + ns + "\"}"));
    call("DeregisterInstance", "{\"ServiceId\":\"" + id + "\",\"InstanceId\":\"i1\"}");
    call("DeregisterInstance", "{\"ServiceId\":\"" + id + "\",\"InstanceId\":\"i2\"}");
    assertEquals("InstanceNotFound", error("DeregisterInstance", "{\"ServiceId\":\"" + id + "\",\"InstanceId\":\"i2\"}"));
    assertEquals(1, call("ListServices", "{\"Filters\":[{\"Name\":\"NAMESPACE_ID\",\"Values\":[\"" + ns + "\"]}]}")
        .get("Services").size());
    call("DeleteService", "{\"Id\":\"" + id + "\"}");
    assertEquals("ServiceNotFound", error("GetService", "{\"Id\":\"" + id + "\"}"));
    call("DeleteNamespace", "{\"Id\":\"" + ns + "\"}");
    assertEquals(List.of(), problems);
  }

  @Test
  void httpNamespacesTakeApiOnlyServices() {
    String ns = namespace("CreateHttpNamespace", "shop");
    assertEquals("HTTP", call("CreateService", "{\"Name\":\"api\",\"NamespaceId\":\"" + ns + "\"}")
        .at("/Service/Type").asText());
    assertEquals("InvalidInput", error("CreateService", "{\"Name\":\"web\",\"NamespaceId\":\"" + ns + "\","
        + "\"DnsConfig\":{\"DnsRecords\":[{\"Type\":\"A\",\"TTL\":10}]}}"));
  }

  @Test
  void theAwsSdksServiceDiscoveryClientWorksAgainstTheRuntime() {
    try (ServiceDiscoveryClient sdk = ServiceDiscoveryClient.builder()
        .endpointOverride(runtime.server().endpoint())
        .region(Region.US_EAST_1)
        .httpClient(UrlConnectionHttpClient.create())
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
            runtime.credentials().accessKeyId(), runtime.credentials().secretAccessKey())))
        // DiscoverInstances is served from "data-" + the endpoint's host on AWS; a local endpoint has no such name.
        .overrideConfiguration(c -> c.putAdvancedOption(SdkAdvancedClientOption.DISABLE_HOST_PREFIX_INJECTION, true))
        .build()) {
      String op = sdk.createHttpNamespace(r -> r.name("orders")).operationId();
      String ns = sdk.getOperation(r -> r.operationId(op)).operation().targetsAsStrings().get("NAMESPACE");
      String id = sdk.createService(r -> r.name("billing").namespaceId(ns)
          .healthCheckCustomConfig(h -> h.failureThreshold(1))).service().id();
      sdk.registerInstance(r -> r.serviceId(id).instanceId("b-1").attributes(Map.of("url", "http://b1")));
      DiscoverInstancesResponse found = sdk.discoverInstances(r -> r.namespaceName("orders").serviceName("billing")
          .healthStatus(HealthStatusFilter.HEALTHY_OR_ELSE_ALL));
      assertEquals(1, found.instances().size());
      assertEquals(HealthStatus.HEALTHY, found.instances().get(0).healthStatus());
      assertEquals("http://b1", found.instances().get(0).attributes().get("url"));
      assertThrows(ServiceNotFoundException.class,
          () -> sdk.discoverInstances(r -> r.namespaceName("orders").serviceName("shipping")));
    }
  }
}
