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
import io.ecsl.testing.RepoPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The importer on small documents: shapes it recognises, idiomatic output, diagnostics at JSON locations. */
class ImporterTest {
  private static final Path RESOURCES = RepoPaths.root().resolve("compiler/src/test/resources/importer");

  private static Importer.Result importText(String name, String json) {
    return Importer.importSources(List.of(SourceFile.of(name, json)));
  }

  private static String render(Importer.Result r) {
    return new DiagnosticRenderer(false).render(r.diagnostics().sorted());
  }

  @Test
  void describeOutputBecomesIdiomaticSourceThatBuildsTheSameRequests(@TempDir Path dir) throws IOException {
    Importer.Result r = Importer.importFiles(List.of(RESOURCES.resolve("describe-task-definition.json"),
        RESOURCES.resolve("describe-services.json"), RESOURCES.resolve("create-cluster.json")));
    String source = r.source();
    for (String idiom : List.of("cluster prod {", "container_insights = enabled", "default_strategy = [FARGATE base 1 weight 1]",
        "task web {", "cpu = 0.5 vcpu", "memory = 1 GiB", "network = awsvpc", "compatibilities = [FARGATE]",
        "container app {", "port http = 8080/tcp { app_protocol = http }", "env { LOG_LEVEL = \"info\" }",
        "secret DB_PASSWORD from \"arn:aws:secretsmanager:eu-west-1:123456789012:secret:db\"", "ulimit nofile = 65536",
        "stop_timeout = 2m", "driver = awslogs", "command = \"wget -qO- localhost:8080/health\"", "interval = 10s",
        "tags { team = \"web\" }", "service web in prod {", "task = web", "desired = 3",
        "deployment { circuit_breaker = rollback, max = 200%, min_healthy = 100% }", "public_ip = false",
        "grace_period = 1m")) {
      assertTrue(source.contains(idiom), "missing `" + idiom + "` in:\n" + source);
    }
    // Response-only members are dropped knowingly: no diagnostic names them.
    for (Diagnostic d : r.diagnostics().sorted()) {
      for (String member : List.of("revision", "status", "taskDefinitionArn", "runningCount", "serviceArn", "failures")) {
        assertFalse(d.message().contains("`" + member + "`"), d.message());
      }
    }
    // The one unknown member is reported where it is, and the rules ran (Fargate awslogs needs a stream prefix).
    Diagnostic unknown = r.diagnostics().sorted().stream().filter(d -> d.code().equals("W0901")).findFirst().orElseThrow();
    assertEquals("describe-task-definition.json:24:9", unknown.span().location().replaceFirst(".*/", ""));
    assertEquals("`colour` is not part of the ECS API (ContainerDefinition); dropped", unknown.message());
    assertTrue(r.diagnostics().sorted().stream().anyMatch(d -> d.code().equals("E1121") && d.span().line() == 21), render(r));

    Files.writeString(dir.resolve("main.ecs"), source);
    Compiler.Result built = Compiler.compile(Compiler.Options.of(dir));
    Resource td = r.model().find(ResourceKind.TASK_DEFINITION, null, "web");
    Resource service = r.model().find(ResourceKind.SERVICE, "prod", "web");
    assertEquals("1024", td.primary().body().get("memory").asText(), "\"1 GB\" is stored as 1024 MiB");
    assertEquals("512", td.primary().body().get("cpu").asText());
    assertEquals("prod", service.primary().body().get("cluster").asText(), "the cluster ARN became its name");
    // The build fails on the same rule, so compare the model the rules saw in both cases.
    assertEquals(List.of("E1121"), built.diagnostics().sorted().stream().filter(Diagnostic::isError).map(Diagnostic::code).toList());
  }

  private static final String DESCRIBED_TASK = """
      {"taskDefinition": {"taskDefinitionArn": "arn:aws:ecs:us-east-1:123456789012:task-definition/web:7", "family": "web",
       "revision": 7, "networkMode": "awsvpc", "requiresCompatibilities": ["FARGATE"], "cpu": "512", "memory": "1024",
       "ephemeralStorage": {"sizeInGiB": 50},
       "containerDefinitions": [{"name": "app", "image": "nginx:1.27", "essential": true,
         "portMappings": [{"containerPort": 80, "protocol": "tcp"}]}]}}
      """;

