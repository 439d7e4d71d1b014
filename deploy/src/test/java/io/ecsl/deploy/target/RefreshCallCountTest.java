package io.ecsl.deploy.target;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.ecsl.deploy.Deployer;
import io.ecsl.deploy.TestSupport;
import io.ecsl.deploy.apply.Applier;
import io.ecsl.deploy.apply.ApplyListener;
import io.ecsl.deploy.apply.ApplyResult;
import io.ecsl.deploy.plan.Plan;
import io.ecsl.model.EcsModel;
import io.ecsl.testing.MotoServer;
import io.ecsl.testing.NeedsMoto;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Refreshing N services batches its Describe calls (counted by an SDK interceptor against a real
 * moto_server): DescribeServices takes 10 services a call, ListServices pages of 100,
 * DescribeClusters 100 clusters, DescribeTaskDefinition one call per family.
 */
@NeedsMoto
class RefreshCallCountTest {
  static final int SERVICES = 25;

  /** Counts every HTTP request the SDK sends, per operation, and the page size each ListServices asked for. */
  static final class Counter implements ExecutionInterceptor {
    final Map<String, Integer> calls = new ConcurrentHashMap<>();
    final List<Integer> listServicesPageSizes = new CopyOnWriteArrayList<>();

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
      String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
      calls.merge(operation, 1, Integer::sum);
      if (operation.equals("ListServices")) {
        listServicesPageSizes.add(context.request().getValueForField("maxResults", Integer.class).orElse(-1));
      }
    }
  }

  @TempDir Path tmp;

  @Test
  void refreshBatchesDescribeCalls() throws Exception {
    StringBuilder src = new StringBuilder("project { name = \"counted\" }\ncluster main {}\n");
    for (int i = 0; i < SERVICES; i++) {
      src.append("task t").append(i).append(" { network = bridge\n container app { image = \"busybox\", memory = 64 MiB } }\n");
      src.append("service s").append(i).append(" in main { task = t").append(i).append(", desired = 1 }\n");
    }
    Files.writeString(tmp.resolve("main.ecs"), src);
    EcsModel model = TestSupport.compile(tmp);
    try (MotoServer moto = MotoServer.startRelaxed(); SdkAwsApi setup = TestSupport.api(moto)) {
      Plan first = Deployer.plan(model, setup, "moto", 5);
      ApplyResult applied = new Applier(setup, new Applier.Options(false, Duration.ofSeconds(5), Duration.ZERO, 4))
          .apply(first, ApplyListener.NONE);
      assertEquals(List.of(), applied.failed());
      Counter counter = new Counter();
      try (SdkAwsApi counted = TestSupport.api(moto, counter)) {
        Plan again = Deployer.plan(model, counted, "moto", 5);
        assertFalse(again.hasChanges(), "a plan after apply has changes");
      }
      Map<String, Integer> calls = counter.calls;
      assertEquals((SERVICES + 9) / 10, calls.get("DescribeServices"), calls.toString());
      assertEquals(1, calls.get("ListServices"), calls.toString());
      // moto answers ListServices in one page whatever the size; AWS pages by 10 unless asked for
      // its maximum, 100: 10,000 services are 100 calls only because each asks for 100.
      assertEquals(List.of(100), counter.listServicesPageSizes);
      assertEquals(1, calls.get("DescribeClusters"), calls.toString());
      assertEquals(SERVICES, calls.get("DescribeTaskDefinition"), calls.toString());
      System.out.println("refresh of " + SERVICES + " services: " + new java.util.TreeMap<>(calls));
    }
  }
}
