package io.ecsl.cli.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.cli.Main;
import io.ecsl.emit.Json;
import io.ecsl.testing.InProcessCli;
import io.ecsl.testing.NeedsAwsCli;
import io.ecsl.testing.NeedsMoto;
import io.ecsl.testing.Processes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * plan, apply and destroy of a Cloud Map discovery service against a real moto_server, judged by
 * the AWS CLI: apply creates the namespace, then the discovery service in it (by the id the
 * namespace's operation gives), then the ECS service registered in it by its ARN; a second plan has
 * no changes; a TTL is one UpdateService; a routing policy replaces the service, and the ECS service
 * follows it to the new ARN; destroy removes the discovery service before its namespace. A service
 * of the same name in another namespace, made by someone else, is neither planned nor touched. What
 * {@code ecsl import} makes of get-service's output plans clean against the service it describes.
 */
@NeedsMoto
@NeedsAwsCli
class DiscoveryServiceDeployMotoTest {
  private static final InProcessCli ECSL = new InProcessCli(Main::run);
  private static final String SOURCE = """
      project { name = "shop" }
      namespace internal { type = private_dns, vpc = "vpc-0abc" }
      discovery_service api in internal { dns { record A = 10s }, health_check = custom, description = "the api" }
      cluster prod {}
      task api {
        cpu = 0.25 vcpu; memory = 512 MiB; network = awsvpc; compatibilities = [FARGATE]
        container app { image = "ecsl/busybox:1.35", port http = 8080/tcp }
      }
      service api in prod {
        task = api; desired = 1; launch_type = FARGATE
        network { subnets = ["subnet-a"], security_groups = ["sg-api"] }
        registry { service = api }
      }
      """;
  private static DeployOnMoto moto;

  @TempDir Path tmp;

  @BeforeAll
  static void startMoto() throws Exception {
    moto = DeployOnMoto.start();
  }

  @AfterAll
  static void stopMoto() {
    moto.close();
  }

  private static String namespaceId(String region, String name) throws Exception {
    for (JsonNode ns : moto.aws(region, "servicediscovery", "list-namespaces").path("Namespaces")) {
      if (ns.path("Name").asText().equals(name)) {
        return ns.path("Id").asText();
      }
    }
    return null;
  }

  /** The Cloud Map services named {@code name}, by namespace id. */
  private static Map<String, JsonNode> services(String region, String name) throws Exception {
    Map<String, JsonNode> out = new TreeMap<>();
    for (JsonNode s : moto.aws(region, "servicediscovery", "list-services").path("Services")) {
      if (s.path("Name").asText().equals(name)) {
        JsonNode full = moto.aws(region, "servicediscovery", "get-service", "--id", s.path("Id").asText()).path("Service");
        String ns = full.path("NamespaceId").asText();
        out.put(ns.substring(ns.lastIndexOf('/') + 1), full); // moto answers with what it was sent, an ARN too
      }
    }
    return out;
  }

  private static String registryArn(String region) throws Exception {
    return moto.aws(region, "ecs", "describe-services", "--cluster", "prod", "--services", "api")
        .at("/services/0/serviceRegistries/0/registryArn").asText();
  }

  private static Map<String, JsonNode> changed(Processes.Result json) throws Exception {
    Map<String, JsonNode> out = new TreeMap<>();
    Json.mapper().readTree(json.stdout()).path("resources").forEach(r -> {
      if (!r.path("action").asText().equals("no-change")) {
        out.put(r.path("address").asText(), r);
      }
    });
    return out;
  }

  @Test
  void applyCreatesUpdatesReplacesAndDestroysTheDiscoveryService() throws Exception {
    String region = "eu-west-1";
    // someone else's `api`, in a namespace of their own
    String op = moto.aws(region, "servicediscovery", "create-http-namespace", "--name", "other").path("OperationId").asText();
    String other = moto.aws(region, "servicediscovery", "get-operation", "--operation-id", op).at("/Operation/Targets/NAMESPACE")
        .asText();
    moto.aws(region, "servicediscovery", "create-service", "--name", "api", "--namespace-id", other);

    Path project = DeployOnMoto.project(tmp, SOURCE);
    Processes.Result apply = ECSL.run(moto.args("apply", region, project.toString(), "--auto-approve", "--no-wait"));
    assertEquals(0, apply.exitCode(), apply.toString());
    String internal = namespaceId(region, "internal");
    Map<String, JsonNode> apis = services(region, "api");
    assertEquals(java.util.Set.of(internal, other), apis.keySet(), apis.toString());
    JsonNode ours = apis.get(internal);
    assertEquals(10, ours.at("/DnsConfig/DnsRecords/0/TTL").asInt(), ours.toString());
    assertEquals("the api", ours.path("Description").asText());
    assertTrue(moto.aws(region, "servicediscovery", "list-tags-for-resource", "--resource-arn", ours.path("Arn").asText())
        .toString().contains("{\"Key\":\"ecsl:project\",\"Value\":\"shop\"}"), "the owner tag");
    assertEquals(ours.path("Arn").asText(), registryArn(region), "the ECS service registers in the discovery service");

    Processes.Result clean = ECSL.run(moto.args("plan", region, project.toString(), "--detailed-exitcode"));
    assertEquals(0, clean.exitCode(), "a second plan must have no changes: " + clean);

    // a TTL: one UpdateService, awaited, and the plan is clean again
    Files.writeString(project.resolve("main.ecs"), SOURCE.replace("record A = 10s", "record A = 30s"));
    Map<String, JsonNode> ttl = changed(ECSL.run(moto.args("plan", region, project.toString(), "--format", "json")));
    assertEquals(java.util.Set.of("discovery service api"), ttl.keySet(), ttl.toString());
    JsonNode update = ttl.get("discovery service api");
    assertEquals("update", update.path("action").asText(), update.toString());
    assertEquals("UpdateService", update.at("/steps/0/operation").asText(), update.toString());
    assertEquals(0, ECSL.run(moto.args("apply", region, project.toString(), "--auto-approve", "--no-wait")).exitCode());
    assertEquals(30, services(region, "api").get(internal).at("/DnsConfig/DnsRecords/0/TTL").asInt());
    assertEquals(ours.path("Arn").asText(), services(region, "api").get(internal).path("Arn").asText(), "updated in place");
    assertEquals(0, ECSL.run(moto.args("plan", region, project.toString(), "--detailed-exitcode")).exitCode());

    // the routing policy: a replacement, with its reason, and the ECS service follows to the new ARN
    String weighted = SOURCE.replace("record A = 10s", "record A = 30s, routing = weighted");
    Files.writeString(project.resolve("main.ecs"), weighted);
    Processes.Result text = ECSL.run(moto.args("plan", region, project.toString()));
    assertTrue(text.stdout().contains("replace") && text.stdout().contains("routing policy cannot change in place"),
        text.stdout());
    Map<String, JsonNode> routing = changed(ECSL.run(moto.args("plan", region, project.toString(), "--format", "json")));
    assertEquals("replace", routing.get("discovery service api").path("action").asText(), routing.toString());
    assertTrue(routing.get("discovery service api").path("reasons").toString().contains("routing policy"), routing.toString());
    assertTrue(routing.containsKey("service prod/api"), "the ECS service gets the new ARN: " + routing.keySet());
    Processes.Result replace = ECSL.run(moto.args("apply", region, project.toString(), "--auto-approve", "--no-wait"));
    assertEquals(0, replace.exitCode(), replace.toString());
    JsonNode replaced = services(region, "api").get(internal);
    assertEquals("WEIGHTED", replaced.at("/DnsConfig/RoutingPolicy").asText(), replaced.toString());
    assertNotEquals(ours.path("Arn").asText(), replaced.path("Arn").asText());
    assertEquals(replaced.path("Arn").asText(), registryArn(region));
    assertEquals(0, ECSL.run(moto.args("plan", region, project.toString(), "--detailed-exitcode")).exitCode());

    Processes.Result destroy = ECSL.run(moto.args("destroy", region, project.toString(), "--auto-approve"));
    assertEquals(0, destroy.exitCode(), destroy.toString());
    int deleteService = destroy.stderr().indexOf("discovery service api: DeleteService");
    assertTrue(deleteService >= 0 && deleteService < destroy.stderr().indexOf("namespace internal: DeleteNamespace")
        && deleteService > destroy.stderr().indexOf("service prod/api: DeleteService"), destroy.stderr());
    assertEquals(java.util.Set.of(other), services(region, "api").keySet(), "only the other namespace's api is left");
    assertEquals(null, namespaceId(region, "internal"));
  }

  @Test
  void aDiscoveryServiceInANamespaceManagedElsewhereIsPlannedByItsId() throws Exception {
    String region = "us-west-2";
    String op = moto.aws(region, "servicediscovery", "create-http-namespace", "--name", "shared").path("OperationId").asText();
    String shared = moto.aws(region, "servicediscovery", "get-operation", "--operation-id", op).at("/Operation/Targets/NAMESPACE")
        .asText();
    String arn = "arn:aws:servicediscovery:" + region + ":123456789012:namespace/" + shared;
    Path project = DeployOnMoto.project(tmp, """
        project { name = "shop" }
        discovery_service jobs in "%s" { description = "queue workers" }
        """.formatted(arn));
    assertEquals(0, ECSL.run(moto.args("apply", region, project.toString(), "--auto-approve")).exitCode());
    assertEquals(java.util.Set.of(shared), services(region, "jobs").keySet());
    assertEquals(0, ECSL.run(moto.args("plan", region, project.toString(), "--detailed-exitcode")).exitCode(),
        "the namespace's ARN in the declaration and its id in the target are the same namespace");

    // `ecsl import` of what get-service prints declares the same service: planned against the target, no changes
    String id = moto.aws(region, "servicediscovery", "list-services").at("/Services/0/Id").asText();
    Path json = Files.writeString(tmp.resolve("jobs.json"), moto.aws(region, "servicediscovery", "get-service", "--id", id).toString());
    Processes.Result imported = ECSL.run("import", json.toString());
    assertEquals(0, imported.exitCode(), imported.toString());
    assertTrue(imported.stdout().contains("discovery_service jobs in "), imported.stdout());
    Path reimported = Files.createDirectories(tmp.resolve("reimported"));
    Files.writeString(reimported.resolve("main.ecs"), "project { name = \"shop\" }\n" + imported.stdout());
    Processes.Result same = ECSL.run(moto.args("plan", region, reimported.toString(), "--detailed-exitcode"));
    assertEquals(0, same.exitCode(), "the imported declaration plans clean: " + same + "\n" + imported.stdout());
    assertEquals(0, ECSL.run(moto.args("destroy", region, project.toString(), "--auto-approve")).exitCode());
    assertEquals(Map.of(), services(region, "jobs"));
    assertEquals(shared, namespaceId(region, "shared"), "the namespace managed elsewhere stays");
  }

  @Test
  void replacingAServiceWithInstancesNoEcsServiceRegisteredIsRefusedBeforeAnythingChanges() throws Exception {
    String region = "ap-southeast-2";
    String source = """
        project { name = "shop" }
        namespace internal { type = private_dns, vpc = "vpc-0abc" }
        discovery_service jobs in internal { dns { record A = 10s }, health_check = custom }
        """;
    Path project = DeployOnMoto.project(tmp, source);
    assertEquals(0, ECSL.run(moto.args("apply", region, project.toString(), "--auto-approve")).exitCode());
    JsonNode jobs = services(region, "jobs").get(namespaceId(region, "internal"));
    // registered by something other than an ECS service of the project
    moto.aws(region, "servicediscovery", "register-instance", "--service-id", jobs.path("Id").asText(), "--instance-id",
        "worker-1", "--attributes", "AWS_INSTANCE_IPV4=10.0.0.9");

    Files.writeString(project.resolve("main.ecs"), source.replace("record A = 10s", "record A = 10s, routing = weighted"));
    for (String command : List.of("plan", "apply")) {
      Processes.Result refused = command.equals("plan") ? ECSL.run(moto.args("plan", region, project.toString()))
          : ECSL.run(moto.args("apply", region, project.toString(), "--auto-approve"));
      assertEquals(1, refused.exitCode(), refused.toString());
      assertTrue(refused.stderr().contains("error: discovery service jobs must be replaced (a discovery service's routing"
          + " policy cannot change in place") && refused.stderr().contains("--service-id " + jobs.path("Id").asText())
          && refused.stderr().contains("ecsl: nothing was planned: 1 resource cannot be changed as declared"),
          refused.stderr());
    }
    JsonNode after = services(region, "jobs").get(namespaceId(region, "internal"));
    assertEquals(jobs.path("Id").asText(), after.path("Id").asText(), "nothing changed");
    assertEquals(jobs.path("DnsConfig"), after.path("DnsConfig"), "not replaced, not updated: " + after);
  }
}
