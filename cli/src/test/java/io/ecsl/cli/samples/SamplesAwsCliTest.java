package io.ecsl.cli.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
  static String subnet;
  static String securityGroup;

  @TempDir Path out;

  @BeforeAll
  static void start() throws Exception {
    moto = MotoServer.start();
    // moto checks awsvpc subnets and security groups against its EC2 backend: make real ones.
    String vpc = aws("ec2", "create-vpc", "--cidr-block", "10.0.0.0/16", "--query", "Vpc.VpcId", "--output", "text");
    subnet = aws("ec2", "create-subnet", "--vpc-id", vpc, "--cidr-block", "10.0.1.0/24", "--query", "Subnet.SubnetId", "--output", "text");
    securityGroup = aws("ec2", "create-security-group", "--group-name", "ecsl", "--description", "ecsl tests", "--vpc-id", vpc,
        "--query", "GroupId", "--output", "text");
  }

  @AfterAll
  static void stop() {
    moto.close();
  }

  private static String aws(String... args) throws Exception {
    return AwsCli.ok(moto.awsEnvironment(), args).strip();
  }

  @Test
  void everyManifestEntryIsAcceptedByTheAwsCli() throws Exception {
    List<List<String>> commands = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    List<Path> samples;
    try (Stream<Path> s = Files.list(RepoPaths.samples())) {
      samples = s.filter(Files::isDirectory).sorted().toList();
    }
    assertTrue(samples.size() >= 6, "expected the six required samples, found " + samples);
    for (Path sample : samples) {
      Path dir = out.resolve(sample.getFileName());
      List<String> args = new ArrayList<>(List.of("build", sample.toString(), "--out", dir.toString()));
      if (Files.readString(sample.resolve("main.ecs")).contains("var subnets")) {
        args.addAll(List.of("--var", "subnets=[\"" + subnet + "\"]", "--var", "security_groups=[\"" + securityGroup + "\"]"));
      }
      Processes.Result build = ECSL.run(args);
      assertEquals(0, build.exitCode(), sample + ": " + build.stderr());
      JsonNode manifest = new ObjectMapper().readTree(dir.resolve("manifest.json").toFile());
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
    List<String> failures = new ArrayList<>();
    for (int i = 0; i < results.size(); i++) {
      if (!results.get(i).ok()) {
        failures.add(labels.get(i) + ": " + results.get(i).stderr().strip());
      }
    }
    assertTrue(failures.isEmpty(), "rejected by the AWS CLI / moto:\n" + String.join("\n", failures));
    assertTrue(results.size() >= 30, "expected every sample's requests, ran " + results.size());
    // A spot check that what was accepted is what was declared.
    JsonNode services = AwsCli.json(moto.awsEnvironment(), "ecs", "describe-services", "--cluster", "storefront", "--services",
        "web");
    assertEquals(2, services.get("services").get(0).get("desiredCount").asInt());
    JsonNode td = AwsCli.json(moto.awsEnvironment(), "ecs", "describe-task-definition", "--task-definition", "web:1");
    assertEquals("ghcr.io/acme/web:1.4.2", td.get("taskDefinition").get("containerDefinitions").get(0).get("image").asText());
  }
}
