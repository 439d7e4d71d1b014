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
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ecsl import} of Managed Daemons from what the AWS CLI prints: describe-daemon-task-definition,
 * describe-daemon (which says neither what the daemon runs nor how it deploys), describe-daemon-revisions
 * and describe-daemon-deployments, into one {@code daemon} declaration that builds the same
 * RegisterDaemonTaskDefinition and CreateDaemon requests; and what it cannot express, said.
 */
class DaemonImportTest {
  private static final String PREFIX = "arn:aws:ecs:us-east-1:123456789012:";

  static final String DEFINITION = """
      {"daemonTaskDefinition": {
        "daemonTaskDefinitionArn": "%sdaemon-task-definition/log-agent-td:3", "family": "log-agent-td", "revision": 3,
        "executionRoleArn": "arn:aws:iam::123456789012:role/ecsTaskExecutionRole",
        "containerDefinitions": [{"name": "agent", "image": "ecsl/busybox:1.35", "cpu": 128, "memoryReservation": 64,
          "command": ["sh", "-c", "sleep 3600"], "environment": [{"name": "LEVEL", "value": "info"}],
          "mountPoints": [{"sourceVolume": "logs", "containerPath": "/host/logs", "readOnly": true}],
          "stopTimeout": 5}],
        "volumes": [{"name": "logs", "host": {"sourcePath": "/var/log"}}],
        "cpu": "256", "memory": "512", "pidMode": "shared", "status": "ACTIVE", "registeredAt": 1765000000.0,
        "registeredBy": "arn:aws:iam::123456789012:root"}}
      """.formatted(PREFIX);

  static final String DAEMON = """
      {"daemon": {"daemonArn": "%1$sdaemon/apps/log-agent", "clusterArn": "%1$scluster/apps", "status": "ACTIVE",
        "currentRevisions": [{"arn": "%1$sdaemon-revision/apps/log-agent/7", "capacityProviders": [
          {"arn": "%1$scapacity-provider/web-mi", "runningCount": 2}], "totalRunningCount": 2}],
        "deploymentArn": "%1$sdaemon-deployment/apps/log-agent/9", "createdAt": 1765000100.0, "updatedAt": 1765000200.0}}
      """.formatted(PREFIX);

  static final String REVISIONS = """
      {"daemonRevisions": [{"daemonRevisionArn": "%1$sdaemon-revision/apps/log-agent/7", "clusterArn": "%1$scluster/apps",
        "daemonArn": "%1$sdaemon/apps/log-agent", "daemonTaskDefinitionArn": "%1$sdaemon-task-definition/log-agent-td:3",
        "createdAt": 1765000150.0, "containerImages": [{"containerName": "agent", "image": "ecsl/busybox:1.35"}],
        "propagateTags": "DAEMON", "enableECSManagedTags": true, "enableExecuteCommand": false}], "failures": []}
      """.formatted(PREFIX);

  static final String DEPLOYMENTS = """
      {"daemonDeployments": [{"daemonDeploymentArn": "%1$sdaemon-deployment/apps/log-agent/9",
        "clusterArn": "%1$scluster/apps", "status": "SUCCESSFUL",
        "targetDaemonRevision": {"arn": "%1$sdaemon-revision/apps/log-agent/7", "totalRunningInstanceCount": 2},
        "sourceDaemonRevisions": [], "deploymentConfiguration": {"drainPercent": 25.0,
          "alarms": {"alarmNames": ["agent-down"], "enable": true}, "bakeTimeInMinutes": 5},
        "createdAt": 1765000150.0}], "failures": []}
      """.formatted(PREFIX);

  private static Importer.Result importTexts(String... namesAndTexts) {
    List<SourceFile> sources = new ArrayList<>();
    for (int i = 0; i < namesAndTexts.length; i += 2) {
      sources.add(SourceFile.of(namesAndTexts[i], namesAndTexts[i + 1]));
    }
    return Importer.importSources(sources);
  }

  private static String render(Importer.Result r) {
    return new DiagnosticRenderer(false).render(r.diagnostics().sorted());
  }

  private static List<String> codes(Importer.Result r) {
    return r.diagnostics().sorted().stream().map(Diagnostic::code).toList();
  }

