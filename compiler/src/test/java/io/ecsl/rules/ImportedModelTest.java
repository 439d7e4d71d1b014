package io.ecsl.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ecsl.diag.Diagnostic;
import io.ecsl.diag.Diagnostics;
import io.ecsl.model.Resource;
import io.ecsl.model.ResourceKind;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Rules on models imported from JSON, where nothing checked the requests on the way in. Covers
 * what .ecs cannot express (its compiler rejects it first or writes it correctly itself): API
 * model violations (E1802), a health check without CMD (W1106), duplicate ulimits and volumes.
 */
class ImportedModelTest {
  /** Rules whose violations .ecs cannot express; their cases live here instead of under resources/rules. */
  static final Set<String> IMPORT_ONLY = Set.of("E1802", "W1106");

  static final String FARGATE_TASK = """
      {"family": "web", "networkMode": "awsvpc", "requiresCompatibilities": ["FARGATE"], "cpu": "512", "memory": "1024",
       "executionRoleArn": "arn:aws:iam::123456789012:role/ecsTaskExecutionRole",
       "containerDefinitions": [{"name": "app", "image": "ghcr.io/acme/web:1.4.2",
         "portMappings": [{"containerPort": 8080, "protocol": "tcp", "name": "http"}],
         "healthCheck": {"command": ["CMD-SHELL", "curl -f localhost:8080/health"]},
         "logConfiguration": {"logDriver": "awslogs", "options": {"awslogs-group": "/ecs/web", "awslogs-region": "eu-west-1",
           "awslogs-stream-prefix": "web"}}}]}
      """;

  @Test
  void validImportedTaskDefinitionHasNoDiagnostics() {
    Diagnostics d = JsonModels.check(JsonModels.resource(ResourceKind.TASK_DEFINITION, "web.json", FARGATE_TASK));
    assertEquals(List.of(), JsonModels.lines(d));
  }

  @Test
  void modelShapeViolationsAreReported() {
    String json = FARGATE_TASK.replace("\"awsvpc\"", "\"default\"").replace("\"containerPort\": 8080", "\"containerPort\": \"8080\"")
        .replace("\"protocol\": \"tcp\"", "\"protocol\": \"tcp\", \"Protcol\": \"udp\"").replace("\"family\": \"web\",", "");
    Diagnostics d = JsonModels.check(JsonModels.resource(ResourceKind.TASK_DEFINITION, "web.json", json));
    List<String> lines = JsonModels.lines(d);
    assertTrue(lines.contains("E1802 `default` is not a valid `network_mode`"), lines.toString());
    assertTrue(lines.contains("E1802 `container_port` must be a whole number, not the string \"8080\""), lines.toString());
    assertTrue(lines.contains("E1802 `Protcol` is not a member of PortMapping"), lines.toString());
    assertTrue(lines.contains("E1802 RegisterTaskDefinitionRequest needs `family`"), lines.toString());
    // Fargate still wants awsvpc: the semantic rule sees through the invalid enum value
    assertTrue(lines.contains("E1004 Fargate supports only network mode `awsvpc`, not `default`"), lines.toString());
  }

  @Test
  void diagnosticsOfImportedModelsPointAtTheDocument() {
    String json = FARGATE_TASK.replace("\"cpu\": \"512\", \"memory\": \"1024\"", "\"cpu\": \"512\", \"memory\": \"5120\"");
    Diagnostics d = JsonModels.check(JsonModels.resource(ResourceKind.TASK_DEFINITION, "web.json", json));
    List<Diagnostic> all = d.sorted();
    assertEquals(1, all.size(), all.toString());
    assertEquals("E1006", all.get(0).code());
    assertEquals("web.json:1:1", all.get(0).where());
    assertEquals("task definition web", all.get(0).resource());
  }

  @Test
  void healthCheckWithoutCmdIsAWarning() {
    String json = FARGATE_TASK.replace("[\"CMD-SHELL\", \"curl -f localhost:8080/health\"]", "[\"/healthcheck\"]");
    Diagnostics d = JsonModels.check(JsonModels.resource(ResourceKind.TASK_DEFINITION, "web.json", json));
    assertEquals(List.of("W1106 container `app`'s health check command starts with `/healthcheck` instead of `CMD` or `CMD-SHELL`"),
        JsonModels.lines(d));
    assertTrue(!d.hasErrors());
  }

  @Test
  void duplicateUlimitsAndVolumesAreReported() {
    String json = FARGATE_TASK.replace("\"healthCheck\"", "\"ulimits\": [{\"name\": \"nofile\", \"softLimit\": 1024, \"hardLimit\": 2048},"
        + " {\"name\": \"nofile\", \"softLimit\": 4096, \"hardLimit\": 4096}], \"healthCheck\"")
        .replace("\"containerDefinitions\"", "\"volumes\": [{\"name\": \"data\"}, {\"name\": \"data\"}], \"containerDefinitions\"");
    Diagnostics d = JsonModels.check(JsonModels.resource(ResourceKind.TASK_DEFINITION, "web.json", json));
    assertEquals(List.of("E1013 volume `data` is declared twice in task definition `web`",
        "E1124 ulimit `nofile` is set twice in container `app`"), JsonModels.lines(d));
  }

  @Test
  void jsonNullCountsAsAbsent() {
    String json = FARGATE_TASK.replace("\"healthCheck\"", "\"ulimits\": null, \"healthCheck\"");
    assertEquals(List.of(), JsonModels.lines(JsonModels.check(JsonModels.resource(ResourceKind.TASK_DEFINITION, "web.json", json))));
  }

  @Test
  void crossResourceRulesSkipWhatTheModelDoesNotDeclare() {
    Resource service = JsonModels.resource(ResourceKind.SERVICE, "svc.json", """
        {"cluster": "prod", "serviceName": "web", "taskDefinition": "web:7", "desiredCount": 2, "launchType": "FARGATE",
         "loadBalancers": [{"targetGroupArn": "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/web/6d0ecf831eec9f09",
           "containerName": "nope", "containerPort": 1}]}
        """);
    Resource task = JsonModels.resource(ResourceKind.TASK_DEFINITION, "web.json", FARGATE_TASK);
    // `web:7` pins a revision registered outside this model: no E1701/E1707 against the declared family
    assertEquals(List.of(), JsonModels.lines(JsonModels.check(service, task)));
    Resource unpinned = JsonModels.resource(ResourceKind.SERVICE, "svc.json", service.primary().body().toString().replace("web:7", "web"));
    assertEquals(List.of("E1701", "E1707"), JsonModels.codes(JsonModels.check(unpinned, task)));
  }
}
