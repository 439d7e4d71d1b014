package io.ecsl.cli.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ecsl.cli.Main;
import io.ecsl.testing.AwsCli;
import io.ecsl.testing.InProcessCli;
import io.ecsl.testing.MotoServer;
import io.ecsl.testing.NeedsAwsCli;
import io.ecsl.testing.NeedsMoto;
import io.ecsl.testing.Processes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ecsl build} then {@code deploy.sh} against a real {@code moto_server} with the real AWS
 * CLI, reached through {@code AWS_ENDPOINT_URL}: everything declared exists afterwards, exactly as
 * declared, and a second run changes nothing it should not. The script runs twice in setup (with
 * drift made in between, as autoscaling or a person would); the tests read what each run left.
 *
 * <p>Where moto is wrong about ECS, the project works around it and says so here, while the
 * output stays right for AWS:
 * <ul>
 *   <li>moto answers 500 to {@code PutAccountSettingDefault}, so the account setting is declared
 *       for a principal ({@code PutAccountSetting}, which moto implements);</li>
 *   <li>moto checks subnets and security groups against its own EC2, so the test creates them;</li>
 *   <li>moto keeps {@code UpdateService}'s {@code taskDefinition} as sent (a family name) where
 *       ECS would show the ARN of the latest revision;</li>
 *   <li>moto's {@code CreateService} ignores {@code deploymentConfiguration} (its {@code UpdateService}
 *       keeps it), so the deployment settings are checked after the second run.</li>
 * </ul>
 */
@NeedsMoto
@NeedsAwsCli
class DeployScriptMotoTest {
  private static final InProcessCli ECSL = new InProcessCli(Main::run);
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path work;
  private static MotoServer moto;
  private static Map<String, String> env;
  private static Path out;
  private static String subnet;
  private static String hostile;
  private static Path marker;
  private static Processes.Result firstRun;
  private static Processes.Result secondRun;
  private static final Map<String, JsonNode> afterFirst = new HashMap<>();
  private static final Map<String, JsonNode> afterSecond = new HashMap<>();

  @BeforeAll
  static void buildAndDeployTwice() throws Exception {
    moto = MotoServer.start();
    // Only the test's settings (nothing from the machine's ~/.aws), and no retries hiding a failure.
    env = new HashMap<>(moto.awsEnvironment());
    env.put("AWS_MAX_ATTEMPTS", "1");

    String vpc = aws("ec2", "create-vpc", "--cidr-block", "10.0.0.0/16", "--query", "Vpc.VpcId", "--output", "text").trim();
    subnet = aws("ec2", "create-subnet", "--vpc-id", vpc, "--cidr-block", "10.0.1.0/24", "--query", "Subnet.SubnetId",
        "--output", "text").trim();
    String sg = aws("ec2", "create-security-group", "--group-name", "web", "--description", "web", "--vpc-id", vpc,
        "--query", "GroupId", "--output", "text").trim();

    marker = work.resolve("pwned");
    // Quotes, command substitution, backticks, a newline, a single quote and a $VARIABLE:
    // each must reach AWS as these bytes and nothing may run.
    hostile = "$(touch " + marker + ") \"quoted\" `touch " + marker + "` \n newline it's $HOME";
    String source = """
        project { name = "shop", account_id = "123456789012", region = "us-east-1", tags { team = "web" } }

        # moto: PutAccountSettingDefault answers 500, PutAccountSetting works (see the class comment).
        account_settings { principal_arn = "arn:aws:iam::123456789012:root", container_insights = enabled }

        namespace local { type = http, description = @HOSTILE@ }
        namespace internal { type = private_dns, vpc = "@VPC@" }
        # A $ in a name ends up in a file name, which the AWS CLI would expand in file:// paths.
        namespace odd { type = http, name = "odd$HOME'ns" }

        cluster prod {
          capacity_providers = [FARGATE, FARGATE_SPOT]
          default_strategy = [FARGATE base 1 weight 1, FARGATE_SPOT weight 3]
          container_insights = enabled
          configuration { execute_command_configuration { logging = "OVERRIDE",
            log_configuration { s3_bucket_name = "exec-logs", s3_key_prefix = @HOSTILE@ } } }
        }

        task web {
          cpu = 0.5 vcpu; memory = 1 GiB; network = awsvpc; compatibilities = [FARGATE]
          container app {
            image = "ghcr.io/acme/web:1.4.2"
            port http = 8080/tcp
            env { LOG_LEVEL = "info", HOSTILE = @HOSTILE@ }
          }
        }

        task batch {
          cpu = 0.25 vcpu; memory = 512 MiB; network = awsvpc; compatibilities = [FARGATE]
          container job { image = "busybox:1.36", command = ["echo", "nightly"] }
        }

        service web in prod {
          task = web; desired = 3; launch_type = FARGATE
          deployment { min_healthy = 100%, max = 200%, circuit_breaker = rollback }
          network { subnets = ["@SUBNET@"], security_groups = ["@SG@"] }
          autoscaling { min = 1, max = 10, cpu = 70% }
        }

        schedule nightly {
          cluster = prod, task = batch, expression = cron("0 3 * * ? *")
          role = "arn:aws:iam::123456789012:role/ecsEventsRole"
          launch_type = FARGATE
          network_configuration { awsvpc_configuration { subnets = ["@SUBNET@"] } }
        }

        schedule hourly {
          via = scheduler
          cluster = prod, task = batch, expression = rate(1h), timezone = "Europe/Paris", flexible_window = 10m
          role = "arn:aws:iam::123456789012:role/ecsSchedulerRole"
          launch_type = FARGATE
          network_configuration { awsvpc_configuration { subnets = ["@SUBNET@"] } }
        }
        """.replace("@HOSTILE@", ecslString(hostile)).replace("@VPC@", vpc).replace("@SUBNET@", subnet).replace("@SG@", sg);
    Path src = Files.createDirectories(work.resolve("src"));
    Files.writeString(src.resolve("main.ecs"), source);
    out = work.resolve("out");
    Processes.Result build = ECSL.run("build", src.toString(), "-o", out.toString());
    assertEquals(0, build.exitCode(), build.output());

    firstRun = deploy(out);
    snapshot(afterFirst, SNAPSHOTS.keySet());
    // Drift between the runs: autoscaling moves the desired count, someone edits the cluster.
    aws("ecs", "update-service", "--cluster", "prod", "--service", "web", "--desired-count", "4");
    aws("ecs", "update-cluster", "--cluster", "prod", "--configuration",
        "executeCommandConfiguration={logging=DEFAULT}");
    secondRun = deploy(out);
    snapshot(afterSecond, List.of("cluster", "taskDefinitions", "service", "namespaces", "targets", "ruleTargets"));
  }

