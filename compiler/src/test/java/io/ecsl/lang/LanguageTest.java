package io.ecsl.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.TestProjects;
import io.ecsl.compile.Compiler;
import io.ecsl.model.EcsModel;
import io.ecsl.model.Resource;
import io.ecsl.model.ResourceKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Semantics of the language, one feature per test, checked on the emitted API JSON. */
class LanguageTest {
  @TempDir Path dir;

  private EcsModel compile(String source) {
    Compiler.Result r = TestProjects.compile(dir, source);
    assertTrue(r.ok(), () -> TestProjects.render(r.diagnostics(), dir));
    return r.model();
  }

  private String errors(String source) {
    Compiler.Result r = TestProjects.compile(dir, source);
    assertFalse(r.ok(), "expected errors");
    return TestProjects.render(r.diagnostics(), dir);
  }

  private static JsonNode body(EcsModel m, ResourceKind kind, String name) {
    Resource r = m.find(kind, null, name);
    assertNotNull(r, kind + " " + name + " not in model: " + m.resources());
    return r.primary().body();
  }

  @Test
  void aLocalGroupTellsTheLocalRuntimeAndChangesNoOutput() {
    String provider = """
        capacity_provider fleet {
          auto_scaling_group = "arn:aws:autoscaling:us-east-1:123456789012:autoScalingGroup:1:autoScalingGroupName/fleet"
          managed_scaling { status = ENABLED, target_capacity = 90% }
          LOCAL
        }
        """;
    EcsModel plain = compile(provider.replace("LOCAL", ""));
    String plainOutputs = outputs(plain);
    EcsModel local = compile(provider.replace("LOCAL", """
        local_group {
            instance_type = "c6i.large"
            zones = ["us-east-1a", "us-east-1b"]
            min = 1
            max = 6
            warmup = 5s
            scale_in_after = 2m
          }"""));
    Resource r = local.find(ResourceKind.CAPACITY_PROVIDER, null, "fleet");
    assertEquals(new io.ecsl.model.LocalGroup("c6i.large", List.of("us-east-1a", "us-east-1b"), 1, 6, null, 5L, 120L,
        r.localGroup().span()), r.localGroup());
    assertEquals(body(plain, ResourceKind.CAPACITY_PROVIDER, "fleet"), r.primary().body());
    assertEquals(plainOutputs, outputs(local), "the JSON requests, manifest, CloudFormation and deploy.sh are unchanged");
    assertTrue(errors("cluster c { local_group { instance_type = \"m5.large\", max = 1 } }")
        .contains("unknown attribute `local_group`"), "only capacity providers take a local_group");
  }

  /** Every build output of a model, as text. */
  private static String outputs(EcsModel model) {
    StringBuilder out = new StringBuilder();
    for (io.ecsl.emit.BuildWriter.OutputFile file : io.ecsl.emit.BuildWriter.files(model)) {
      out.append(file.path()).append('\n').append(new String(file.content(), java.nio.charset.StandardCharsets.UTF_8));
    }
    out.append(io.ecsl.emit.cfn.CloudFormation.of(model)).append('\n');
    out.append(io.ecsl.emit.script.DeployScript.render(model));
    return out.toString();
  }

  @Test
  void unitsBecomeTheApiUnits() {
    JsonNode td = body(compile("""
        task t {
          cpu = 0.25 vcpu + 0.25 vcpu
          memory = 1.5 GiB
          container c {
            image = "x:1"
            cpu = 128
            memory = 512 MiB - 128 MiB
            stop_timeout = 1m
            health { command = "true", interval = 30s, timeout = 5000ms }
          }
        }
        """), ResourceKind.TASK_DEFINITION, "t");
    assertEquals("512", td.get("cpu").asText());
    assertEquals("1536", td.get("memory").asText());
    JsonNode c = td.get("containerDefinitions").get(0);
    assertEquals(384, c.get("memory").asInt());
    assertEquals(60, c.get("stopTimeout").asInt());
    assertEquals(5, c.get("healthCheck").get("timeout").asInt());
    assertEquals("[\"CMD-SHELL\",\"true\"]", c.get("healthCheck").get("command").toString());
  }

  @Test
  void aDurationIsNotMemory() {
    String out = errors("task t { container c { image = \"x:1\", memory = 30s } }");
    assertTrue(out.contains("error[E0301]: `memory` in `container c` in task definition `t` takes memory, not duration (`30s`)"), out);
  }

