package io.ecsl.cli.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.Map;
import io.ecsl.cli.Main;
import io.ecsl.testing.AwsCli;
import io.ecsl.testing.InProcessCli;
import io.ecsl.testing.FreePorts;
import io.ecsl.testing.MotoGaps;
import io.ecsl.testing.MotoServer;
import io.ecsl.testing.NeedsAwsCli;
import io.ecsl.testing.NeedsMoto;
import io.ecsl.testing.Processes;
import io.ecsl.testing.RepoPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every sample builds, and every entry of its manifest is accepted by the real AWS CLI
 * ({@code aws <service> <operation> --cli-input-json file://…}) against a moto_server.
 */
@NeedsMoto
@NeedsAwsCli
class SamplesAwsCliTest {
  private static final InProcessCli ECSL = new InProcessCli(Main::run);
  static MotoServer moto;
  static String vpc;
  static String subnet;
  static String subnetB;
  static String securityGroup;

  @TempDir Path out;

  @BeforeAll
  static void start() throws Exception {
    moto = MotoServer.start();
    // moto checks awsvpc subnets and security groups against its EC2 backend: make real ones.
    // ELBv2 checks a target group's VPC and a load balancer's subnets (two, in two zones) the same way.
    vpc = aws("ec2", "create-vpc", "--cidr-block", "10.0.0.0/16", "--query", "Vpc.VpcId", "--output", "text");
    subnet = aws("ec2", "create-subnet", "--vpc-id", vpc, "--cidr-block", "10.0.1.0/24", "--availability-zone", "us-east-1a",
        "--query", "Subnet.SubnetId", "--output", "text");
    subnetB = aws("ec2", "create-subnet", "--vpc-id", vpc, "--cidr-block", "10.0.2.0/24", "--availability-zone", "us-east-1b",
        "--query", "Subnet.SubnetId", "--output", "text");
    securityGroup = aws("ec2", "create-security-group", "--group-name", "ecsl", "--description", "ecsl tests", "--vpc-id", vpc,
        "--query", "GroupId", "--output", "text");
  }

  @AfterAll
  static void stop() {
    moto.close();
  }

  /**
   * Operations moto does not implement (Express Mode, as of moto 5): the AWS CLI still judges their
   * requests, validating each against botocore's model before it sends anything; moto then answers
   * that it does not know the operation. The local runtime implements them (ExpressSampleOnRuntimeTest).
   */
  private static boolean motoLacks(String operation) {
    return operation.equals("create-express-gateway-service") || operation.equals("register-daemon-task-definition")
        || operation.equals("create-daemon");
  }

  /** The request passed botocore's parameter validation and reached the endpoint (which refused the operation). */
  private static boolean validatedByBotocore(Processes.Result r) {
    String err = r.stderr();
    return err.contains("An error occurred") && !err.contains("Parameter validation failed") && !err.contains("Unknown parameter")
        && !err.contains("Invalid type");
  }

  private static String aws(String... args) throws Exception {
    return AwsCli.ok(moto.awsEnvironment(), args).strip();
  }

  @Test
  void everyManifestEntryIsAcceptedByTheAwsCli() throws Exception {
    List<List<String>> commands = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    List<Path> elbSamples = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    List<Path> samples;
    try (Stream<Path> s = Files.list(RepoPaths.samples())) {
      samples = s.filter(Files::isDirectory).sorted().toList();
    }
    assertTrue(samples.size() >= 6, "expected the six required samples, found " + samples);
    for (Path sample : samples) {
      Path dir = out.resolve(sample.getFileName());
      List<String> args = new ArrayList<>(List.of("build", sample.toString(), "--out", dir.toString()));
      String source = Files.readString(sample.resolve("main.ecs"));
      if (source.contains("var subnets")) {
        args.addAll(List.of("--var", "subnets=[\"" + subnet + "\", \"" + subnetB + "\"]", "--var",
            "security_groups=[\"" + securityGroup + "\"]"));
      }
      if (source.contains("var vpc")) {
        args.addAll(List.of("--var", "vpc=" + vpc));
      }
      if (source.contains("var lb_security_groups")) {
        args.addAll(List.of("--var", "lb_security_groups=[\"" + securityGroup + "\"]"));
      }
      Processes.Result build = ECSL.run(args);
      assertEquals(0, build.exitCode(), sample + ": " + build.stderr());
      JsonNode manifest = new ObjectMapper().readTree(dir.resolve("manifest.json").toFile());
      if (manifest.toString().contains("\"elbv2\"")) {
        elbSamples.add(dir);
        continue;
      }
      if (MotoGaps.SAMPLES.containsKey(sample.getFileName().toString())) {
        failures.addAll(acceptedByBotocore(sample, dir, manifest));
        continue;
      }
      for (JsonNode e : manifest.get("entries")) {
        String operation = e.get("operation").asText();
        // moto answers PutAccountSettingDefault with HTTP 500 (its handler is missing); the request
        // shape is the same as PutAccountSetting's, which moto implements. The build output stays
        // put-account-setting-default: that is the right call for account-wide defaults on AWS.
        if (operation.equals("put-account-setting-default")) {
          operation = "put-account-setting";
        }
        commands.add(List.of(e.get("service").asText(), operation, "--cli-input-json",
            "file://" + dir.resolve(e.get("file").asText())));
        labels.add(sample.getFileName() + " " + e.get("service").asText() + " " + e.get("operation").asText() + " "
            + e.get("file").asText());
      }
    }
    List<Processes.Result> results = AwsCli.batch(commands, moto.awsEnvironment());
    for (int i = 0; i < results.size(); i++) {
      if (!results.get(i).ok() && !(motoLacks(commands.get(i).get(1)) && validatedByBotocore(results.get(i)))) {
        failures.add(labels.get(i) + ": " + results.get(i).stderr().strip());
      }
    }
    for (Path dir : elbSamples) {
      failures.addAll(inOrderPassingArns(dir));
    }
    assertTrue(failures.isEmpty(), "rejected by the AWS CLI / moto:\n" + String.join("\n", failures));
    assertTrue(!elbSamples.isEmpty(), "expected a sample with load balancers (alb-web)");
    JsonNode lab = AwsCli.json(moto.awsEnvironment(), "ecs", "describe-services", "--cluster", "lab", "--services", "web");
    assertEquals(AwsCli.json(moto.awsEnvironment(), "elbv2", "describe-target-groups", "--names", "web")
        .at("/TargetGroups/0/TargetGroupArn").asText(), lab.at("/services/0/loadBalancers/0/targetGroupArn").asText(), lab.toString());
    assertTrue(results.size() >= 30, "expected every sample's requests, ran " + results.size());
    // A spot check that what was accepted is what was declared.
    JsonNode services = AwsCli.json(moto.awsEnvironment(), "ecs", "describe-services", "--cluster", "storefront", "--services",
        "web");
    assertEquals(2, services.get("services").get(0).get("desiredCount").asInt());
    // Several samples register a family `web`; fargate-web's revision holds its image.
    java.util.List<String> images = new java.util.ArrayList<>();
    for (JsonNode arn : AwsCli.json(moto.awsEnvironment(), "ecs", "list-task-definitions", "--family-prefix", "web")
        .get("taskDefinitionArns")) {
      JsonNode td = AwsCli.json(moto.awsEnvironment(), "ecs", "describe-task-definition", "--task-definition", arn.asText());
      images.add(td.get("taskDefinition").get("containerDefinitions").get(0).get("image").asText());
    }
    assertTrue(images.contains("ghcr.io/acme/web:1.4.2"), images.toString());
  }

  /**
   * A sample moto cannot take (see {@link MotoGaps}): each request goes through the AWS CLI's own
   * parameter validation (botocore checks every member name, type and required field against the
   * service model before sending) to an endpoint nothing listens on, with one attempt. A request
   * botocore accepts fails only to connect; one it rejects says "Parameter validation failed".
   */
  private static List<String> acceptedByBotocore(Path sample, Path dir, JsonNode manifest) throws Exception {
    Map<String, String> env = new HashMap<>(AwsCli.environment("http://127.0.0.1:" + FreePorts.forAServerProcess()));
    env.put("AWS_MAX_ATTEMPTS", "1");
    env.put("AWS_RETRY_MODE", "standard");
    List<String> failures = new ArrayList<>();
    for (JsonNode e : manifest.get("entries")) {
      Processes.Result r = AwsCli.run(env, e.get("service").asText(), e.get("operation").asText(), "--cli-input-json",
          "file://" + dir.resolve(e.get("file").asText()), "--cli-connect-timeout", "2");
      String label = sample.getFileName() + " " + e.get("operation").asText() + " " + e.get("file").asText();
      if (r.ok() || !r.stderr().contains("Could not connect to the endpoint URL")) {
        failures.add(label + " (botocore validation only: " + MotoGaps.SAMPLES.get(sample.getFileName().toString()) + "): "
            + r.stderr().strip());
      }
    }
    return failures;
  }

  /**
   * The manifest of a sample with load balancers, one request at a time in its order, as deploy.sh
   * sends it: each ARN placeholder ({@code ${target-group:web}}) is replaced by the ARN the AWS CLI
   * got back from the request that created that resource (docs/outputs.md).
   */
  private static List<String> inOrderPassingArns(Path dir) throws Exception {
    Map<String, String> arns = new HashMap<>();
    Map<String, String> arnAt = Map.of("create-target-group", "/TargetGroups/0/TargetGroupArn",
        "create-load-balancer", "/LoadBalancers/0/LoadBalancerArn", "create-listener", "/Listeners/0/ListenerArn",
        "create-rule", "/Rules/0/RuleArn");
    List<String> failures = new ArrayList<>();
    JsonNode manifest = new ObjectMapper().readTree(dir.resolve("manifest.json").toFile());
    for (JsonNode e : manifest.get("entries")) {
      String request = Files.readString(dir.resolve(e.get("file").asText()));
      for (Map.Entry<String, String> a : arns.entrySet()) {
        request = request.replace(a.getKey(), a.getValue());
      }
      Path sent = Files.writeString(dir.resolve(e.get("file").asText() + ".sent.json"), request);
      String operation = e.get("operation").asText();
      Processes.Result r = AwsCli.run(moto.awsEnvironment(), e.get("service").asText(), operation, "--cli-input-json",
          "file://" + sent, "--output", "json");
      String label = dir.getFileName() + " " + e.get("service").asText() + " " + operation + " " + e.get("file").asText();
      if (!r.ok()) {
        failures.add(label + ": " + r.stderr().strip());
        continue;
      }
      if (arnAt.containsKey(operation)) {
        arns.put("${" + e.get("kind").asText() + ":" + e.get("name").asText() + "}",
            new ObjectMapper().readTree(r.stdout()).at(arnAt.get(operation)).asText());
      }
    }
    return failures;
  }
}
