package io.ecsl.emit;

import static org.junit.jupiter.api.Assertions.fail;

import io.ecsl.compile.Compiler;
import io.ecsl.diag.DiagnosticRenderer;
import io.ecsl.model.EcsModel;
import io.ecsl.testing.RepoPaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Projects the emitter tests compile: written on the fly, or found in the repository. */
public final class TestProjects {
  private TestProjects() {}

  /**
   * One of every kind of resource and the CloudFormation corner cases: a custom capacity
   * provider, all three namespace types, Service Connect, App Mesh proxy configuration (whose
   * CloudFormation name differs), EFS volumes, Docker labels (map keys that must not be
   * capitalised), target-tracking and step scaling, a schedule with a capacity provider strategy.
   */
  public static final String EVERYTHING = """
      project { name = "everything", account_id = "123456789012", region = "eu-west-1", tags { team = "platform" } }

      account_settings { container_insights = enabled }

      namespace local { type = http, description = "Service Connect" }
      namespace internal { type = private_dns, vpc = "vpc-0123456789abcdef0" }
      namespace public-zone { type = public_dns, name = "example.com" }

      capacity_provider ec2-fleet {
        auto_scaling_group_provider {
          auto_scaling_group_arn = "arn:aws:autoscaling:eu-west-1:123456789012:autoScalingGroup:8a4e2b8c-1c44-4e5c-9a7d-2f6c7b7f2b10:autoScalingGroupName/ecs"
          managed_scaling { status = "ENABLED", target_capacity = 90 }
          managed_termination_protection = "DISABLED"
        }
      }

      cluster prod {
        capacity_providers = [FARGATE, FARGATE_SPOT, ec2-fleet]
        default_strategy = [FARGATE base 1 weight 1, FARGATE_SPOT weight 3]
        container_insights = enabled
        service_connect_defaults { namespace = "local" }
      }

      cluster edge { }

      task web {
        cpu = 0.5 vcpu; memory = 1 GiB; network = awsvpc; compatibilities = [FARGATE]
        execution_role = "arn:aws:iam::123456789012:role/ecsTaskExecutionRole"
        container app {
          image = "ghcr.io/acme/web:1.0"
          port http = 8080/tcp
          env { LOG_LEVEL = "info" }
          docker_labels { "com.example.team" = "web" }
          mount_points = [{ source_volume = "data", container_path = "/data" }]
        }
        container envoy { image = "public.ecr.aws/appmesh/aws-appmesh-envoy:v1.27.0.0-prod", essential = true }
        proxy_configuration {
          type = "APPMESH", container_name = "envoy"
          properties = [{ name = "IgnoredUID", value = "1337" }, { name = "ProxyIngressPort", value = "15000" }]
        }
        volumes = [{ name = "data", efs_volume_configuration = { file_system_id = "fs-0123456789abcdef0",
          transit_encryption = "ENABLED", authorization_config = { iam = "ENABLED" } } }]
      }

      task batch {
        cpu = 0.25 vcpu; memory = 512 MiB; network = awsvpc; compatibilities = [FARGATE]
        container job { image = "busybox:1.36", command = ["echo", "hi"] }
      }

      service web in prod {
        task = web; desired = 2
        deployment { min_healthy = 100%, max = 200%, circuit_breaker = rollback }
        network { subnets = ["subnet-0123456789abcdef0"], security_groups = ["sg-0123456789abcdef0"] }
        service_connect_configuration { enabled = true, namespace = "local",
          services = [{ port_name = "http", discovery_name = "web", client_aliases = [{ port = 80 }] }] }
        autoscaling {
          min = 2, max = 20, cpu = 60%, memory = 75%
          policy step-out { policy_type = "StepScaling", step_scaling_policy_configuration { adjustment_type = "ChangeInCapacity",
            cooldown = 60, step_adjustments = [{ metric_interval_lower_bound = 0, scaling_adjustment = 2 }] } }
        }
      }

      service ec2-worker in prod {
        task = batch; desired = 1
        strategy = [ec2-fleet weight 1]
        network { subnets = ["subnet-0123456789abcdef0"] }
        placement_strategy = [{ type = "spread", field = "attribute:ecs.availability-zone" }]
      }

      schedule nightly {
        cluster = prod, task = batch, expression = cron("0 3 * * ? *")
        role = "arn:aws:iam::123456789012:role/ecsEventsRole"
        capacity_provider_strategy = [{ capacity_provider = "FARGATE_SPOT", weight = 1 }]
        network_configuration { awsvpc_configuration { subnets = ["subnet-0123456789abcdef0"], assign_public_ip = "DISABLED" } }
        overrides { container_overrides = [{ name = "job", command = ["echo", "nightly"] }] }
      }
      """;

  /** Writes {@code source} as {@code dir/main.ecs} and compiles it; fails the test on any error. */
  public static EcsModel compile(Path dir, String source) {
    try {
      Files.createDirectories(dir);
      Files.writeString(dir.resolve("main.ecs"), source);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return compile(dir);
  }

  /** Compiles a project directory; fails the test with the rendered diagnostics on any error. */
  public static EcsModel compile(Path dir) {
    Compiler.Result result = Compiler.compile(Compiler.Options.of(dir));
    if (!result.ok()) {
      fail(dir + " does not compile:\n" + new DiagnosticRenderer(false).render(result.diagnostics().sorted()));
    }
    return result.model();
  }

  /**
   * The project directories others keep in the repository: every sample ({@code samples/*}) and
   * every valid rule-test case ({@code compiler/src/test/resources/rules/valid/*}), found anew on
   * each run so new ones are checked without touching this list.
   */
  public static List<Path> repositoryProjects() {
    List<Path> out = new ArrayList<>();
    Path root = RepoPaths.root();
    for (Path parent : List.of(root.resolve("samples"), root.resolve("compiler/src/test/resources/rules/valid"))) {
      if (!Files.isDirectory(parent)) {
        continue;
      }
      try (Stream<Path> dirs = Files.list(parent)) {
        dirs.filter(Files::isDirectory).filter(TestProjects::hasSources).sorted().forEach(out::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out;
  }

  private static boolean hasSources(Path dir) {
    try (Stream<Path> files = Files.walk(dir, 2)) {
      return files.anyMatch(f -> f.toString().endsWith(".ecs"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