  @AfterAll
  static void stopMoto() {
    if (moto != null) {
      moto.close();
    }
  }

  /** The value as an ecsl string literal. */
  private static String ecslString(String value) {
    return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
  }

  private static Processes.Result deploy(Path dir) throws Exception {
    return Processes.run(List.of("bash", dir.resolve("deploy.sh").toString()), env, 300);
  }

  private static String aws(String... args) throws Exception {
    return AwsCli.ok(env, args);
  }

  private static JsonNode awsJson(String... args) throws Exception {
    return AwsCli.json(env, args);
  }

  /** What the tests read after a run, each one AWS CLI call (they are slow: only those needed). */
  private static final Map<String, List<String>> SNAPSHOTS = new java.util.LinkedHashMap<>();

  static {
    SNAPSHOTS.put("cluster", List.of("ecs", "describe-clusters", "--clusters", "prod", "--include", "SETTINGS", "CONFIGURATIONS"));
    SNAPSHOTS.put("taskDefinitions", List.of("ecs", "list-task-definitions"));
    SNAPSHOTS.put("web", List.of("ecs", "describe-task-definition", "--task-definition", "web", "--include", "TAGS"));
    SNAPSHOTS.put("service", List.of("ecs", "describe-services", "--cluster", "prod", "--services", "web"));
    SNAPSHOTS.put("targets", List.of("application-autoscaling", "describe-scalable-targets", "--service-namespace", "ecs"));
    SNAPSHOTS.put("policies", List.of("application-autoscaling", "describe-scaling-policies", "--service-namespace", "ecs"));
    SNAPSHOTS.put("rule", List.of("events", "describe-rule", "--name", "nightly"));
    SNAPSHOTS.put("ruleTargets", List.of("events", "list-targets-by-rule", "--rule", "nightly"));
    SNAPSHOTS.put("schedule", List.of("scheduler", "get-schedule", "--name", "hourly"));
    SNAPSHOTS.put("namespaces", List.of("servicediscovery", "list-namespaces"));
    SNAPSHOTS.put("accountSettings", List.of("ecs", "list-account-settings", "--principal-arn", "arn:aws:iam::123456789012:root",
        "--name", "containerInsights"));
  }

  private static void snapshot(Map<String, JsonNode> into, java.util.Collection<String> which) throws Exception {
    for (String name : which) {
      into.put(name, awsJson(SNAPSHOTS.get(name).toArray(String[]::new)));
    }
  }

  private static String run1() {
    return firstRun.stdout() + firstRun.stderr();
  }

