package io.ecsl.runtime.capacity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ecsl.facts.ec2.InstanceTypes.InstanceType;
import io.ecsl.runtime.json.Json;
import org.junit.jupiter.api.Test;

/** Attribute-based instance selection as the local Managed Instances simulation does it. */
class ManagedInstanceTypesTest {
  private static String choose(String requirements, int cpu, int memory) {
    return ManagedInstanceTypes.choose(Json.parse(requirements), cpu, memory).map(InstanceType::name).orElse("none");
  }

  @Test
  void theSmallestMatchingTypeOfTheRangesAndManufacturer() {
    assertEquals("m6i.large", choose("{\"vCpuCount\":{\"min\":2},\"memoryMiB\":{\"min\":8192},\"cpuManufacturers\":[\"intel\"]}", 0, 0));
    assertEquals("c6i.large", choose("{\"vCpuCount\":{\"min\":2},\"memoryMiB\":{\"min\":1}}", 0, 0));
    assertEquals("c6a.large", choose("{\"vCpuCount\":{\"min\":2},\"memoryMiB\":{\"min\":1},\"cpuManufacturers\":[\"amd\"]}", 0, 0));
    assertEquals("m6g.medium", choose("{\"vCpuCount\":{\"min\":1},\"memoryMiB\":{\"min\":4096},"
        + "\"cpuManufacturers\":[\"amazon-web-services\"]}", 0, 0));
    assertEquals("r6i.large", choose("{\"vCpuCount\":{\"min\":2},\"memoryMiB\":{\"min\":1},\"memoryGiBPerVCpu\":{\"min\":8}}", 0, 0));
  }

  @Test
  void allowedExcludedAndBurstableTypes() {
    assertEquals("m7i.xlarge", choose("{\"vCpuCount\":{\"min\":4},\"memoryMiB\":{\"min\":1},\"allowedInstanceTypes\":[\"m7i.*\"]}", 0, 0));
    assertEquals("m6i.large", choose("{\"vCpuCount\":{\"min\":2},\"memoryMiB\":{\"min\":1},\"excludedInstanceTypes\":[\"c*\"]}", 0, 0));
    assertEquals("t3.medium", choose("{\"vCpuCount\":{\"min\":2},\"memoryMiB\":{\"min\":4096},\"burstablePerformance\":\"required\"}", 0, 0));
    assertEquals("none", choose("{\"vCpuCount\":{\"min\":2,\"max\":1},\"memoryMiB\":{\"min\":1}}", 0, 0));
  }

  @Test
  void aTypeThatHoldsTheLargestWaitingTaskIsPreferred() {
    String requirements = "{\"vCpuCount\":{\"min\":2,\"max\":8},\"memoryMiB\":{\"min\":1},\"allowedInstanceTypes\":[\"m6i.*\"]}";
    assertEquals("m6i.large", choose(requirements, 1024, 2048));
    assertEquals("m6i.2xlarge", choose(requirements, 6144, 2048));
    assertEquals("m6i.large", choose(requirements, 65536, 2048), "none holds it: the smallest");
    assertTrue(ManagedInstanceTypes.matches("*.large", "c7g.large"));
  }
}
