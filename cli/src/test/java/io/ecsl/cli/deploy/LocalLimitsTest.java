package io.ecsl.cli.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.emit.Json;
import io.ecsl.model.ApiRequest;
import io.ecsl.model.EcsModel;
import io.ecsl.model.Resource;
import io.ecsl.model.ResourceKind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Apply to the local runtime names what it stores but does not act on, and nothing else. */
class LocalLimitsTest {
  private static Resource resource(ResourceKind kind, String name, String cluster, String... requests) throws Exception {
    List<ApiRequest> list = new java.util.ArrayList<>();
    for (int i = 0; i < requests.length; i += 3) {
      list.add(new ApiRequest(requests[i], requests[i + 1], (ObjectNode) Json.mapper().readTree(requests[i + 2]), null,
          "x.json"));
    }
    return new Resource(kind, name, cluster, null, list, Map.of());
  }

  @Test
  void inertBehavioursAreNamedPerResource() throws Exception {
    EcsModel model = new EcsModel("p", "us-east-1", null, List.of(
        resource(ResourceKind.SERVICE, "web", "prod", "ecs", "CreateService", """
            {"serviceName": "web", "loadBalancers": [{"targetGroupArn": "arn:tg", "containerName": "app",
             "containerPort": 80}], "serviceConnectConfiguration": {"enabled": true, "services": [{"portName": "http",
             "tls": {"issuerCertificateAuthority": {"awsPcaAuthorityArn": "arn:pca"}}}]}}"""),
        resource(ResourceKind.SERVICE, "worker", "prod", "ecs", "CreateService", """
            {"serviceName": "worker", "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-1"]}},
             "serviceConnectConfiguration": {"enabled": true, "services": [{"portName": "http",
             "clientAliases": [{"port": 8080, "dnsName": "worker"}]}]}}"""),
        resource(ResourceKind.SERVICE, "api", "prod", "ecs", "CreateService", """
            {"serviceName": "api", "loadBalancers": [{"targetGroupArn": "${target-group:api}",
             "containerName": "app", "containerPort": 80}]}"""),
        resource(ResourceKind.SCALING, "web", "prod",
            "application-autoscaling", "RegisterScalableTarget", "{\"MinCapacity\": 1}",
            "application-autoscaling", "PutScalingPolicy", """
                {"PolicyName": "cpu", "PolicyType": "TargetTrackingScaling", "TargetTrackingScalingPolicyConfiguration":
                 {"TargetValue": 50, "PredefinedMetricSpecification": {"PredefinedMetricType":
                 "ECSServiceAverageCPUUtilization"}}}""",
            "application-autoscaling", "PutScalingPolicy", """
                {"PolicyName": "requests", "PolicyType": "TargetTrackingScaling",
                 "TargetTrackingScalingPolicyConfiguration": {"TargetValue": 1000, "PredefinedMetricSpecification":
                 {"PredefinedMetricType": "ALBRequestCountPerTarget"}}}""",
            "application-autoscaling", "PutScalingPolicy", """
                {"PolicyName": "queue", "PolicyType": "TargetTrackingScaling",
                 "TargetTrackingScalingPolicyConfiguration": {"TargetValue": 10, "CustomizedMetricSpecification":
                 {"Namespace": "MyApp", "MetricName": "QueueDepth", "Statistic": "Average"}}}""",
            "application-autoscaling", "PutScalingPolicy", """
                {"PolicyName": "steps", "PolicyType": "StepScaling", "StepScalingPolicyConfiguration": {}}""")));
    List<String> notes = LocalLimits.notes(model);
    assertEquals(4, notes.size(), notes.toString());
    assertTrue(notes.get(0).startsWith("service prod/web: load balancers: target group arn:tg is managed elsewhere"),
        notes.toString());
    assertEquals("service prod/web: Service Connect: no proxy runs, so these are not honoured: names are given to"
        + " awsvpc tasks only, tls", notes.get(1));
    // The runtime measures the load balancers' requests per target (ALBRequestCountPerTarget): no note for that one.
    assertTrue(notes.get(2).contains("policy queue tracks MyApp QueueDepth, which the local runtime does not"
        + " measure"), notes.toString());
    assertTrue(notes.get(3).contains("step scaling policy steps: acts only when an alarm created on the local"
        + " runtime"), notes.toString());
    assertTrue(notes.stream().noneMatch(n -> n.contains("worker") || n.contains("policy cpu") || n.contains("api")),
        "what the runtime acts on is not listed: " + notes);
  }