  @Test
  void theFirstRunCreatesEverythingStepByStep() {
    assertEquals(0, firstRun.exitCode(), run1());
    assertTrue(firstRun.stdout().startsWith("deploy.sh: project shop, region us-east-1, 13 steps\n"), run1());
    for (String line : List.of("[1/13] account setting containerInsights", "[2/13] namespace local", "[5/13] cluster prod",
        "[6/13] task definition web", "[8/13] service prod/web", "[12/13] schedule nightly: put-targets",
        "[13/13] schedule hourly",
        "registered web:1", "deploy.sh: done")) {
      assertTrue(firstRun.stdout().contains(line + "\n"), "missing `" + line + "` in\n" + run1());
    }
    assertEquals(6, firstRun.stdout().lines().filter(l -> l.trim().equals("created")).count(), run1());
  }

  @Test
  void theClusterHasItsSettingsAndCapacityProviders() throws Exception {
    JsonNode cluster = afterFirst.get("cluster").at("/clusters/0");
    assertEquals("ACTIVE", cluster.path("status").asText());
    assertEquals(JSON.readTree("[{\"name\": \"containerInsights\", \"value\": \"enabled\"}]"), cluster.path("settings"));
    assertEquals(JSON.readTree("[\"FARGATE\", \"FARGATE_SPOT\"]"), cluster.path("capacityProviders"));
    assertEquals(JSON.readTree("[{\"capacityProvider\": \"FARGATE\", \"weight\": 1, \"base\": 1},"
        + " {\"capacityProvider\": \"FARGATE_SPOT\", \"weight\": 3}]"), cluster.path("defaultCapacityProviderStrategy"));
    assertEquals(hostile, cluster.at("/configuration/executeCommandConfiguration/logConfiguration/s3KeyPrefix").asText());
  }