  @Test
  void anImportPathWithANulCharacterIsAnErrorNotACrash() {
    // found by PipelineFuzzTest: Path.resolve threw InvalidPathException
    String out = errors("import \"std\u0000/sidecars\" as s\ncluster c {}\n");
    assertTrue(out.contains("error[E0207]: an import path cannot contain a NUL character"), out);
  }

  @Test
  void taskAndServiceMayShareAName() {
    EcsModel m = compile("""
        cluster prod {}
        task web { container app { image = "x:1", memory = 64, port http = 80/tcp } }
        service web in prod {
          task = web
          desired = 1
          load_balancer { target_group = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0123456789abcdef", container = app.http }
        }
        """);
    JsonNode svc = m.find(ResourceKind.SERVICE, "prod", "web").primary().body();
    assertEquals("web", svc.get("taskDefinition").asText());
    assertEquals("app", svc.get("loadBalancers").get(0).get("containerName").asText());
    assertEquals(80, svc.get("loadBalancers").get(0).get("containerPort").asInt());
  }

  @Test
  void aMixinsExplicitFieldsWinWhateverTheOrder() {
    JsonNode td = body(compile("""
        template defaults() { network = bridge, cpu = 256 }
        task t {
          cpu = 512
          defaults()
          container c { image = "x:1", memory = 64 }
        }
        """), ResourceKind.TASK_DEFINITION, "t");
    assertEquals("512", td.get("cpu").asText());
    assertEquals("bridge", td.get("networkMode").asText());
  }

  /**
   * `container app { … }` beside a mixin that declares `container app` replaced the mixin's
   * container whole, silently, so its image was gone ("container `app` has no image"). A block
   * written in place amends the mixin's block of the same name, nested blocks too, whatever the
   * order; an assignment replaces it.
   */
  @Test
  void aBlockAmendsTheMixinsBlockOfTheSameName() {
    String template = """
        template web() {
          network = awsvpc
          container app {
            image = "web:1"
            memory = 512 MiB
            port http = 8080/tcp
            env { A = "1", B = "mixin" }
          }
        }
        """;
    JsonNode after = body(compile(template + """
        task t {
          web()
          container app {
            memory = 1 GiB
            env { B = "own", C = "3" }
          }
        }
        """), ResourceKind.TASK_DEFINITION, "t").get("containerDefinitions");
    assertEquals(1, after.size());
    JsonNode app = after.get(0);
    assertEquals("web:1", app.get("image").asText());
    assertEquals(1024, app.get("memory").asInt());
    assertEquals(8080, app.get("portMappings").get(0).get("containerPort").asInt());
    assertEquals("[{\"name\":\"A\",\"value\":\"1\"},{\"name\":\"B\",\"value\":\"own\"},{\"name\":\"C\",\"value\":\"3\"}]",
        app.get("environment").toString());

    JsonNode before = body(compile(template + """
        task t {
          container app { env { C = "3" } }
          web()
        }
        """), ResourceKind.TASK_DEFINITION, "t").get("containerDefinitions").get(0);
    assertEquals("web:1", before.get("image").asText(), "the order of the mixin and the block does not matter");
    assertEquals(3, before.get("environment").size());

    JsonNode replaced = body(compile(template + """
        task t {
          web()
          container app = { image = "other:2", memory = 256 MiB }
        }
        """), ResourceKind.TASK_DEFINITION, "t").get("containerDefinitions").get(0);
    assertEquals("other:2", replaced.get("image").asText());
    assertFalse(replaced.has("portMappings"), "an assignment replaces the mixin's container: " + replaced);
  }

  @Test
  void aBlockRefinesATemplateValue() {
    JsonNode c = body(compile("""
        template sidecar(image: string) = { image = image, essential = false, memory = 64 MiB }
        task t {
          container app { image = "app:1", memory = 128 }
          container log = sidecar("fluent:2") { memory = 128 MiB }
        }
        """), ResourceKind.TASK_DEFINITION, "t").get("containerDefinitions").get(1);
    assertEquals("log", c.get("name").asText());
    assertEquals(128, c.get("memory").asInt());
    assertFalse(c.get("essential").asBoolean());
  }

  @Test
  void loopsDeclareManyResources() {
    EcsModel m = compile("""
        cluster c {}
        for i in range(0, 3) {
          task "job-${i}" { container main { image = "job:${i}", memory = 64 } }
        }
        """);
    assertEquals(3, m.ofKind(ResourceKind.TASK_DEFINITION).size());
    assertEquals("job:2", body(m, ResourceKind.TASK_DEFINITION, "job-2").get("containerDefinitions").get(0).get("image").asText());
  }

