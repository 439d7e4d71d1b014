package io.ecsl.runtime.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.runtime.client.RuntimeClient;
import io.ecsl.runtime.TestRuntimes;
import io.ecsl.runtime.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every supported operation over HTTP, each response checked member by member against the AWS
 * service model (the compact botocore models the compiler ships: ECS 2026, EventBridge,
 * Application Auto Scaling, Cloud Map).
 */
class ApiConformanceTest {
  private static final String ECS = "AmazonEC2ContainerServiceV20141113.";
  private static TestRuntimes runtime;
  private static RuntimeClient client;
  private static ModelShapes ecsModel;
  private final List<String> problems = new ArrayList<>();

  @BeforeAll
  static void start() {
    runtime = TestRuntimes.inMemory();
    client = runtime.client();
    ecsModel = ModelShapes.of("ecs");
  }

  @AfterAll
  static void stop() {
    runtime.close();
  }

  private JsonNode ecs(String operation, String body) {
    JsonNode response = client.call(ECS + operation, Json.parse(body));
    problems.addAll(ecsModel.check(operation, response));
    return response;
  }

  private JsonNode call(ModelShapes model, String prefix, String operation, String body) {
    JsonNode response = client.call(prefix + "." + operation, Json.parse(body));
    problems.addAll(model.check(operation, response));
    return response;
  }

