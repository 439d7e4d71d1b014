package io.ecsl.cli.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.testing.AwsCli;
import io.ecsl.testing.NeedsAwsCli;
import io.ecsl.testing.NeedsMoto;
import io.ecsl.testing.Processes;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * deploy.sh with Cloud Map discovery services, run twice by bash against moto_server with the real
 * AWS CLI: each discovery service is created in the namespace created before it (by its id), the
 * ECS service registers in the discovery service's ARN, and the second run finds the namespace and
 * the discovery service and creates neither again.
 */
@NeedsMoto
@NeedsAwsCli
class CloudMapDeployScriptMotoTest {
  @TempDir static Path work;

  private static DeployScriptOnMoto moto;
  private static Map<String, String> env;
  private static Processes.Result firstRun;
  private static Processes.Result secondRun;

  @BeforeAll
  static void buildAndDeployTwice() throws Exception {
    moto = new DeployScriptOnMoto();
    env = moto.env;
    String vpc = moto.text("ec2", "create-vpc", "--cidr-block", "10.0.0.0/16", "--query", "Vpc.VpcId", "--output", "text");
    String subnet = moto.text("ec2", "create-subnet", "--vpc-id", vpc, "--cidr-block", "10.0.1.0/24", "--availability-zone",
        "us-east-1a", "--query", "Subnet.SubnetId", "--output", "text");
    // moto's CreateService needs security groups in an awsvpc configuration.
    String sg = moto.text("ec2", "create-security-group", "--group-name", "api", "--description", "api", "--vpc-id", vpc,
        "--query", "GroupId", "--output", "text");
    String source = """
        project { name = "shop", account_id = "123456789012", region = "us-east-1" }
        namespace shop_local { name = "shop.local", type = private_dns, vpc = "@VPC@" }
        namespace internal {}
        discovery_service api in shop_local {
          description = "the api tasks"
          dns { record A = 10s, routing = multivalue }
          health_check = custom
        }
        discovery_service worker in internal {}
        cluster prod {}
        task api {
          cpu = 0.25 vcpu; memory = 512 MiB; network = awsvpc; compatibilities = [FARGATE]
          container app { image = "ecsl/busybox:1.35", port http = 8080/tcp }
        }
        service api in prod {
          task = api; desired = 1; launch_type = FARGATE
          network { subnets = ["@SUBNET@"], security_groups = ["@SG@"] }
          registry { service = api }
        }
        """.replace("@VPC@", vpc).replace("@SUBNET@", subnet).replace("@SG@", sg);
    DeployScriptOnMoto.Runs runs = moto.buildAndDeployTwice(work, source);
    firstRun = runs.first();
    secondRun = runs.second();
  }

  @AfterAll
  static void stopMoto() {
    if (moto != null) {
      moto.close();
    }
  }

  private static String namespaceId(String name) throws Exception {
    for (JsonNode ns : AwsCli.json(env, "servicediscovery", "list-namespaces").path("Namespaces")) {
      if (ns.path("Name").asText().equals(name)) {
        return ns.path("Id").asText();
      }
    }
    throw new AssertionError("no namespace " + name);
  }

  private static JsonNode discoveryService(String name) throws Exception {
    for (JsonNode s : AwsCli.json(env, "servicediscovery", "list-services").path("Services")) {
      if (s.path("Name").asText().equals(name)) {
        return AwsCli.json(env, "servicediscovery", "get-service", "--id", s.path("Id").asText()).path("Service");
      }
    }
    throw new AssertionError("no discovery service " + name);
  }

  @Test
  void eachDiscoveryServiceIsCreatedInItsNamespace() throws Exception {
    assertEquals(0, firstRun.exitCode(), firstRun.stdout() + firstRun.stderr());
    JsonNode api = discoveryService("api");
    assertEquals(namespaceId("shop.local"), api.path("NamespaceId").asText(), api.toString());
    assertEquals("the api tasks", api.path("Description").asText());
    assertEquals("A", api.at("/DnsConfig/DnsRecords/0/Type").asText(), api.toString());
    assertEquals(10, api.at("/DnsConfig/DnsRecords/0/TTL").asInt(), api.toString());
    assertEquals(namespaceId("internal"), discoveryService("worker").path("NamespaceId").asText());
  }

  @Test
  void theEcsServiceRegistersInTheDiscoveryServicesArn() throws Exception {
    assertEquals(0, firstRun.exitCode(), firstRun.stdout() + firstRun.stderr());
    JsonNode service = AwsCli.json(env, "ecs", "describe-services", "--cluster", "prod", "--services", "api").at("/services/0");
    assertEquals(discoveryService("api").path("Arn").asText(), service.at("/serviceRegistries/0/registryArn").asText(),
        service.toString());
  }

  @Test
  void theSecondRunFindsEachNamespaceAndDiscoveryServiceAndCreatesNothingAgain() throws Exception {
    assertEquals(0, secondRun.exitCode(), secondRun.stdout() + secondRun.stderr());
    for (String step : List.of("namespace shop.local", "namespace internal", "discovery service api", "discovery service worker")) {
      int at = secondRun.stdout().indexOf(step);
      assertTrue(at >= 0 && secondRun.stdout().indexOf("exists: left as it is", at) > at, step + ":\n" + secondRun.stdout());
    }
    assertEquals(2, AwsCli.json(env, "servicediscovery", "list-services").path("Services").size());
    assertEquals(2, AwsCli.json(env, "servicediscovery", "list-namespaces").path("Namespaces").size());
  }
}