  @Test
  void varsTakeFlagsAndFilesByType() throws Exception {
    Files.writeString(dir.resolve("prod.json"), "{\"replicas\": 5, \"image\": \"api:9\"}");
    Files.writeString(dir.resolve("main.ecs"), """
        var replicas: int = 1
        var image: string = "api:1"
        var memory: memory = 256 MiB
        cluster c {}
        task api { container api { image = image, memory = memory } }
        service api in c { task = api, desired = replicas }
        """);
    Compiler.Result r = Compiler.compile(new Compiler.Options(List.of(dir), dir, List.of("memory=1 GiB"),
        List.of(dir.resolve("prod.json")), null, null));
    assertTrue(r.ok(), () -> TestProjects.render(r.diagnostics(), dir));
    assertEquals(5, r.model().find(ResourceKind.SERVICE, "c", "api").primary().body().get("desiredCount").asInt());
    JsonNode c = r.model().find(ResourceKind.TASK_DEFINITION, null, "api").primary().body().get("containerDefinitions").get(0);
    assertEquals("api:9", c.get("image").asText());
    assertEquals(1024, c.get("memory").asInt());
  }

  private String varErrors(List<String> flags, List<Path> files) throws Exception {
    Files.writeString(dir.resolve("main.ecs"), """
        var task_cpu: cpu = 0.5 vcpu
        var desired: int = 1
        var zones: list(duration) = []
        let checked = zones
        cluster c {}
        task web { cpu = task_cpu, memory = 2 GiB, container app { image = "web:1", memory = 64 } }
        service web in c { task = web, desired = desired }
        """);
    Compiler.Result r = Compiler.compile(new Compiler.Options(List.of(dir), dir, flags, files, null, null));
    return TestProjects.render(r.diagnostics(), dir);
  }

  /** JSON has no units: a quantity var takes a string in the language's syntax, and errors point at the member. */
  @Test
  void aJsonVarFileWritesQuantitiesAsStringsAndErrorsPointAtTheMember() throws Exception {
    Path good = dir.resolve("good.json");
    Files.writeString(good, "{\n  \"desired\": 2,\n  \"task_cpu\": \"1 vcpu\",\n  \"zones\": [\"30s\", 60]\n}\n");
    assertEquals("", varErrors(List.of(), List.of(good)));
    Compiler.Result r = Compiler.compile(new Compiler.Options(List.of(dir), dir, List.of(), List.of(good), null, null));
    assertEquals("1024", r.model().find(ResourceKind.TASK_DEFINITION, null, "web").primary().body().get("cpu").asText());

    Path wrong = dir.resolve("wrong.json");
    Files.writeString(wrong, "{\n  \"desired\": 2,\n  \"task_cpu\": \"1 GiB\"\n}\n");
    String out = varErrors(List.of(), List.of(wrong));
    assertTrue(out.startsWith("wrong.json:3:3: error[E0302]: var `task_cpu` must be a cpu, found the memory `1 GiB`"), out);

    Path unreadable = dir.resolve("unreadable.json");
    Files.writeString(unreadable, "{\n  \"desired\": 2,\n  \"task_cpu\": \"one vcpu\"\n}\n");
    assertTrue(varErrors(List.of(), List.of(unreadable))
        .startsWith("unreadable.json:3:3: error[E0212]: cannot read `one vcpu` as a value for var `task_cpu`"));

    Path huge = dir.resolve("huge.json");
    Files.writeString(huge, "{\"desired\": 99999999999999999999}");
    assertTrue(varErrors(List.of(), List.of(huge))
        .startsWith("huge.json:1:2: error[E0212]: `99999999999999999999` is too large for var `desired`"));
  }

  @Test
  void aVarFlagIsShownAsGivenAndAHugeNumberIsTooLarge() throws Exception {
    String decimal = varErrors(List.of("desired=2.5"), List.of());
    assertEquals("--var desired:1:1: error[E0302]: var `desired` must be an int, found a number\n  |\n1 | 2.5\n  | ^^^\n", decimal);
    String huge = varErrors(List.of("desired=99999999999999999999999"), List.of());
    assertTrue(huge.startsWith("--var desired:1:1: error[E0212]: `99999999999999999999999` is too large for var `desired`"), huge);
    assertTrue(huge.contains("= hint: integers are 64-bit: at most 9223372036854775807"), huge);
  }

