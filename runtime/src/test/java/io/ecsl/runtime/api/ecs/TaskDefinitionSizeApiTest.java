package io.ecsl.runtime.api.ecs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.runtime.TestRuntimes;
import io.ecsl.runtime.client.RuntimeClient;
import io.ecsl.runtime.json.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * RegisterTaskDefinition over HTTP judges task sizes with the table and the parser the compiler
 * uses (io.ecsl.facts.size), and answers in ECS's words (ecs-semantics §2.1, Appendix B).
 */
class TaskDefinitionSizeApiTest {
  private static final String REGISTER = "AmazonEC2ContainerServiceV20141113.RegisterTaskDefinition";
  private static TestRuntimes runtime;
  private static RuntimeClient client;

  @BeforeAll
  static void start() {
    runtime = TestRuntimes.inMemory();
    client = runtime.client();
  }

  @AfterAll
  static void stop() {
    runtime.close();
  }

  @Test
  void quarterVcpuWith1536MibIsNoFargateSize() {
    assertEquals("No Fargate configuration exists for given values: 256 CPU, 1536 memory.", reject(fargate("256", "1536", null)));
    assertEquals("No Fargate configuration exists for given values: 256 CPU, 1536 memory.",
        reject(fargate("0.25 vCPU", "1.5 GB", null)), "judged after the units are read");
  }

  @Test
  void offStepAndMissingRowsAreRejected() {
    assertEquals("No Fargate configuration exists for given values: 8192 CPU, 17408 memory.", reject(fargate("8192", "17408", null)));
    assertEquals("No Fargate configuration exists for given values: 32768 CPU, 65536 memory.",
        reject(fargate("32 vCPU", "64 GB", null)));
  }

  @Test
  void windowsOffersOnlyOneTwoAndFourVcpu() {
    assertEquals("No Fargate configuration exists for given values: 512 CPU, 1024 memory.",
        reject(fargate("512", "1024", "WINDOWS_SERVER_2022_CORE")));
    assertEquals("No Fargate configuration exists for given values: 8192 CPU, 16384 memory.",
        reject(fargate("8 vCPU", "16 GB", "WINDOWS_SERVER_2019_FULL")));
    assertEquals("1024", register(fargate("1 vCPU", "2 GB", "WINDOWS_SERVER_2022_CORE")).at("/taskDefinition/cpu").asText());
  }

  @Test
  void sizesAreStoredInTheIntegerFormEcsStores() {
    JsonNode registered = register(fargate("0.25 vcpu", "0.5GB", null));
    assertEquals("256", registered.at("/taskDefinition/cpu").asText());
    assertEquals("512", registered.at("/taskDefinition/memory").asText());
    JsonNode largest = register(fargate("16 vCPU", "120 GB", null));
    assertEquals("16384", largest.at("/taskDefinition/cpu").asText());
    assertEquals("122880", largest.at("/taskDefinition/memory").asText());
  }

  @Test
  void formsEcsDoesNotReadAreRejected() {
    assertEquals("Invalid 'cpu' setting for task. For more information, see the Troubleshooting section of the Amazon ECS"
        + " Developer Guide.", reject(fargate("0.3 vcpu", "1024", null)));
    assertEquals("Invalid 'memory' setting for task: '512 MiB'; give MiB (\"2048\") or GB (\"2 GB\").",
        reject(fargate("256", "512 MiB", null)));
  }

  private static String fargate(String cpu, String memory, String osFamily) {
    return "{\"family\":\"sizes\",\"networkMode\":\"awsvpc\",\"requiresCompatibilities\":[\"FARGATE\"],\"cpu\":\"" + cpu
        + "\",\"memory\":\"" + memory + "\"," + (osFamily == null ? "" : "\"runtimePlatform\":{\"operatingSystemFamily\":\""
        + osFamily + "\",\"cpuArchitecture\":\"X86_64\"},") + "\"containerDefinitions\":[{\"name\":\"app\",\"image\":\"x\"}]}";
  }

  private static JsonNode register(String body) {
    return client.call(REGISTER, Json.parse(body));
  }

  private static String reject(String body) {
    RuntimeClient.ApiError error = assertThrows(RuntimeClient.ApiError.class, () -> client.call(REGISTER, Json.parse(body)));
    assertEquals("ClientException", error.type());
    return error.getMessage();
  }
}