  @Test
  void deploymentAlarmsSayHowTheirStateChangesOnTheRuntime() throws Exception {
    EcsModel model = new EcsModel("p", "us-east-1", null, List.of(
        resource(ResourceKind.SERVICE, "web", "prod", "ecs", "CreateService", """
            {"serviceName": "web", "deploymentConfiguration": {"alarms": {"alarmNames": ["web-5xx", "web-p99"],
             "enable": true, "rollback": true}}}"""),
        resource(ResourceKind.SERVICE, "off", "prod", "ecs", "CreateService", """
            {"serviceName": "off", "deploymentConfiguration": {"alarms": {"alarmNames": ["x"], "enable": false,
             "rollback": false}}}""")));
    List<String> notes = LocalLimits.notes(model);
    assertEquals(List.of("service prod/web: deployment alarms web-5xx, web-p99: watched only if created on the local"
        + " runtime (`aws cloudwatch put-metric-alarm`, see `ecsl runtime env`); it evaluates alarms on the services'"
        + " CPU and memory utilization and the target groups' requests per target, and any other alarm changes state"
        + " only when set (`aws cloudwatch set-alarm-state`)"), notes);
  }

  @Test
  void serviceRegistriesNameTheCloudMapServiceTheRuntimeMustHold() throws Exception {
    String registry = "arn:aws:servicediscovery:us-east-1:1:service/srv-abc";
    EcsModel model = new EcsModel("p", "us-east-1", null, List.of(
        resource(ResourceKind.SERVICE, "api", "prod", "ecs", "CreateService", """
            {"serviceName": "api", "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-1"]}},
             "serviceRegistries": [{"registryArn": "%s"}]}""".formatted(registry)),
        resource(ResourceKind.SERVICE, "db", "prod", "ecs", "CreateService", """
            {"serviceName": "db", "serviceRegistries": [{"registryArn": "%s", "containerName": "db",
             "containerPort": 5432}]}""".formatted(registry))));
    List<String> notes = LocalLimits.notes(model);
    assertEquals(2, notes.size(), notes.toString());
    assertTrue(notes.get(0).startsWith("service prod/api: service registries: unless Cloud Map service " + registry
        + " exists on the local runtime, no task is registered"), notes.toString());
    assertTrue(!notes.get(0).contains("awsvpc tasks only") && notes.get(1).endsWith("resolve in awsvpc tasks only"),
        notes.toString());
  }

  @Test
  void ecslRunTakesTheClusterNetworkAndCapacityOfAScheduleThatRunsTheTask() throws Exception {
    Resource task = resource(ResourceKind.TASK_DEFINITION, "report", null, "ecs", "RegisterTaskDefinition",
        "{\"family\": \"report\"}");
    EcsModel model = new EcsModel("p", "us-east-1", null, List.of(
        resource(ResourceKind.CLUSTER, "jobs", null, "ecs", "CreateCluster", "{\"clusterName\": \"jobs\"}"),
        resource(ResourceKind.CLUSTER, "web", null, "ecs", "CreateCluster", "{\"clusterName\": \"web\"}"),
        task,
        resource(ResourceKind.SCHEDULE, "nightly", null, "events", "PutRule", "{\"Name\": \"nightly\"}",
            "events", "PutTargets", """
                {"Rule": "nightly", "Targets": [{"Id": "t", "Arn": "arn:aws:ecs:us-east-1:1:cluster/jobs",
                 "EcsParameters": {"TaskDefinitionArn": "arn:aws:ecs:us-east-1:1:task-definition/report",
                 "LaunchType": "FARGATE", "NetworkConfiguration": {"awsvpcConfiguration": {"Subnets": ["subnet-1"],
                 "AssignPublicIp": "DISABLED"}}}}]}""")));
    ProjectTask project = ProjectTask.of(model, task);
    assertEquals("jobs", project.cluster());
    assertEquals("FARGATE", project.launchType());
    assertEquals("{\"subnets\":[\"subnet-1\"],\"assignPublicIp\":\"DISABLED\"}", project.awsvpc().toString());

    EcsModel alone = new EcsModel("p", "us-east-1", null, List.of(task,
        resource(ResourceKind.CLUSTER, "jobs", null, "ecs", "CreateCluster", "{\"clusterName\": \"jobs\"}")));
    assertEquals("jobs", ProjectTask.of(alone, task).cluster(), "the project's only cluster");
    assertEquals(null, ProjectTask.of(alone, task).launchType());
  }
}