  @Test
  void aMissingVarFileSaysSo() throws Exception {
    String out = varErrors(List.of(), List.of(Path.of("no-such-vars.json")));
    assertEquals("no-such-vars.json: error[E0212]: cannot read var file no-such-vars.json: no such file\n"
        + "  = hint: check the path given to --var-file\n", out);
  }

  @Test
  void anUnknownVarFlagIsAnError() {
    Compiler.Result r = TestProjects.compile(dir, Map.of("main.ecs", "var replicas: int = 1\n"), List.of("replica=3"));
    String out = TestProjects.render(r.diagnostics(), dir);
    assertTrue(out.contains("error[E0213]: no `var replica` is declared, but --var sets it"), out);
    assertTrue(out.contains("did you mean `replicas`?"), out);
  }

  @Test
  void aVarFlagThatIsNotAValueOfItsTypeIsOneErrorAboutTheFlag() {
    String source = """
        var desired: int = 1
        cluster c {}
        task api { container api { image = "api:1", memory = 64 } }
        service api in c { task = api, desired = desired, autoscaling { min = desired, max = 4, cpu = 60% } }
        """;
    Compiler.Result r = TestProjects.compile(dir, Map.of("main.ecs", source), List.of("desired=abc"));
    String out = TestProjects.render(r.diagnostics(), dir);
    assertEquals("--var desired:1:1: error[E0212]: cannot read `abc` as a value for var `desired`\n"
        + "  = hint: var `desired` is an int; quote strings, write units (`1 GiB`)\n", out.replaceAll("(?m)^ *\\d* *\\|.*\\n", ""));
    assertFalse(out.contains("__value"), out);
    assertFalse(out.contains("needs `min`"), "the failed var is not also a missing `min`: " + out);
  }

  @Test
  void theNamesAnUnknownAttributeHintListsAreSpelledAsWritten() {
    Compiler.Result r = TestProjects.compile(dir, Map.of("main.ecs", """
        cluster c {}
        task t { container a { image = "a:1", memory = 64 } }
        service s in c { task = t, desired = 1, health_grace = 3 }
        """), List.of());
    String out = TestProjects.render(r.diagnostics(), dir);
    assertTrue(out.contains("valid here: ") && out.contains(" grace_period,") && out.contains(" service_connect,"), out);
    assertFalse(out.contains("graceperiod") || out.contains("serviceconnect"), out);
  }

  @Test
  void anUnknownNameIsNotSaidToBeAMisspeltBuiltInFunction() {
    Compiler.Result r = TestProjects.compile(dir, Map.of("main.ecs", """
        cluster main {}
        task web { container app { image = "web:1", memory = 64 } }
        service web in prod { task = web, desired = 1 }
        """), List.of());
    String out = TestProjects.render(r.diagnostics(), dir);
    assertTrue(out.contains("error[E0201]: unknown name `prod`"), out);
    assertFalse(out.contains("cron"), "`cron` is a function, not a cluster: " + out);
  }

  @Test
  void aByteOrderMarkIsIgnoredAndColumnsCountAfterIt() {
    Compiler.Result r = TestProjects.compile(dir, Map.of("main.ecs", "\uFEFFcluster c {\n  bad = 1\n}\n"), List.of());
    String out = TestProjects.render(r.diagnostics(), dir);
    assertTrue(out.startsWith("main.ecs:2:3: error[E0410]: unknown attribute `bad`"), out);
    assertFalse(out.contains("E0100"), out);
  }

  @Test
  void autoscalingProducesTargetAndPolicyAndOwnsTheDesiredCount() {
    EcsModel m = compile("""
        cluster prod {}
        task web { container app { image = "x:1", memory = 64 } }
        service web in prod { task = web, desired = 2, autoscaling { min = 2, max = 8, cpu = 70%, scale_in_cooldown = 5m } }
        """);
    Resource scaling = m.find(ResourceKind.SCALING, "prod", "web");
    assertEquals("service/prod/web", scaling.requests().get(0).body().get("ResourceId").asText());
    assertEquals(8, scaling.requests().get(0).body().get("MaxCapacity").asInt());
    JsonNode policy = scaling.requests().get(1).body().get("TargetTrackingScalingPolicyConfiguration");
    assertEquals(70.0, policy.get("TargetValue").asDouble());
    assertEquals(300, policy.get("ScaleInCooldown").asInt());
    assertEquals("application auto scaling", m.find(ResourceKind.SERVICE, "prod", "web").ownedElsewhere().get("/desiredCount"));
  }

