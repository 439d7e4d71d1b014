package io.ecsl.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ecsl.diag.Diagnostic;
import io.ecsl.diag.Diagnostics;
import io.ecsl.model.ResourceKind;
import io.ecsl.testing.RepoPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The rules against real-world ECS JSON (the corpus in {@code corpus/}: AWS docs, the ECS agent's tests,
 * ecspresso, aws-samples, …): what each request draws, pinned. Real task definitions that work
 * must not draw errors; the corpus's invalid files must draw the errors that make them invalid.
 * {@code W1101} (unpinned images) is left out: most samples use moving tags on purpose.
 */
class CorpusTest {
  /** File → the codes it draws, in source order (each a real finding; see the comments). */
  static final Map<String, List<String>> EXPECTED = new LinkedHashMap<>();

  static {
    for (String clean : List.of("agent-awsvpc-healthcheck-shared-docker-volume", "agent-depends-on-start-stop-timeout",
        "agent-docker-volume-task-scope", "agent-efs-minimal", "agent-extra-hosts", "agent-firelens-fluentbit-bridge",
        "agent-gpu-resource-requirement", "agent-interactive-tty", "agent-ipc-mode-task", "agent-linux-capabilities",
        "agent-linux-tmpfs", "agent-pid-mode-host", "agent-private-registry-credentials", "agent-system-controls",
        "agent-volumes-from-empty-host", "agent-windows-gmsa-ssm", "containers-consul-server-host-mode",
        "containers-nginx-ec2-bridge", "cwagent-daemon-bind-mounts", "docs-ec2-gpu", "docs-ecs-anywhere-windows-external",
        "docs-ecs-exec-unit-strings", "docs-efs-transit-encryption", "docs-fargate-arm64", "docs-fargate-linux-httpd",
        "docs-fargate-windows-iis-2019", "docs-inferentia-neuron-ec2", "docs-service-connect-nginx", "docs-windows-fluentd-logtag-template",
        "ecspresso-ec2-host-daemon-secrets", "ecspresso-fargate-secrets-ebs-configured-at-launch",
        "firelens-appmesh-envoy-colorteller", "firelens-healthcheck-tcp", "firelens-newrelic-fargate-unit-strings")) {
      EXPECTED.put("taskdefs/" + clean + ".json", List.of());
    }
    EXPECTED.put("taskdefs/agent-appmesh-plugin-validator.json", List.of("W1102")); // privileged
    EXPECTED.put("taskdefs/agent-depends-on-healthy.json", List.of("W1105")); // interval 5s, timeout 50s
    // the docs' App Mesh example sets memory nowhere, which RegisterTaskDefinition rejects for EC2
    EXPECTED.put("taskdefs/docs-appmesh-proxy-envoy.json", List.of("E1012", "E1012"));
    EXPECTED.put("taskdefs/otel-fargate-sidecar-depends-on.json", List.of("W1105", "W1106")); // ["/healthcheck"]: no CMD
    EXPECTED.put("services/awscli-ec2-classic-elb-role.json", List.of());
    EXPECTED.put("services/awscli-fargate-managed-ebs-volume.json", List.of());
    EXPECTED.put("services/docs-service-connect-fargate.json", List.of());
    EXPECTED.put("services/docs-bluegreen-codedeploy.json", List.of("E1212")); // target group ARN with doc placeholders
    EXPECTED.put("services/docs-service-discovery-registry.json", List.of("E1214")); // registry ARN with doc placeholders
    // ecspresso fixtures leave serviceName and taskDefinition to the tool's config; EC2 tasks cannot get a public IP
    EXPECTED.put("services/ecspresso-daemon-minimal.json", List.of("E1222", "E1802"));
    EXPECTED.put("services/ecspresso-ec2-awsvpc-alarms-circuit-breaker.json", List.of("E1212", "E1215", "E1222", "E1802"));
    EXPECTED.put("services/ecspresso-ec2-awsvpc-tfstate.json", List.of("E1215", "E1222", "E1802"));
    EXPECTED.put("services/ecspresso-fargate-capacity-providers-ebs.json", List.of("E1222", "E1802"));
    EXPECTED.put("services/ecspresso-service-connect-namespace-only.json", List.of("E1222", "E1802"));
    EXPECTED.put("clusters/botocore-example-create-cluster-input.json", List.of());
    EXPECTED.put("invalid/docs-fsx-windows-undefined-source-volume.json", List.of("E1114", "E1114"));
    EXPECTED.put("invalid/containers-tomcat-awsvpc-hostport-mismatch.json", List.of("E1103"));
    EXPECTED.put("invalid/otel-networkmode-default.json", List.of("E1802"));
    // null ulimits count as absent; awslogs on Fargate without an execution role is rejected by ECS
    EXPECTED.put("invalid/containers-wildfly-fargate-null-ulimits.json", List.of("E1022"));
    EXPECTED.put("invalid/ecspresso-service-platformfamily-output-only.json", List.of("E1222", "E1802", "E1802"));
  }

  @TestFactory
  List<DynamicTest> corpus() {
    Path corpus = RepoPaths.corpus();
    List<DynamicTest> tests = new ArrayList<>();
    EXPECTED.forEach((file, codes) -> tests.add(DynamicTest.dynamicTest(file, () -> {
      String json = Files.readString(corpus.resolve(file));
      ResourceKind kind = file.startsWith("services/") || file.startsWith("invalid/ecspresso-service") ? ResourceKind.SERVICE
          : file.startsWith("clusters/") ? ResourceKind.CLUSTER : ResourceKind.TASK_DEFINITION;
      Diagnostics d = JsonModels.check(JsonModels.resource(kind, file, json));
      List<String> actual = new ArrayList<>();
      for (Diagnostic x : d.sorted()) {
        if (!x.code().equals("W1101")) {
          actual.add(x.code());
        }
      }
      assertEquals(codes, actual, file + ": " + JsonModels.lines(d));
    })));
    return tests;
  }

  @TestFactory
  List<DynamicTest> invalidCorpusFilesFailModelOrRules() throws IOException {
    // the two files only a type-aware reading can reject: their errors must include E1802
    List<DynamicTest> tests = new ArrayList<>();
    for (String file : List.of("invalid/bugcrowd-enum-and-type-violations.json", "invalid/firelens-logstash-portmappings-object-miscased.json",
        "invalid/docs-register-task-definition-cli-skeleton.json")) {
      tests.add(DynamicTest.dynamicTest(file, () -> {
        String json = Files.readString(RepoPaths.corpus().resolve(file));
        Diagnostics d = JsonModels.check(JsonModels.resource(ResourceKind.TASK_DEFINITION, file, json));
        org.junit.jupiter.api.Assertions.assertTrue(d.hasErrors(), file + " should be rejected");
      }));
    }
    return tests;
  }
}
