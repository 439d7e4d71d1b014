package io.ecsl.cli;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ecsl.schema.ServiceModel;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code ecsl-resources.jar}, which the launcher puts ahead of {@code ecsl.jar}, holds every
 * resource a check or build reads: one it lacks is found in {@code ecsl.jar} all the same, but
 * then Java reads that jar's 32,000-entry directory, the ~20 ms the small jar is there to spare.
 * The jar is made at {@code package}, after the tests, so this holds {@code cli/pom.xml}'s list
 * of its entries to the resources the compiler reads, each of which must exist.
 */
class ResourcesJarTest {
  private static boolean listed(List<String> patterns, String resource) {
    return patterns.stream().anyMatch(p -> FileSystems.getDefault().getPathMatcher("glob:" + p).matches(Path.of(resource)));
  }

  @Test
  void everyResourceACheckOrBuildReadsIsInTheList() throws Exception {
    List<String> patterns = ShadeExecutions.entries("resources");
    List<String> read = new ArrayList<>();
    for (String model : List.of(ServiceModel.ECS, ServiceModel.EVENTS, ServiceModel.AUTOSCALING, ServiceModel.CLOUD_MAP,
        ServiceModel.ELBV2, ServiceModel.SCHEDULER)) {
      read.add("io/ecsl/schema/models/" + model + ".compact");
    }
    read.add("io/ecsl/emit/script/deploy.sh.template");
    read.add("io/ecsl/rules/explanations.json");
    read.add("ecsl/std/logging.ecs");
    for (String resource : read) {
      assertNotNull(getClass().getClassLoader().getResource(resource), resource + " is not a resource (renamed?)");
      assertTrue(listed(patterns, resource), resource + " is not in the resources execution of cli/pom.xml");
    }
  }
}
