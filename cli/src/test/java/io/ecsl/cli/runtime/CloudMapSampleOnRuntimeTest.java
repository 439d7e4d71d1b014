package io.ecsl.cli.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.cli.Main;
import io.ecsl.runtime.json.Json;
import io.ecsl.testing.AwsCli;
import io.ecsl.testing.InProcessCli;
import io.ecsl.testing.NeedsAwsCli;
import io.ecsl.testing.NeedsDocker;
import io.ecsl.testing.Processes;
import io.ecsl.testing.RepoPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * samples/cloud-map planned, applied and destroyed on the local runtime, whose Cloud Map API has
 * services and instances: apply creates the namespace shop.local, the discovery service api in it
 * (by the namespace's id, from its operation) and the ECS service api registered in it by its ARN,
 * whose two tasks become its instances; a plan right after finds nothing to change; a TTL is an
 * UpdateService in place; destroy deletes the discovery service once the ECS service's tasks are
 * deregistered, and then the namespace.
 */
@NeedsDocker
@NeedsAwsCli
class CloudMapSampleOnRuntimeTest {
  private static final InProcessCli ECSL = new InProcessCli(Main::run);
  @RegisterExtension final TestRuntime runtime = new TestRuntime();
  @TempDir Path dir;

  private Path project(String ttl) throws Exception {
    String sample = Files.readString(RepoPaths.samples().resolve("cloud-map/main.ecs"));
    String source = sample.replace("record A = 5s", "record A = " + ttl);
    assertTrue(source.contains("record A = " + ttl) && source.contains("registry { service = api }"),
        "the sample changed: update this test");
    return TestRuntime.project(dir.resolve("project"), source);
  }

  private Map<String, String> awsEnvironment() {
    JsonNode env = Json.parse(ECSL.run("runtime", "env", "--data-dir", runtime.dir(), "--format", "json").stdout());
    Map<String, String> out = new HashMap<>(AwsCli.environment(env.path("AWS_ENDPOINT_URL").asText(),
        env.path("AWS_ACCESS_KEY_ID").asText(), env.path("AWS_SECRET_ACCESS_KEY").asText()));
    env.properties().forEach(e -> out.put(e.getKey(), e.getValue().asText()));
    return out;
  }

  private JsonNode aws(String... args) throws Exception {
    return AwsCli.json(awsEnvironment(), args);
  }

  private String namespaceId() throws Exception {
    for (JsonNode ns : aws("servicediscovery", "list-namespaces").path("Namespaces")) {
      if (ns.path("Name").asText().equals("shop.local")) {
        return ns.path("Id").asText();
      }
    }
    return null;
  }

  private Map<String, String> actions(Path project) {
    Processes.Result plan = runtime.plan(project, "--format", "json");
    assertEquals(0, plan.exitCode(), plan.output());
    Map<String, String> out = new TreeMap<>();
    for (JsonNode r : Json.parse(plan.stdout()).path("resources")) {
      out.put(r.path("address").asText(), r.path("action").asText());
    }
    return out;
  }

  @Test
  void theSampleCreatesItsDiscoveryServiceRegistersTheTasksAndIsDestroyed() throws Exception {
    Path v1 = project("5s");
    Processes.Result apply = runtime.apply(v1);
    assertEquals(0, apply.exitCode(), apply.output());

    String ns = namespaceId();
    JsonNode services = aws("servicediscovery", "list-services", "--filters", "Name=NAMESPACE_ID,Values=" + ns + ",Condition=EQ")
        .path("Services");
    assertEquals(1, services.size(), services.toString());
    JsonNode api = aws("servicediscovery", "get-service", "--id", services.at("/0/Id").asText()).path("Service");
    assertEquals("api", api.path("Name").asText());
    assertEquals(5, api.at("/DnsConfig/DnsRecords/0/TTL").asInt(), api.toString());
    assertEquals(api.path("Arn").asText(), aws("ecs", "describe-services", "--cluster", "shop", "--services", "api")
        .at("/services/0/serviceRegistries/0/registryArn").asText(), "the ECS service registers in the discovery service");
    JsonNode instances = aws("servicediscovery", "list-instances", "--service-id", api.path("Id").asText()).path("Instances");
    assertEquals(2, instances.size(), "both api tasks are registered: " + instances);

    assertTrue(actions(v1).values().stream().allMatch("no-change"::equals), actions(v1).toString());

    Path v2 = project("15s");
    Map<String, String> changed = new TreeMap<>(actions(v2));
    changed.values().removeIf("no-change"::equals);
    assertEquals(Map.of("discovery service api", "update"), changed);
    Processes.Result update = runtime.apply(v2);
    assertEquals(0, update.exitCode(), update.output());
    JsonNode updated = aws("servicediscovery", "get-service", "--id", api.path("Id").asText()).path("Service");
    assertEquals(15, updated.at("/DnsConfig/DnsRecords/0/TTL").asInt(), updated.toString());
    assertTrue(actions(v2).values().stream().allMatch("no-change"::equals), actions(v2).toString());

    Processes.Result destroy = ECSL.run("destroy", v2.toString(), "--auto-approve", "--target", "local", "--runtime-dir",
        runtime.dir(), "--poll-interval", "1s");
    assertEquals(0, destroy.exitCode(), destroy.output());
    assertEquals(0, aws("servicediscovery", "list-services").path("Services").size());
    assertEquals(null, namespaceId());
  }

  /**
   * Replacing the discovery service the ECS service api is registered in (routing policy MULTIVALUE →
   * WEIGHTED): the runtime, as Cloud Map, refuses to delete a service with instances and to create a
   * second one of the same name in the namespace, so apply takes api off it first (UpdateService with
   * no registry, waited for), deletes it, creates the new one, and registers api in it. It succeeds
   * within a short wait timeout, with api's tasks the new service's instances and the old one gone.
   */
  @Test
  void replacingTheDiscoveryServiceMovesTheEcsServiceToTheNewOne() throws Exception {
    Path v1 = project("5s");
    Processes.Result apply = runtime.apply(v1);
    assertEquals(0, apply.exitCode(), apply.output());
    String ns = namespaceId();
    String oldId = aws("servicediscovery", "list-services", "--filters", "Name=NAMESPACE_ID,Values=" + ns + ",Condition=EQ")
        .at("/Services/0/Id").asText();

    String source = Files.readString(v1.resolve("main.ecs")).replace("record A = 5s", "record A = 5s, routing = weighted");
    Path v2 = TestRuntime.project(dir.resolve("project"), source);
    Processes.Result plan = runtime.plan(v2, "--format", "json");
    assertEquals(0, plan.exitCode(), plan.output());
    Map<String, String> changed = new TreeMap<>();
    JsonNode replaced = null;
    for (JsonNode r : Json.parse(plan.stdout()).path("resources")) {
      if (!r.path("action").asText().equals("no-change")) {
        changed.put(r.path("address").asText(), r.path("action").asText());
      }
      if (r.path("address").asText().equals("discovery service api")) {
        replaced = r;
      }
    }
    assertEquals(Map.of("discovery service api", "replace", "service shop/api", "redeploy"), changed);
    assertTrue(replaced.path("reasons").toString().contains("service shop/api is first updated with no registry"),
        replaced.toString());

    Processes.Result update = runtime.apply(v2, "--wait-timeout", "3m");
    assertEquals(0, update.exitCode(), update.output());

    JsonNode services = aws("servicediscovery", "list-services", "--filters", "Name=NAMESPACE_ID,Values=" + ns
        + ",Condition=EQ").path("Services");
    assertEquals(1, services.size(), "the old service is gone: " + services);
    JsonNode api = aws("servicediscovery", "get-service", "--id", services.at("/0/Id").asText()).path("Service");
    assertTrue(!api.path("Id").asText().equals(oldId), "a new Cloud Map service: " + api);
    assertEquals("WEIGHTED", api.at("/DnsConfig/RoutingPolicy").asText(), api.toString());
    assertEquals(api.path("Arn").asText(), aws("ecs", "describe-services", "--cluster", "shop", "--services", "api")
        .at("/services/0/serviceRegistries/0/registryArn").asText(), "the ECS service moved to the new discovery service");
    java.util.Set<String> tasks = new java.util.TreeSet<>();
    for (JsonNode arn : aws("ecs", "list-tasks", "--cluster", "shop", "--service-name", "api", "--desired-status", "RUNNING")
        .path("taskArns")) {
      tasks.add(arn.asText().substring(arn.asText().lastIndexOf('/') + 1));
    }
    assertEquals(2, tasks.size(), tasks.toString());
    java.util.Set<String> registered = new java.util.TreeSet<>();
    long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
    while (!registered.equals(tasks) && System.nanoTime() < deadline) { // the discovery pass after the last wait
      registered.clear();
      aws("servicediscovery", "list-instances", "--service-id", api.path("Id").asText()).path("Instances")
          .forEach(i -> registered.add(i.path("Id").asText()));
      if (!registered.equals(tasks)) {
        Thread.sleep(500);
      }
    }
    assertEquals(tasks, registered, "api's running tasks are the new service's instances");
    assertTrue(actions(v2).values().stream().allMatch("no-change"::equals), actions(v2).toString());

    Processes.Result destroy = ECSL.run("destroy", v2.toString(), "--auto-approve", "--target", "local", "--runtime-dir",
        runtime.dir(), "--poll-interval", "1s");
    assertEquals(0, destroy.exitCode(), destroy.output());
    assertEquals(null, namespaceId());
  }

  /**
   * What the plan advises when a namespace with discovery services in it would be replaced: the new
   * namespace under another name. The discovery service is replaced into it create before destroy
   * (no name clash in another namespace): the new one created, the ECS service registered in it, then
   * the old one deleted (the runtime refuses while tasks are registered in it), and the old
   * namespace, no longer declared, deleted after them.
   */
  @Test
  void aNamespaceUnderAnotherNameTakesTheDiscoveryServiceAndTheEcsServiceAlong() throws Exception {
    Path v1 = project("5s");
    Processes.Result apply = runtime.apply(v1);
    assertEquals(0, apply.exitCode(), apply.output());
    String source = Files.readString(v1.resolve("main.ecs"))
        .replace("namespace shop_local { name = \"shop.local\"", "namespace shop_internal { name = \"shop.internal\"")
        .replace("discovery_service api in shop_local", "discovery_service api in shop_internal");
    assertTrue(source.contains("discovery_service api in shop_internal"), "the sample changed: update this test");
    Path v2 = TestRuntime.project(dir.resolve("project"), source);
    Processes.Result plan = runtime.plan(v2, "--format", "json");
    assertEquals(0, plan.exitCode(), plan.output());
    assertTrue(plan.stdout().contains("create before destroy: the new Cloud Map service is created in the other namespace,"
        + " service shop/api registered in it"), plan.stdout());
    Processes.Result moved = runtime.apply(v2, "--wait-timeout", "3m");
    assertEquals(0, moved.exitCode(), moved.output());

    assertEquals(null, namespaceId(), "the old namespace is deleted");
    String internal = null;
    for (JsonNode ns : aws("servicediscovery", "list-namespaces").path("Namespaces")) {
      if (ns.path("Name").asText().equals("shop.internal")) {
        internal = ns.path("Id").asText();
      }
    }
    JsonNode services = aws("servicediscovery", "list-services").path("Services");
    assertEquals(1, services.size(), services.toString());
    JsonNode api = aws("servicediscovery", "get-service", "--id", services.at("/0/Id").asText()).path("Service");
    assertEquals(internal, api.path("NamespaceId").asText(), api.toString());
    assertEquals(api.path("Arn").asText(), aws("ecs", "describe-services", "--cluster", "shop", "--services", "api")
        .at("/services/0/serviceRegistries/0/registryArn").asText(), "the ECS service moved to the new discovery service");
    assertTrue(actions(v2).values().stream().allMatch("no-change"::equals), actions(v2).toString());

    Processes.Result destroy = ECSL.run("destroy", v2.toString(), "--auto-approve", "--target", "local", "--runtime-dir",
        runtime.dir(), "--poll-interval", "1s");
    assertEquals(0, destroy.exitCode(), destroy.output());
  }
}