  private static String describedService(String taskDefinition) {
    return """
        {"services": [{"serviceArn": "arn:aws:ecs:us-east-1:123456789012:service/prod/web", "serviceName": "web",
         "clusterArn": "arn:aws:ecs:us-east-1:123456789012:cluster/prod", "taskDefinition": "%s",
         "desiredCount": 2, "launchType": "FARGATE", "status": "ACTIVE",
         "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-0a1b2c3d"], "securityGroups": ["sg-0123456789abcdef0"]}}}]}
        """.formatted(taskDefinition);
  }

  /**
   * DescribeServices gives the task definition as a pinned ARN; imported with that very
   * definition, the service refers to it by name, and the rules that need both run (E1707 here).
   */
  @Test
  void aServicesTaskDefinitionArnBecomesAReferenceWhenThatDefinitionIsImportedToo() {
    Importer.Result r = Importer.importSources(List.of(SourceFile.of("td.json", DESCRIBED_TASK),
        SourceFile.of("svc.json", describedService("arn:aws:ecs:us-east-1:123456789012:task-definition/web:7"))));
    assertTrue(r.source().contains("  task = web\n"), r.source());
    assertEquals("web", r.model().find(ResourceKind.SERVICE, "prod", "web").primary().body().get("taskDefinition").asText());

    Importer.Result pinnedElsewhere = Importer.importSources(List.of(SourceFile.of("td.json", DESCRIBED_TASK),
        SourceFile.of("svc.json", describedService("arn:aws:ecs:us-east-1:123456789012:task-definition/web:6"))));
    assertTrue(pinnedElsewhere.source().contains("task = \"arn:aws:ecs:us-east-1:123456789012:task-definition/web:6\""),
        "another revision is a registration the import does not describe: " + pinnedElsewhere.source());

    Importer.Result alone = Importer.importSources(List.of(
        SourceFile.of("svc.json", describedService("arn:aws:ecs:us-east-1:123456789012:task-definition/web:7"))));
    assertTrue(alone.source().contains("task = \"arn:aws:ecs:us-east-1:123456789012:task-definition/web:7\""), alone.source());

    // The cross-resource rules see the pair: the service has no load balancer problem, but an awsvpc
    // task definition run without a network configuration is E1707.
    Importer.Result noNetwork = Importer.importSources(List.of(SourceFile.of("td.json", DESCRIBED_TASK),
        SourceFile.of("svc.json", describedService("arn:aws:ecs:us-east-1:123456789012:task-definition/web:7")
            .replaceFirst(",\\s*\"networkConfiguration\".*\\}\\}\\}", "}"))));
    assertTrue(render(noNetwork).contains("[E1707]"), render(noNetwork));
  }