  @Test
  void everyEcsOperationAnswersInTheModelsShape() throws InterruptedException {
    ecs("PutAccountSetting", "{\"name\":\"containerInsights\",\"value\":\"enabled\"}");
    ecs("PutAccountSettingDefault", "{\"name\":\"awsvpcTrunking\",\"value\":\"enabled\"}");
    ecs("ListAccountSettings", "{\"effectiveSettings\":true}");
    ecs("DeleteAccountSetting", "{\"name\":\"containerInsights\"}");
    ecs("CreateCapacityProvider", "{\"name\":\"asg-cp\",\"autoScalingGroupProvider\":{\"autoScalingGroupArn\":"
        + "\"arn:aws:autoscaling:us-east-1:000000000000:autoScalingGroup:1:autoScalingGroupName/asg\"},"
        + "\"tags\":[{\"key\":\"team\",\"value\":\"a\"}]}");
    ecs("UpdateCapacityProvider", "{\"name\":\"asg-cp\",\"autoScalingGroupProvider\":{\"managedDraining\":\"DISABLED\"}}");
    ecs("DescribeCapacityProviders", "{\"include\":[\"TAGS\"]}");
    ecs("CreateCluster", "{\"clusterName\":\"conf\",\"tags\":[{\"key\":\"project\",\"value\":\"p1\"}],"
        + "\"capacityProviders\":[\"FARGATE\"],\"serviceConnectDefaults\":{\"namespace\":\"conf.local\"}}");
    ecs("UpdateCluster", "{\"cluster\":\"conf\",\"settings\":[{\"name\":\"containerInsights\",\"value\":\"enhanced\"}]}");
    ecs("UpdateClusterSettings", "{\"cluster\":\"conf\",\"settings\":[{\"name\":\"containerInsights\",\"value\":\"disabled\"}]}");
    ecs("PutClusterCapacityProviders", "{\"cluster\":\"conf\",\"capacityProviders\":[\"FARGATE\",\"FARGATE_SPOT\"],"
        + "\"defaultCapacityProviderStrategy\":[]}");
    ecs("DescribeClusters", "{\"clusters\":[\"conf\",\"missing\"],\"include\":[\"TAGS\",\"SETTINGS\",\"STATISTICS\","
        + "\"CONFIGURATIONS\",\"ATTACHMENTS\"]}");
    ecs("ListClusters", "{}");
    JsonNode registered = ecs("RegisterTaskDefinition", """
        {"family":"conf","networkMode":"awsvpc","cpu":"0.25 vCPU","memory":"0.5GB","requiresCompatibilities":["FARGATE"],
         "tags":[{"key":"project","value":"p1"}],
         "containerDefinitions":[{"name":"app","image":"ecsl/busybox:latest","command":["sh","-c","sleep 3600"],
           "portMappings":[{"containerPort":8080}],"environment":[{"name":"A","value":"1"}],
           "healthCheck":{"command":["CMD-SHELL","exit 0"],"interval":5}}]}
        """);
    assertEquals("256", registered.at("/taskDefinition/cpu").asText(), "0.25 vCPU is stored as units");
    assertEquals("512", registered.at("/taskDefinition/memory").asText());
    assertEquals(8080, registered.at("/taskDefinition/containerDefinitions/0/portMappings/0/hostPort").asInt());
    ecs("RegisterTaskDefinition", "{\"family\":\"conf\",\"memory\":\"64\",\"containerDefinitions\":"
        + "[{\"name\":\"app\",\"image\":\"ecsl/busybox:latest\"}]}");
    ecs("DescribeTaskDefinition", "{\"taskDefinition\":\"conf:1\",\"include\":[\"TAGS\"]}");
    ecs("ListTaskDefinitions", "{\"familyPrefix\":\"conf\",\"sort\":\"DESC\"}");
    ecs("ListTaskDefinitionFamilies", "{\"status\":\"ALL\"}");
    ecs("DeregisterTaskDefinition", "{\"taskDefinition\":\"conf:2\"}");
    ecs("DeleteTaskDefinitions", "{\"taskDefinitions\":[\"conf:2\",\"conf:1\"]}");
    String network = "\"networkConfiguration\":{\"awsvpcConfiguration\":{\"subnets\":[\"subnet-1\"]}}";
    ecs("CreateService", "{\"cluster\":\"conf\",\"serviceName\":\"svc\",\"taskDefinition\":\"conf:1\","
        + "\"desiredCount\":1,\"launchType\":\"FARGATE\"," + network + ",\"propagateTags\":\"SERVICE\","
        + "\"enableECSManagedTags\":true,\"tags\":[{\"key\":\"project\",\"value\":\"p1\"}],"
        + "\"deploymentConfiguration\":{\"deploymentCircuitBreaker\":{\"enable\":true,\"rollback\":true}}}");
    ecs("UpdateService", "{\"cluster\":\"conf\",\"service\":\"svc\",\"desiredCount\":2}");
    JsonNode run = ecs("RunTask", "{\"cluster\":\"conf\",\"taskDefinition\":\"conf:1\"," + network
        + ",\"overrides\":{\"containerOverrides\":[{\"name\":\"app\",\"environment\":[{\"name\":\"B\",\"value\":\"2\"}]}]}}");
    String taskArn = run.at("/tasks/0/taskArn").asText();
    JsonNode task = waitForRunning(taskArn);
    assertTrue(task.at("/containers/0/runtimeId").asText().length() > 0);
    // RunTask placed the task on the cluster's Docker host instance; StartTask names it.
    String host = ecs("ListContainerInstances", "{\"cluster\":\"conf\"}").at("/containerInstanceArns/0").asText();
    JsonNode started = ecs("StartTask", "{\"cluster\":\"conf\",\"taskDefinition\":\"conf:1\",\"containerInstances\":[\""
        + host + "\"]," + network + ",\"startedBy\":\"my-scheduler\"}");
    assertEquals(host, started.at("/tasks/0/containerInstanceArn").asText(), started.toString());
    ecs("StopTask", "{\"cluster\":\"conf\",\"task\":\"" + started.at("/tasks/0/taskArn").asText() + "\"}");
    ecs("ListTasks", "{\"cluster\":\"conf\",\"serviceName\":\"svc\"}");
    ecs("DescribeServices", "{\"cluster\":\"conf\",\"services\":[\"svc\",\"nope\"],\"include\":[\"TAGS\"]}");
    ecs("ListServices", "{\"cluster\":\"conf\"}");
    ecs("TagResource", "{\"resourceArn\":\"" + taskArn + "\",\"tags\":[{\"key\":\"k\",\"value\":\"v\"}]}");
    JsonNode tags = ecs("ListTagsForResource", "{\"resourceArn\":\"" + taskArn + "\"}");
    assertEquals("k", tags.at("/tags/0/key").asText());
    ecs("UntagResource", "{\"resourceArn\":\"" + taskArn + "\",\"tagKeys\":[\"k\"]}");
    ecs("StopTask", "{\"cluster\":\"conf\",\"task\":\"" + taskArn + "\"}");
    ecs("DeleteService", "{\"cluster\":\"conf\",\"service\":\"svc\",\"force\":true}");
    ecs("DeleteCapacityProvider", "{\"capacityProvider\":\"asg-cp\"}");
    assertEquals(List.of(), problems);
  }

