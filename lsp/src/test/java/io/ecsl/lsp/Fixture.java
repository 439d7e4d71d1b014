package io.ecsl.lsp;

import java.io.IOException;

/** A small project of two files, a module and a standard library import, for the feature tests. */
final class Fixture {
  private Fixture() {}

  static final String MAIN = """
      import "std/fargate"
      import "./lib/web.ecs" as web

      # How many copies of the API run.
      let replicas = 2
      var env: string = "staging"

      cluster prod {}

      task api {
        fargate.size(cpu = 0.5 vcpu, memory = 1 GiB)
        execution_role = "arn:aws:iam::123456789012:role/ecsTaskExecutionRole"
        container app {
          image = "ghcr.io/acme/api:1.0.0"
          port http = 8080/tcp
          memory = 512 MiB
        }
      }

      service api in prod {
        task = api
        desired = replicas
        network { subnets = ["subnet-1"], security_groups = ["sg-1"] }
      }

      web.frontend(name = "shop-${env}")
      """;

  static final String WEB = """
      # Web front ends: a task and its service per call.

      # A front end on nginx, `port` open.
      template frontend(name: string, port: int = 80) {
        task t {
          family = name
          container main {
            image = "nginx:1.25"
            memory = 256 MiB
            port http = port
          }
        }
        service s in "prod" {
          service_name = name
          task = t
          desired = 1
        }
      }
      """;

  /** A Fargate task with 0.25 vCPU and 4 GiB, a size Fargate does not offer (E1006 on `memory`, line 3). */
  static final String FARGATE_MISFIT = """
      task web {
        cpu = 0.25 vcpu
        memory = 4 GiB
        network = awsvpc
        compatibilities = [FARGATE]
        container app { image = "nginx:1.25" }
      }
      """;

  /** Opens main.ecs (and writes lib/web.ecs); returns main's URI. */
  /** A listener with two rules and a service that names one as its production route (the rules end the service). */
  static final String LISTENER_RULES = """
      cluster prod {}
      target_group blue { protocol = HTTP, port = 80, target_type = ip, vpc_id = "vpc-0a1b2c3d" }
      load_balancer web { type = application, subnets = ["subnet-0a1b2c3d", "subnet-1b2c3d4e"] }
      listener http in web {
        port = 80
        protocol = HTTP
        forward = blue
        rule production { priority = 1, path = "/*", forward = blue }
        rule beta { priority = 2, path = "/beta/*", forward = blue }
      }
      service web in prod {
        desired = 1
        load_balancer {
          target_group = blue
          production_listener_rule = http.production
        }
      }
      """;

  static String open(LspClient client) throws IOException {
    client.write("lib/web.ecs", WEB);
    return client.open("main.ecs", MAIN);
  }
}