  @Test
  void theTaskDefinitionCarriesHostileValuesByteForByteAndRunsNothing() throws Exception {
    JsonNode td = afterFirst.get("web").path("taskDefinition");
    assertEquals(1, td.path("revision").asInt());
    assertEquals("512", td.path("cpu").asText());
    Map<String, String> environment = new HashMap<>();
    td.at("/containerDefinitions/0/environment").forEach(e -> environment.put(e.path("name").asText(), e.path("value").asText()));
    assertEquals(Map.of("LOG_LEVEL", "info", "HOSTILE", hostile), environment);
    assertFalse(Files.exists(marker), "a value was executed by the shell");
    // The revision is tagged with the digest of the very file it was registered from.
    String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
        .digest(Files.readAllBytes(out.resolve("task-definitions/web.json"))));
    List<String> tags = new ArrayList<>();
    afterFirst.get("web").path("tags").forEach(t -> tags.add(t.path("key").asText() + "=" + t.path("value").asText()));
    assertTrue(tags.contains("ecsl:request-sha256=" + digest), tags.toString());
    assertTrue(tags.contains("team=web"), tags.toString());
  }

  @Test
  void theServiceRunsTheTaskDefinitionInTheDeclaredNetwork() {
    JsonNode service = afterFirst.get("service").at("/services/0");
    assertEquals("ACTIVE", service.path("status").asText());
    assertEquals("arn:aws:ecs:us-east-1:123456789012:task-definition/web:1", service.path("taskDefinition").asText());
    assertEquals(3, service.path("desiredCount").asInt());
    assertEquals("FARGATE", service.path("launchType").asText());
    assertEquals(subnet, service.at("/networkConfiguration/awsvpcConfiguration/subnets/0").asText());
  }

  @Test
  void scalingSchedulesNamespacesAndAccountSettingsExist() {
    JsonNode target = afterFirst.get("targets").at("/ScalableTargets/0");
    assertEquals("service/prod/web", target.path("ResourceId").asText());
    assertEquals(1, target.path("MinCapacity").asInt());
    assertEquals(10, target.path("MaxCapacity").asInt());
    JsonNode policy = afterFirst.get("policies").at("/ScalingPolicies/0");
    assertEquals("web-cpu", policy.path("PolicyName").asText());
    assertEquals(70.0, policy.at("/TargetTrackingScalingPolicyConfiguration/TargetValue").asDouble());

    assertEquals("cron(0 3 * * ? *)", afterFirst.get("rule").path("ScheduleExpression").asText());
    assertEquals("ENABLED", afterFirst.get("rule").path("State").asText());
    JsonNode ruleTarget = afterFirst.get("ruleTargets").at("/Targets/0");
    assertEquals("arn:aws:ecs:us-east-1:123456789012:cluster/prod", ruleTarget.path("Arn").asText());
    assertEquals("arn:aws:ecs:us-east-1:123456789012:task-definition/batch", ruleTarget.at("/EcsParameters/TaskDefinitionArn").asText());

    JsonNode schedule = afterFirst.get("schedule");
    assertEquals("rate(1 hour)", schedule.path("ScheduleExpression").asText());
    assertEquals("Europe/Paris", schedule.path("ScheduleExpressionTimezone").asText());
    assertEquals(10, schedule.at("/FlexibleTimeWindow/MaximumWindowInMinutes").asInt());
    assertEquals("arn:aws:ecs:us-east-1:123456789012:task-definition/batch",
        schedule.at("/Target/EcsParameters/TaskDefinitionArn").asText());

    Map<String, JsonNode> namespaces = new HashMap<>();
    afterFirst.get("namespaces").path("Namespaces").forEach(n -> namespaces.put(n.path("Name").asText(), n));
    assertEquals(3, namespaces.size(), namespaces.keySet().toString());
    assertEquals("HTTP", namespaces.get("local").path("Type").asText());
    assertEquals(hostile, namespaces.get("local").path("Description").asText());
    assertEquals("DNS_PRIVATE", namespaces.get("internal").path("Type").asText());
    assertTrue(namespaces.containsKey("odd$HOME'ns"), namespaces.keySet().toString());

    assertEquals("enabled", afterFirst.get("accountSettings").at("/settings/0/value").asText());
  }

  @Test
  void theSecondRunChangesNothingButTheDrift() {
    String run2 = secondRun.stdout() + secondRun.stderr();
    assertEquals(0, secondRun.exitCode(), run2);
    assertEquals(0, secondRun.stdout().lines().filter(l -> l.trim().equals("created")).count(), run2);
    // A Scheduler schedule that exists is updated from the same request (UpdateSchedule takes it whole).
    java.util.List<String> lines = secondRun.stdout().lines().map(String::trim).toList();
    int hourly = lines.indexOf(lines.stream().filter(l -> l.endsWith("schedule hourly")).findFirst().orElse("?"));
    assertTrue(hourly >= 0 && lines.get(hourly + 1).equals("updated"), run2);
    assertEquals(3, secondRun.stdout().lines().filter(l -> l.trim().equals("exists: left as it is")).count(), run2);
    assertEquals(2, secondRun.stdout().lines().filter(l -> l.trim().startsWith("unchanged")).count(), run2);
    // No new task definition revision for unchanged content.
    assertEquals(afterFirst.get("taskDefinitions"), afterSecond.get("taskDefinitions"));
    assertEquals(3, afterSecond.get("namespaces").path("Namespaces").size());
    // The cluster edit is undone through the embedded update request, byte for byte.
    assertEquals(hostile, afterSecond.get("cluster")
        .at("/clusters/0/configuration/executeCommandConfiguration/logConfiguration/s3KeyPrefix").asText());
    // The desired count belongs to autoscaling: the second run leaves the drifted value alone,
    // and sends the rest of the service's settings (moto's create ignored these, see above).
    JsonNode service = afterSecond.get("service").at("/services/0");
    assertEquals(4, service.path("desiredCount").asInt());
    assertEquals(200, service.at("/deploymentConfiguration/maximumPercent").asInt());
    assertEquals(100, service.at("/deploymentConfiguration/minimumHealthyPercent").asInt());
    assertTrue(service.at("/deploymentConfiguration/deploymentCircuitBreaker/rollback").asBoolean());
    assertEquals(afterFirst.get("targets"), afterSecond.get("targets"));
    assertEquals(afterFirst.get("ruleTargets"), afterSecond.get("ruleTargets"));
    assertFalse(Files.exists(marker), "a value was executed by the shell");
  }

  @Test
  void aFailingStepIsNamedAndStopsTheRun(@TempDir Path tmp) throws Exception {
    Path src = Files.createDirectories(tmp.resolve("src"));
    Files.writeString(src.resolve("main.ecs"), """
        project { name = "broken", region = "us-east-1" }
        cluster other { }
        task lonely { cpu = 0.25 vcpu; memory = 512 MiB; network = awsvpc; compatibilities = [FARGATE]
          container app { image = "nginx:1.27" } }
        service lonely in other {
          task = lonely; desired = 1; launch_type = FARGATE
          network { subnets = ["subnet-0123456789abcdef0"] }
          autoscaling { min = 1, max = 2, cpu = 50% }
        }
        """);
    Path dir = tmp.resolve("out");
    Processes.Result build = ECSL.run("build", src.toString(), "-o", dir.toString());
    assertEquals(0, build.exitCode(), build.output());
    Processes.Result run = deploy(dir);
    assertNotEquals(0, run.exitCode());
    assertTrue(run.stderr().contains("deploy.sh: FAILED at step 3/5: service other/lonely (exit status "),
        run.stdout() + run.stderr());
    // The subnet does not exist: the AWS error itself is shown too.
    assertTrue(run.stderr().contains("subnet-0123456789abcdef0"), run.stderr());
    assertFalse(run.stdout().contains("deploy.sh: done"), run.stdout());
    assertFalse(run.stdout().contains("[4/5]"), "the run went on after the failure:\n" + run.stdout());
  }
}