  @Test
  void describeOutputBecomesOneDaemonDeclarationThatBuildsTheSameRequests(@TempDir Path dir) throws Exception {
    Importer.Result r = importTexts("td.json", DEFINITION, "daemon.json", DAEMON, "revisions.json", REVISIONS,
        "deployments.json", DEPLOYMENTS);
    assertEquals(List.of(), codes(r), render(r));
    String source = r.source();
    for (String idiom : List.of("daemon log-agent {", "family = \"log-agent-td\"", "cluster = \"" + PREFIX + "cluster/apps\"",
        "cpu = 0.25 vcpu", "memory = 512 MiB", "pid = shared", "volume logs { host = \"/var/log\" }", "container agent {",
        "capacity_providers = [\"" + PREFIX + "capacity-provider/web-mi\"]",
        "deployment { drain_percent = 25%, alarms = [\"agent-down\"], bake = 5m }", "propagate_tags = DAEMON",
        "enable_ecs_managed_tags = true")) {
      assertTrue(source.contains(idiom), "missing `" + idiom + "` in:\n" + source);
    }
    assertFalse(source.contains("daemon_task_definition"), source);

    Files.writeString(dir.resolve("main.ecs"), source);
    Compiler.Result built = Compiler.compile(Compiler.Options.of(dir));
    assertTrue(built.ok(), built.diagnostics().sorted().toString() + "\n" + source);
    for (ResourceKind kind : List.of(ResourceKind.DAEMON_TASK_DEFINITION, ResourceKind.DAEMON)) {
      Resource imported = r.model().ofKind(kind).get(0);
      Resource rebuilt = built.model().ofKind(kind).get(0);
      assertEquals(imported.name(), rebuilt.name());
      assertEquals(imported.primary().body().toString(), rebuilt.primary().body().toString(), kind + " from:\n" + source);
    }
    assertEquals("${daemon-task-definition:log-agent-td}",
        built.model().ofKind(ResourceKind.DAEMON).get(0).primary().body().path("daemonTaskDefinitionArn").asText());
  }

  @Test
  void aDaemonAndItsClusterImportedTogetherAreDeclaredInIt() {
    String cluster = "{\"cluster\": {\"clusterArn\": \"" + PREFIX + "cluster/apps\", \"clusterName\": \"apps\", \"status\": \"ACTIVE\"}}";
    Importer.Result r = importTexts("cluster.json", cluster, "td.json", DEFINITION, "daemon.json", DAEMON,
        "revisions.json", REVISIONS, "deployments.json", DEPLOYMENTS);
    assertTrue(r.source().contains("daemon log-agent in apps {"), r.source());
  }

  @Test
  void whatTheImportCannotExpressIsSaid() {
    // DescribeDaemon alone: what it runs is not known, so it is left out.
    Importer.Result alone = importTexts("daemon.json", DAEMON);
    assertEquals(List.of("W0961"), codes(alone), render(alone));
    assertEquals("", alone.source());
    assertTrue(render(alone).contains("describe-daemon-revisions"), render(alone));

    // The daemon without its definition (a `daemon` declaration holds it) is left out.
    Importer.Result noDefinition = importTexts("daemon.json", DAEMON, "revisions.json", REVISIONS, "deployments.json", DEPLOYMENTS);
    assertEquals(List.of("W0960"), codes(noDefinition), render(noDefinition));
    assertEquals("", noDefinition.source());
    assertTrue(render(noDefinition).contains("describe-daemon-task-definition --daemon-task-definition log-agent-td:3"),
        render(noDefinition));

    // Without its deployment the configuration is ECS's; another revision of the definition is said.
    Importer.Result other = importTexts("td.json", DEFINITION.replace("log-agent-td:3", "log-agent-td:2").replace("\"revision\": 3",
        "\"revision\": 2"), "daemon.json", DAEMON, "revisions.json", REVISIONS);
    assertEquals(List.of("W0963", "W0965"), codes(other).stream().sorted().toList(), render(other));
    assertFalse(other.source().contains("deployment {"), other.source());

    // A definition that no daemon runs cannot be declared alone.
    Importer.Result definitionOnly = importTexts("td.json", DEFINITION);
    assertEquals(List.of("W0962"), codes(definitionOnly), render(definitionOnly));
    assertEquals("", definitionOnly.source());
  }

  @Test
  void aCreateDaemonRequestImportsToo() {
    String request = """
        {"daemonName": "log-agent", "clusterArn": "%1$scluster/apps",
         "daemonTaskDefinitionArn": "%1$sdaemon-task-definition/log-agent-td:3",
         "capacityProviderArns": ["%1$scapacity-provider/web-mi"], "tags": [{"key": "team", "value": "platform"}]}
        """.formatted(PREFIX);
    Importer.Result r = importTexts("td.json", DEFINITION, "create.json", request);
    assertEquals(List.of(), codes(r), render(r));
    assertTrue(r.source().contains("tags { team = \"platform\" }"), r.source());
    assertTrue(r.source().contains("daemon log-agent {"), r.source());
  }
}
