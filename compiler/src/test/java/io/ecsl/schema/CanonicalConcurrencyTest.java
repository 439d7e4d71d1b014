package io.ecsl.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ecsl.model.Canonical;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The canonical sort runs on several threads at once (the build lowers and writes resources in
 * parallel). Every thread must sort what it is given, even while another is still working out, for
 * the first time, whether a shape has anything to sort: a provisional answer once shared between
 * threads let a build write a discovery service's tags in either order.
 */
class CanonicalConcurrencyTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void threadsMeetingAShapeForTheFirstTimeTogetherAllSort() throws Exception {
    JsonNode root;
    try (InputStream in = getClass().getClassLoader().getResourceAsStream("io/ecsl/schema/models/servicediscovery.json")) {
      root = MAPPER.readTree(in);
    }
    int threads = 4;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      for (int round = 0; round < 300; round++) {
        // Fresh shapes each round: the table of what needs sorting starts empty for them.
        Shape request = ServiceModel.fromTree(ServiceModel.CLOUD_MAP, root).input("CreateService");
        CyclicBarrier together = new CyclicBarrier(threads);
        List<Future<String>> keys = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          keys.add(pool.submit(() -> {
            JsonNode node = MAPPER.readTree("{\"Name\":\"api\",\"Tags\":[{\"Key\":\"tier\",\"Value\":\"b\"},"
                + "{\"Key\":\"team\",\"Value\":\"s\"}]}");
            together.await();
            Canonical.sort(node, request);
            return node.at("/Tags/0/Key").asText() + "," + node.at("/Tags/1/Key").asText();
          }));
        }
        for (Future<String> k : keys) {
          assertEquals("team,tier", k.get(), "round " + round + ": a thread left the tags unsorted");
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