  @Test
  void ownedElsewhereAddressesContainersByName() {
    EcsModel m = compile("""
        task web {
          container log { image = "fluent:2", memory = 64 }
          container app { image = "x:1", memory = 64 }
          owned_elsewhere { "app.image" = "CI pipeline" }
        }
        """);
    assertEquals(Map.of("/containerDefinitions/1/image", "CI pipeline"),
        m.find(ResourceKind.TASK_DEFINITION, null, "web").ownedElsewhere());
  }

  @Test
  void ownedElsewhereOnLoadBalancingResourcesNamesTheirOwnRequestsFields() {
    // Each kind's paths are members of the request it lowers to (CreateTargetGroup, CreateListener),
    // not of an ECS request.
    EcsModel m = compile("""
        target_group web { protocol = HTTP, port = 8080, target_type = ip, vpc_id = "vpc-0abc"
          owned_elsewhere { health_check_path = "platform team" } }
        load_balancer public { type = application, subnets = ["subnet-a", "subnet-b"] }
        listener http in public { port = 80, protocol = HTTP, forward = web
          owned_elsewhere { default_actions = "ECS deployments" } }
        """);
    assertEquals(Map.of("/HealthCheckPath", "platform team"),
        m.find(ResourceKind.TARGET_GROUP, null, "web").ownedElsewhere());
    Resource listener = m.resources().stream().filter(r -> r.kind() == ResourceKind.LISTENER).findFirst().orElseThrow();
    assertEquals(Map.of("/DefaultActions", "ECS deployments"), listener.ownedElsewhere());
  }

  @Test
  void schedulesNeedTheAccountForArns() {
    String out = errors("""
        cluster jobs {}
        task report { container r { image = "r:1", memory = 64 } }
        schedule nightly { cluster = jobs, task = report, expression = cron("0 3 * * ? *") }
        """);
    assertTrue(out.contains("error[E0420]: schedule `nightly` needs the AWS account id"), out);
  }

  @Test
  void schedulesBecomeARuleAndAnEcsTarget() {
    EcsModel m = compile("""
        project { account_id = "123456789012", region = "eu-west-1" }
        cluster jobs {}
        task report { container r { image = "r:1", memory = 64 } }
        schedule nightly { cluster = jobs, task = report, expression = rate(1d), count = 2,
          role = "arn:aws:iam::123456789012:role/ecsEventsRole",
          overrides { container_overrides = [{ name = "r", command = ["run"] }] } }
        """);
    Resource s = m.find(ResourceKind.SCHEDULE, null, "nightly");
    assertEquals("rate(1 day)", s.requests().get(0).body().get("ScheduleExpression").asText());
    JsonNode target = s.requests().get(1).body().get("Targets").get(0);
    assertEquals("arn:aws:ecs:eu-west-1:123456789012:cluster/jobs", target.get("Arn").asText());
    assertEquals("arn:aws:ecs:eu-west-1:123456789012:task-definition/report",
        target.get("EcsParameters").get("TaskDefinitionArn").asText());
    assertEquals(2, target.get("EcsParameters").get("TaskCount").asInt());
    assertEquals("{\"containerOverrides\":[{\"name\":\"r\",\"command\":[\"run\"]}]}", target.get("Input").asText());
  }

  @Test
  void spansFollowListsThatWereSorted() {
    EcsModel m = compile("""
        task t {
          container c {
            image = "x:1"
            memory = 64
            env {
              ZED = "last"
              ALPHA = "first"
            }
          }
        }
        """);
    Resource r = m.find(ResourceKind.TASK_DEFINITION, null, "t");
    assertEquals("ALPHA", r.primary().body().at("/containerDefinitions/0/environment/0/name").asText());
    assertEquals(7, r.primary().spans().at("/containerDefinitions/0/environment/0/value").line());
    assertEquals(6, r.primary().spans().at("/containerDefinitions/0/environment/1/value").line());
  }

  @Test
  void theSameResourceDeclaredTwiceIsAnError() {
    String out = errors("""
        template t(n: string) { task x { family = n, container c { image = "x:1", memory = 64 } } }
        t("api")
        t("api")
        """);
    assertTrue(out.contains("error[E0215]: task definition api is declared twice"), out);
  }
}