  @Test
  void serviceDeploymentsAndRevisionsAnswerInTheModelsShape() throws InterruptedException {
    ecs("CreateCluster", "{\"clusterName\":\"staged\"}");
    ecs("RegisterTaskDefinition", "{\"family\":\"staged\",\"memory\":\"64\",\"containerDefinitions\":"
        + "[{\"name\":\"app\",\"image\":\"ecsl/busybox:latest\",\"command\":[\"sh\",\"-c\",\"sleep 3600\"]}]}");
    ecs("RegisterTaskDefinition", "{\"family\":\"staged\",\"memory\":\"64\",\"containerDefinitions\":"
        + "[{\"name\":\"app\",\"image\":\"ecsl/busybox:latest\",\"command\":[\"sh\",\"-c\",\"sleep 3601\"]}]}");
    ecs("CreateService", "{\"cluster\":\"staged\",\"serviceName\":\"bg\",\"taskDefinition\":\"staged:1\","
        + "\"desiredCount\":1,\"deploymentConfiguration\":{\"strategy\":\"BLUE_GREEN\",\"bakeTimeInMinutes\":60,"
        + "\"lifecycleHooks\":[{\"targetType\":\"PAUSE\",\"lifecycleStages\":[\"PRE_SCALE_UP\"]}]}}");
    ecs("UpdateService", "{\"cluster\":\"staged\",\"service\":\"bg\",\"taskDefinition\":\"staged:2\"}");
    JsonNode listed = ecs("ListServiceDeployments", "{\"cluster\":\"staged\",\"service\":\"bg\","
        + "\"status\":[\"PENDING\",\"IN_PROGRESS\"]}");
    String arn = listed.at("/serviceDeployments/0/serviceDeploymentArn").asText();
    JsonNode deployment = null;
    Instant deadline = Instant.now().plusSeconds(60);
    while (Instant.now().isBefore(deadline)) {
      deployment = ecs("DescribeServiceDeployments", "{\"serviceDeploymentArns\":[\"" + arn + "\",\""
          + arn.replaceAll("/[0-9]+$", "/1") + "\"]}");
      if (deployment.at("/serviceDeployments/0/lifecycleHookDetails/0/status").asText().equals("AWAITING_ACTION")) {
        break;
      }
      Thread.sleep(100);
    }
    assertEquals("MISSING", deployment.at("/failures/0/reason").asText());
    assertEquals("PRE_SCALE_UP", deployment.at("/serviceDeployments/0/lifecycleStage").asText(), deployment.toString());
    ecs("DescribeServiceRevisions", "{\"serviceRevisionArns\":[\""
        + deployment.at("/serviceDeployments/0/targetServiceRevision/arn").asText() + "\",\""
        + deployment.at("/serviceDeployments/0/sourceServiceRevisions/0/arn").asText() + "\"]}");
    ecs("ContinueServiceDeployment", "{\"serviceDeploymentArn\":\"" + arn + "\",\"hookId\":\""
        + deployment.at("/serviceDeployments/0/lifecycleHookDetails/0/hookId").asText() + "\",\"action\":\"CONTINUE\"}");
    ecs("StopServiceDeployment", "{\"serviceDeploymentArn\":\"" + arn + "\",\"stopType\":\"ROLLBACK\"}");
    ecs("ListServiceDeployments", "{\"cluster\":\"staged\",\"service\":\"bg\",\"maxResults\":1}");
    ecs("DeleteService", "{\"cluster\":\"staged\",\"service\":\"bg\",\"force\":true}");
    assertEquals(List.of(), problems);
  }