  private static com.fasterxml.jackson.databind.JsonNode readTree(String json) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void aManagedInstancesCapacityProviderImportsAndBuildsTheSameRequest(@TempDir Path dir) throws IOException {
    String described = """
        {
          "capacityProviders": [
            {
              "capacityProviderArn": "arn:aws:ecs:us-east-1:123456789012:capacity-provider/web-mi",
              "status": "ACTIVE",
              "type": "MANAGED_INSTANCES",
              "name": "web-mi",
              "cluster": "apps",
              "managedInstancesProvider": {
                "infrastructureRoleArn": "arn:aws:iam::123456789012:role/ecsInfrastructureRole",
                "instanceLaunchTemplate": {
                  "ec2InstanceProfileArn": "arn:aws:iam::123456789012:instance-profile/ecsInstanceRole",
                  "networkConfiguration": {
                    "subnets": [
                      "subnet-0a1b2c3d",
                      "subnet-4e5f6a7b"
                    ],
                    "securityGroups": [
                      "sg-0123456789abcdef0"
                    ]
                  },
                  "storageConfiguration": {
                    "storageSizeGiB": 50
                  },
                  "monitoring": "BASIC",
                  "capacityOptionType": "ON_DEMAND",
                  "instanceRequirements": {
                    "vCpuCount": {
                      "min": 2,
                      "max": 2
                    },
                    "memoryMiB": {
                      "min": 8192,
                      "max": 8192
                    },
                    "cpuManufacturers": [
                      "intel"
                    ],
                    "instanceGenerations": [
                      "current"
                    ]
                  }
                },
                "propagateTags": "CAPACITY_PROVIDER",
                "infrastructureOptimization": {
                  "scaleInAfter": 300
                }
              }
            }
          ]
        }
        """;
    Importer.Result r = importText("cp.json", described);
    assertTrue(r.source().contains("cluster = \"apps\""), r.source());
    var body = r.model().find(ResourceKind.CAPACITY_PROVIDER, null, "web-mi").primary().body();
    var expected = readTree(described).at("/capacityProviders/0");
    assertEquals(expected.get("managedInstancesProvider").toString(), body.get("managedInstancesProvider").toString(), r.source());
    assertEquals("apps", body.get("cluster").asText());
    // Written as the language reference writes it, not by the API's long names.
    for (String idiom : List.of("managed_instances {", "infrastructure_role = ", "instance_profile = ", "network {",
        "storage { size = 50 GiB }", "vcpus { min = 2, max = 2 }", "memory { min = 8 GiB, max = 8 GiB }",
        "scale_in_after = 5m")) {
      assertTrue(r.source().contains(idiom), "missing `" + idiom + "` in:\n" + r.source());
    }
    for (String longName : List.of("managed_instances_provider", "storage_size_gi_b", "v_cpu_count", "memory_mi_b",
        "infrastructure_optimization")) {
      assertFalse(r.source().contains(longName), r.source());
    }
    // A bare CreateCapacityProvider document is recognised by its managedInstancesProvider.
    String bare = readTree(described).at("/capacityProviders/0").toString()
        .replaceAll("\"(capacityProviderArn|status|type)\":\"[^\"]*\",", "");
    Importer.Result request = importText("request.json", bare);
    assertTrue(request.source().contains("managed_instances {"), request.source() + render(request));
    // The source builds the very request that was imported.
    Files.writeString(dir.resolve("main.ecs"), r.source() + "\ncluster apps {}\n");
    Compiler.Result built = Compiler.compile(Compiler.Options.of(dir));
    assertEquals(List.of(), built.diagnostics().sorted().stream().filter(Diagnostic::isError).map(Diagnostic::code).toList());
    var rebuilt = built.model().find(ResourceKind.CAPACITY_PROVIDER, null, "web-mi").primary().body();
    assertEquals(expected.get("managedInstancesProvider").toString(), rebuilt.get("managedInstancesProvider").toString(), r.source());
  }

  @Test
  void ephemeralStorageImportsAsAQuantity() {
    Importer.Result r = Importer.importSources(List.of(SourceFile.of("td.json", DESCRIBED_TASK)));
    assertTrue(r.source().contains("  ephemeral_storage = 50 GiB\n"), r.source());
    assertFalse(r.source().contains("size_in_gi_b"), r.source());
  }

  @Test
  void wrongTypesUnknownEnumsAndNullsAreErrorsAtTheirJsonLocation() {
    Importer.Result r = importText("td.json", """
        {
          "family": "x",
          "containerDefinitions": [
            {"name": "a", "image": "nginx:1", "memory": "512", "essential": "yes",
             "portMappings": [{"containerPort": 80, "protocol": "TCP"}], "ulimits": null}
          ]
        }
        """);
    assertFalse(r.ok());
    assertFalse(r.sourceAvailable());
    String text = render(r);
    assertTrue(text.contains("td.json:4:39: error[E0903]: `memory` must be a whole number, found the string \"512\""), text);
    assertTrue(text.contains("= hint: remove the quotes: 512"), text);
    assertTrue(text.contains("td.json:4:56: error[E0903]: `essential` must be true or false"), text);
    assertTrue(text.contains("td.json:5:45: error[E0904]: \"TCP\" is not a valid value for `protocol` (TransportProtocol)"), text);
    assertTrue(text.contains("td.json:5:66: error[E0907]: `ulimits` is null"), text);
  }

