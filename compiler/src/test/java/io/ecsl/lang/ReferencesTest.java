package io.ecsl.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.TestProjects;
import io.ecsl.compile.Compiler;
import io.ecsl.model.ResourceKind;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** References into declarations: a service's scope, and `web.app.http` navigation. */
class ReferencesTest {
  @TempDir Path dir;

  private static final String TASK = """
      cluster prod {}
      task api {
        network = bridge
        container api { image = "api:1", memory = 256 MiB, port http = 8080/tcp }
      }
      """;

  private JsonNode service(String source) {
    Compiler.Result r = TestProjects.compile(dir, TASK + source);
    assertTrue(r.ok(), () -> TestProjects.render(r.diagnostics(), dir));
    return r.model().find(ResourceKind.SERVICE, "prod", "web").primary().body();
  }

  @Test
  void aServiceSeesItsTaskContainersWhicheverWayItNamesTheTask() {
    for (String attribute : new String[] {"task", "task_definition"}) {
      JsonNode body = service("service web in prod {\n  " + attribute + """
           = api
            desired = 1
            load_balancer {
              target_group = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/t/1"
              container = api.http
            }
          }
          """);
      JsonNode lb = body.get("loadBalancers").get(0);
      assertEquals("api", lb.get("containerName").asText(), attribute);
      assertEquals(8080, lb.get("containerPort").asInt(), attribute);
      // `api` is the task definition here, although a container of it is also `api`
      assertEquals("api", body.get("taskDefinition").asText(), attribute);
    }
  }

  @Test
  void aPortIsReachedByName() {
    // inside the service `api` is the task's container; outside it, the task definition
    JsonNode body = service("""
        service web in prod {
          task = api
          desired = 1
          tags = { port = "${api.http.port}", container = api.http.container.name }
        }
        cluster other { tags = { port = "${api.api.http.port}", family = api.name } }
        """);
    // tags are sorted by key (an order-insensitive list)
    assertEquals("[{\"key\":\"container\",\"value\":\"api\"},{\"key\":\"port\",\"value\":\"8080\"}]",
        body.get("tags").toString());
  }
}