  private JsonNode waitForRunning(String taskArn) throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(60);
    while (Instant.now().isBefore(deadline)) {
      JsonNode task = ecs("DescribeTasks", "{\"cluster\":\"conf\",\"tasks\":[\"" + taskArn + "\"],"
          + "\"include\":[\"TAGS\"]}").at("/tasks/0");
      if (task.get("lastStatus").asText().equals("RUNNING")) {
        return task;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("task " + taskArn + " never reached RUNNING");
  }

  @Test
  void eventBridgeRulesAndTargetsAnswerInTheModelsShape() {
    ModelShapes events = ModelShapes.of("events");
    JsonNode rule = call(events, "AWSEvents", "PutRule", "{\"Name\":\"nightly\",\"ScheduleExpression\":"
        + "\"cron(0 3 * * ? *)\",\"Tags\":[{\"Key\":\"project\",\"Value\":\"p1\"}]}");
    String arn = rule.get("RuleArn").asText();
    assertEquals("arn:aws:events:us-east-1:000000000000:rule/nightly", arn);
    call(events, "AWSEvents", "PutTargets", """
        {"Rule":"nightly","Targets":[{"Id":"run","Arn":"arn:aws:ecs:us-east-1:000000000000:cluster/conf",
         "RoleArn":"arn:aws:iam::000000000000:role/events","EcsParameters":{"TaskDefinitionArn":
         "arn:aws:ecs:us-east-1:000000000000:task-definition/conf:1","TaskCount":1}}]}
        """);
    call(events, "AWSEvents", "DescribeRule", "{\"Name\":\"nightly\"}");
    call(events, "AWSEvents", "ListRules", "{\"NamePrefix\":\"night\"}");
    JsonNode targets = call(events, "AWSEvents", "ListTargetsByRule", "{\"Rule\":\"nightly\"}");
    assertEquals(1, targets.at("/Targets/0/EcsParameters/TaskCount").asInt());
    call(events, "AWSEvents", "TagResource", "{\"ResourceARN\":\"" + arn + "\",\"Tags\":[{\"Key\":\"a\",\"Value\":\"b\"}]}");
    call(events, "AWSEvents", "UntagResource", "{\"ResourceARN\":\"" + arn + "\",\"TagKeys\":[\"a\"]}");
    JsonNode tags = call(events, "AWSEvents", "ListTagsForResource", "{\"ResourceARN\":\"" + arn + "\"}");
    assertEquals("project", tags.at("/Tags/0/Key").asText());
    RuntimeClient.ApiError blocked = assertThrows(RuntimeClient.ApiError.class,
        () -> client.call("AWSEvents.DeleteRule", Json.parse("{\"Name\":\"nightly\"}")));
    assertEquals("ValidationException", blocked.type());
    call(events, "AWSEvents", "RemoveTargets", "{\"Rule\":\"nightly\",\"Ids\":[\"run\"]}");
    call(events, "AWSEvents", "DeleteRule", "{\"Name\":\"nightly\"}");
    RuntimeClient.ApiError invalid = assertThrows(RuntimeClient.ApiError.class, () -> client.call(
        "AWSEvents.PutRule", Json.parse("{\"Name\":\"bad\",\"ScheduleExpression\":\"rate(5 minute)\"}")));
    assertTrue(invalid.getMessage().contains("ScheduleExpression is not valid"), invalid.getMessage());
    assertEquals(List.of(), problems);
  }

  @Test
  void autoScalingTargetsAndPoliciesAnswerInTheModelsShape() {
    ModelShapes scaling = ModelShapes.of("application-autoscaling");
    String prefix = "AnyScaleFrontendService";
    String target = "\"ServiceNamespace\":\"ecs\",\"ResourceId\":\"service/conf/svc\","
        + "\"ScalableDimension\":\"ecs:service:DesiredCount\"";
    JsonNode registered = call(scaling, prefix, "RegisterScalableTarget", "{" + target
        + ",\"MinCapacity\":1,\"MaxCapacity\":4,\"Tags\":{\"project\":\"p1\"}}");
    String arn = registered.get("ScalableTargetARN").asText();
    call(scaling, prefix, "PutScalingPolicy", "{" + target + ",\"PolicyName\":\"cpu\",\"PolicyType\":"
        + "\"TargetTrackingScaling\",\"TargetTrackingScalingPolicyConfiguration\":{\"TargetValue\":50.0,"
        + "\"PredefinedMetricSpecification\":{\"PredefinedMetricType\":\"ECSServiceAverageCPUUtilization\"}}}");
    JsonNode targets = call(scaling, prefix, "DescribeScalableTargets", "{\"ServiceNamespace\":\"ecs\"}");
    assertEquals(4, targets.at("/ScalableTargets/0/MaxCapacity").asInt());
    JsonNode policies = call(scaling, prefix, "DescribeScalingPolicies", "{\"ServiceNamespace\":\"ecs\"}");
    assertEquals(2, policies.at("/ScalingPolicies/0/Alarms").size());
    call(scaling, prefix, "TagResource", "{\"ResourceARN\":\"" + arn + "\",\"Tags\":{\"team\":\"x\"}}");
    JsonNode tags = call(scaling, prefix, "ListTagsForResource", "{\"ResourceARN\":\"" + arn + "\"}");
    assertEquals("x", tags.at("/Tags/team").asText());
    call(scaling, prefix, "DeleteScalingPolicy", "{" + target + ",\"PolicyName\":\"cpu\"}");
    call(scaling, prefix, "DeregisterScalableTarget", "{" + target + "}");
    RuntimeClient.ApiError missing = assertThrows(RuntimeClient.ApiError.class,
        () -> client.call(prefix + ".DeregisterScalableTarget", Json.parse("{" + target + "}")));
    assertEquals("ObjectNotFoundException", missing.type());
    assertEquals(List.of(), problems);
  }

  @Test
  void cloudMapNamespacesAnswerInTheModelsShape() {
    ModelShapes cloudMap = ModelShapes.of("servicediscovery");
    String prefix = "Route53AutoNaming_v20170314";
    JsonNode created = call(cloudMap, prefix, "CreateHttpNamespace", "{\"Name\":\"shop\",\"CreatorRequestId\":"
        + "\"req-1\",\"Tags\":[{\"Key\":\"project\",\"Value\":\"p1\"}]}");
    JsonNode operation = call(cloudMap, prefix, "GetOperation", "{\"OperationId\":\""
        + created.get("OperationId").asText() + "\"}");
    assertEquals("SUCCESS", operation.at("/Operation/Status").asText());
    String id = operation.at("/Operation/Targets/NAMESPACE").asText();
    call(cloudMap, prefix, "CreatePrivateDnsNamespace", "{\"Name\":\"shop.internal\",\"Vpc\":\"vpc-1\"}");
    JsonNode namespace = call(cloudMap, prefix, "GetNamespace", "{\"Id\":\"" + id + "\"}");
    String arn = namespace.at("/Namespace/Arn").asText();
    JsonNode listed = call(cloudMap, prefix, "ListNamespaces",
        "{\"Filters\":[{\"Name\":\"TYPE\",\"Values\":[\"DNS_PRIVATE\"],\"Condition\":\"EQ\"}]}");
    assertEquals(1, listed.get("Namespaces").size());
    call(cloudMap, prefix, "TagResource", "{\"ResourceARN\":\"" + arn + "\",\"Tags\":[{\"Key\":\"a\",\"Value\":\"b\"}]}");
    call(cloudMap, prefix, "UntagResource", "{\"ResourceARN\":\"" + arn + "\",\"TagKeys\":[\"a\"]}");
    call(cloudMap, prefix, "ListTagsForResource", "{\"ResourceARN\":\"" + arn + "\"}");
    RuntimeClient.ApiError duplicate = assertThrows(RuntimeClient.ApiError.class,
        () -> client.call(prefix + ".CreateHttpNamespace", Json.parse("{\"Name\":\"shop\"}")));
    assertEquals("NamespaceAlreadyExists", duplicate.type());
    call(cloudMap, prefix, "DeleteNamespace", "{\"Id\":\"" + id + "\"}");
    assertEquals(List.of(), problems);
  }

  @Test
  void errorsUseTheAwsJsonErrorShapeAndStatus() throws Exception {
    HttpResponse<String> response = post(ECS + "DescribeServices", "{\"cluster\":\"nope\",\"services\":[\"x\"]}", null);
    assertEquals(400, response.statusCode());
    JsonNode body = Json.parse(response.body());
    assertEquals("com.amazonaws.ecs#ClusterNotFoundException", body.get("__type").asText());
    assertTrue(body.get("message").asText().startsWith("Cluster not found"));
    assertEquals("ClusterNotFoundException", response.headers().firstValue("x-amzn-ErrorType").orElseThrow());
    assertEquals("application/x-amz-json-1.1", response.headers().firstValue("Content-Type").orElseThrow());

    HttpResponse<String> unknown = post(ECS + "SubmitAttachmentStateChanges", "{\"attachments\":[]}", null);
    assertEquals(400, unknown.statusCode());
    assertTrue(Json.parse(unknown.body()).get("__type").asText().endsWith("#UnknownOperationException"));

    HttpResponse<String> malformed = post(ECS + "ListClusters", "{not json", null);
    assertTrue(Json.parse(malformed.body()).get("__type").asText().endsWith("#SerializationException"));
  }

  @Test
  void theRegionComesFromTheSignaturesCredentialScope() throws Exception {
    HttpResponse<String> response = post(ECS + "CreateCluster", "{\"clusterName\":\"paris\"}", "eu-west-3");
    assertEquals("arn:aws:ecs:eu-west-3:000000000000:cluster/paris",
        Json.parse(response.body()).at("/cluster/clusterArn").asText());
    HttpResponse<String> list = post(ECS + "ListClusters", "{}", null);
    assertTrue(!list.body().contains("paris"), "clusters are per region; us-east-1 does not see eu-west-3's");
  }

  @Test
  void registerTaskDefinitionRejectsBadInputWithEcsMessages() {
    assertEquals("Container.image should not be null or empty.", reject(
        "{\"family\":\"bad\",\"memory\":\"64\",\"containerDefinitions\":[{\"name\":\"app\"}]}"));
    assertEquals("Invalid setting for container 'app'. At least one of 'memory' or 'memoryReservation' must be"
        + " specified.", reject("{\"family\":\"bad\",\"containerDefinitions\":[{\"name\":\"app\",\"image\":\"x\"}]}"));
    assertEquals("When networkMode=awsvpc, the host ports and container ports in port mappings must match.",
        reject("{\"family\":\"bad\",\"networkMode\":\"awsvpc\",\"memory\":\"64\",\"containerDefinitions\":"
            + "[{\"name\":\"app\",\"image\":\"x\",\"portMappings\":[{\"containerPort\":80,\"hostPort\":81}]}]}"));
    assertEquals("Fargate only supports network mode 'awsvpc'.", reject("{\"family\":\"bad\",\"cpu\":\"256\","
        + "\"memory\":\"512\",\"requiresCompatibilities\":[\"FARGATE\"],\"containerDefinitions\":"
        + "[{\"name\":\"app\",\"image\":\"x\"}]}"));
    assertTrue(reject("{\"family\":\"bad\",\"memory\":\"64\",\"containerDefinitions\":[{\"name\":\"a\",\"image\":\"x\","
        + "\"dependsOn\":[{\"containerName\":\"b\",\"condition\":\"START\"}]},{\"name\":\"b\",\"image\":\"x\","
        + "\"dependsOn\":[{\"containerName\":\"a\",\"condition\":\"START\"}]}]}").contains("cycle"));
  }

  private String reject(String body) {
    RuntimeClient.ApiError error = assertThrows(RuntimeClient.ApiError.class,
        () -> client.call(ECS + "RegisterTaskDefinition", Json.parse(body)));
    assertEquals("ClientException", error.type());
    return error.getMessage();
  }

  /** A raw call signed with the runtime's key in {@code region} (default us-east-1). */
  private static HttpResponse<String> post(String target, String body, String region) {
    return RawHttp.post(runtime.server().endpoint(), RawHttp.signer(runtime, region == null ? "us-east-1" : region),
        target, body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  @Test
  void theShapeCheckerCatchesWrongMembersTypesAndEnumValues() {
    ObjectNode bad = Json.object();
    ObjectNode cluster = bad.putObject("cluster");
    cluster.put("clusterName", "x").put("clusterNme", "typo").put("status", 3);
    bad.putObject("extra");
    List<String> found = ecsModel.check("CreateCluster", bad);
    assertEquals(3, found.size(), found.toString());
    ObjectNode task = Json.object();
    task.putArray("tasks").addObject().put("lastStatus", "RUNNING").put("launchType", "SPACESHIP");
    assertEquals(1, ecsModel.check("DescribeTasks", task).size());
  }
}