  @Test
  void documentsThatAreNotEcsResourcesAreRejected() {
    Importer.Result list = importText("containers.json", "[{\"name\": \"nginx\", \"image\": \"nginx\"}]");
    assertEquals("E0902", list.diagnostics().sorted().get(0).code());
    assertTrue(list.diagnostics().sorted().get(0).hint().contains("containerDefinitions"));
    Importer.Result broken = importText("broken.json", "{\n  \"family\": \"x\",\n  \"cpu\": 256,,\n}");
    Diagnostic syntax = broken.diagnostics().sorted().get(0);
    assertEquals("E0901", syntax.code());
    assertEquals(3, syntax.span().line());
    Importer.Result other = importText("other.json", "{\"hello\": \"world\"}");
    assertEquals("E0902", other.diagnostics().sorted().get(0).code());
  }

  @Test
  void requestDocumentsMayNotCarryOutputOnlyMembers() {
    Importer.Result r = importText("svc.json", "{\"serviceName\": \"web\", \"taskDefinition\": \"web:3\", \"desiredCount\": 1, \"runningCount\": 2}");
    // runningCount marks a Describe document: dropped knowingly, no error.
    assertTrue(r.ok(), render(r));
    assertTrue(r.source().contains("task = \"web:3\""), r.source());
    Importer.Result request = importText("svc.json", "{\"serviceName\": \"web\", \"taskDefinition\": \"web\", \"platformFamily\": \"Linux\"}");
    assertEquals("E0906", request.diagnostics().sorted().stream().filter(Diagnostic::isError).findFirst().orElseThrow().code());
  }

  @Test
  void theSameResourceTwiceIsAnError() {
    Importer.Result r = Importer.importSources(List.of(SourceFile.of("a.json", "{\"family\": \"x\", \"containerDefinitions\": [{\"name\": \"a\", \"image\": \"nginx:1\", \"memory\": 128}]}"),
        SourceFile.of("b.json", "{\"family\": \"x\", \"containerDefinitions\": [{\"name\": \"b\", \"image\": \"nginx:1\", \"memory\": 128}]}")));
    Diagnostic d = r.diagnostics().sorted().stream().filter(x -> x.code().equals("E0908")).findFirst().orElseThrow();
    assertEquals("b.json", d.span().file().displayName());
    assertEquals("task definition x is imported twice", d.message());
  }

  @Test
  void unexpressibleFirstClassFormsFallBackToApiNames(@TempDir Path dir) throws IOException {
    // Two unnamed ports and a volume mounted twice cannot use `port = …` / `mount V = …` once each.
    Importer.Result r = importText("td.json", """
        {"family": "multi", "volumes": [{"name": "data"}],
         "containerDefinitions": [{"name": "a", "image": "nginx:1", "memory": 128,
           "portMappings": [{"containerPort": 80}, {"containerPort": 443}],
           "mountPoints": [{"sourceVolume": "data", "containerPath": "/a"}, {"sourceVolume": "data", "containerPath": "/b"}]}]}
        """);
    assertTrue(r.ok(), render(r));
    String source = r.source();
    assertTrue(source.contains("port_mappings { container_port = 80 }"), source);
    assertTrue(source.contains("mount_points { source_volume = \"data\", container_path = \"/b\" }"), source);
    Files.writeString(dir.resolve("main.ecs"), source);
    Compiler.Result built = Compiler.compile(Compiler.Options.of(dir));
    assertTrue(built.ok(), new DiagnosticRenderer(false).render(built.diagnostics().sorted()));
    assertEquals(r.model().resources().get(0).primary().body(), built.model().resources().get(0).primary().body());
  }
}
