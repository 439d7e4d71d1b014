package io.ecsl.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ecsl.diag.Diagnostics;
import io.ecsl.model.EcsModel;
import io.ecsl.model.Resource;
import io.ecsl.model.ResourceKind;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Rules stay linear: a project of 10,000 services (each with its own task definition, load
 * balancer, Service Connect and strategy, in 100 clusters) checks in well under a second.
 */
class RulesPerformanceTest {
  static final int SERVICES = 10_000;

  /**
   * Measured as CPU time of one thread running every rule in turn, so the figure does not depend
   * on what else the machine runs; {@link Rules#check} spreads the same work over all cores.
   */
  @Test
  void tenThousandServicesCheckInUnderASecond() {
    EcsModel model = project(SERVICES);
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long best = Long.MAX_VALUE;
    for (int run = 0; run < 5; run++) { // the first three runs warm the JIT up
      Diagnostics d = new Diagnostics();
      long start = threads.getCurrentThreadCpuTime();
      ModelIndex index = new ModelIndex(model);
      for (Rule rule : Rules.all()) {
        rule.check(new RuleContext(model, index, d, rule));
      }
      long ms = (threads.getCurrentThreadCpuTime() - start) / 1_000_000;
      assertEquals(0, d.errorCount(), d.sorted().isEmpty() ? "" : d.sorted().get(0).toString());
      best = run >= 3 ? Math.min(best, ms) : best;
    }
    long wallStart = System.nanoTime();
    Rules.check(model, new Diagnostics());
    long wall = (System.nanoTime() - wallStart) / 1_000_000;
    System.out.println("rules over " + SERVICES + " services and task definitions: " + best + " ms CPU on one thread, "
        + wall + " ms wall with " + Runtime.getRuntime().availableProcessors() + " cores");
    assertTrue(best < 1000, "checking " + SERVICES + " services took " + best + " ms of CPU");
  }

  @Test
  void crossResourceChecksStillFindProblemsAtScale() {
    List<Resource> resources = new ArrayList<>(project(2_000).resources());
    // a service of its own name (no Service Connect clash) whose load balancer names a missing container
    resources.add(JsonModels.resource(ResourceKind.SERVICE, "bad.json", service(0, "nope").replace("\"serviceName\": \"web0\"", "\"serviceName\": \"bad\"")
        .replace("\"discoveryName\": \"web0\"", "\"discoveryName\": \"bad\"")));
    Diagnostics d = new Diagnostics();
    Rules.check(new EcsModel("big", "eu-west-1", "123456789012", resources), d);
    assertEquals(List.of("E1701"), JsonModels.codes(d));
  }

  static EcsModel project(int n) {
    List<Resource> resources = new ArrayList<>();
    for (int c = 0; c < 100; c++) {
      resources.add(JsonModels.resource(ResourceKind.CLUSTER, "c" + c + ".json", """
          {"clusterName": "c%d", "capacityProviders": ["FARGATE", "FARGATE_SPOT"],
           "defaultCapacityProviderStrategy": [{"capacityProvider": "FARGATE", "weight": 1, "base": 1}],
           "serviceConnectDefaults": {"namespace": "internal"}}
          """.formatted(c)));
    }
    for (int i = 0; i < n; i++) {
      resources.add(JsonModels.resource(ResourceKind.TASK_DEFINITION, "t" + i + ".json", ImportedModelTest.FARGATE_TASK
          .replace("\"family\": \"web\"", "\"family\": \"web" + i + "\"")));
      resources.add(JsonModels.resource(ResourceKind.SERVICE, "s" + i + ".json", service(i, "app")));
    }
    return new EcsModel("big", "eu-west-1", "123456789012", resources);
  }

  static String service(int i, String container) {
    return """
        {"cluster": "c%d", "serviceName": "web%d", "taskDefinition": "web%d", "desiredCount": 2,
         "capacityProviderStrategy": [{"capacityProvider": "FARGATE", "weight": 1, "base": 1}, {"capacityProvider": "FARGATE_SPOT", "weight": 3}],
         "loadBalancers": [{"targetGroupArn": "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/web/6d0ecf831eec9f09",
           "containerName": "%s", "containerPort": 8080}],
         "deploymentConfiguration": {"maximumPercent": 200, "minimumHealthyPercent": 100},
         "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-0a1b2c3d"], "securityGroups": ["sg-0a1b2c3d"]}},
         "serviceConnectConfiguration": {"enabled": true, "services": [{"portName": "http", "discoveryName": "web%d"}]}}
        """.formatted(i % 100, i, i, container, i);
  }
}
