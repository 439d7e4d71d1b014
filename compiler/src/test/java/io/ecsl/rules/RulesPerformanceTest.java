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
  /** Built once: building 20,000 resources costs more than checking them. */
  private static EcsModel big;

  private static synchronized EcsModel big() {
    if (big == null) {
      big = project(SERVICES);
    }
    return big;
  }

  /**
   * Measured two ways, keeping the better: CPU time of one thread running every rule in turn
   * (what the work costs), and wall time of {@link Rules#check}, which spreads the rules over all
   * cores (what a user waits). A busy machine slows both, so it tries up to ten times after
   * warming the JIT up, and stops as soon as one run is fast enough.
   */
  @Test
  void tenThousandServicesCheckInUnderASecond() {
    EcsModel model = big();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long best = Long.MAX_VALUE;
    String detail = "";
    for (int run = 0; run < 13 && (run < 3 || best >= 1000); run++) { // runs 0-2 warm the JIT up
      Diagnostics d = new Diagnostics();
      long cpuStart = threads.getCurrentThreadCpuTime();
      ModelIndex index = new ModelIndex(model);
      for (Rule rule : Rules.all()) {
        rule.check(new RuleContext(model, index, d, rule));
      }
      long cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1_000_000;
      assertEquals(0, d.errorCount(), d.sorted().isEmpty() ? "" : d.sorted().get(0).toString());
      long wallStart = System.nanoTime();
      Rules.check(model, new Diagnostics());
      long wall = (System.nanoTime() - wallStart) / 1_000_000;
      if (run >= 3 && Math.min(cpu, wall) < best) {
        best = Math.min(cpu, wall);
        detail = cpu + " ms CPU on one thread, " + wall + " ms wall on " + Runtime.getRuntime().availableProcessors() + " cores";
      }
    }
    System.out.println("rules over " + SERVICES + " services and task definitions: " + detail);
    assertTrue(best < 1000, "checking " + SERVICES + " services took " + detail);
  }

  /** Twice the services, about twice the time: no rule scans all resources per resource. */
  @Test
  void checkingTimeGrowsLinearly() {
    long small = bestCpu(project(SERVICES / 4));
    long large = bestCpu(big());
    System.out.println("rules CPU time: " + small + " ms for " + SERVICES / 4 + " services, " + large + " ms for " + SERVICES);
    // linear: about 4x; quadratic: about 16x. Allow for noise and a fixed cost.
    assertTrue(large < 8 * Math.max(small, 20), small + " ms for " + SERVICES / 4 + " services but " + large + " ms for " + SERVICES);
  }

  private static long bestCpu(EcsModel model) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long best = Long.MAX_VALUE;
    for (int run = 0; run < 5; run++) {
      long start = threads.getCurrentThreadCpuTime();
      ModelIndex index = new ModelIndex(model);
      Diagnostics d = new Diagnostics();
      for (Rule rule : Rules.all()) {
        rule.check(new RuleContext(model, index, d, rule));
      }
      long ms = (threads.getCurrentThreadCpuTime() - start) / 1_000_000;
      best = run >= 2 ? Math.min(best, ms) : best;
    }
    return best;
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
