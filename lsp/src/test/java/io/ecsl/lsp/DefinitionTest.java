package io.ecsl.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Go to definition: across the project's files, into imported modules and the standard library. */
class DefinitionTest {
  @TempDir
  Path root;
  @TempDir
  Path stdlib;

  private static List<? extends Location> definition(LspClient client, String uri, String marker, int shift) {
    Position at = client.find(uri, marker, shift);
    return LspClient.get(client.server().getTextDocumentService().definition(new DefinitionParams(client.id(uri), at))).getLeft();
  }

  @Test
  void aReferenceGoesToTheDeclarationOfTheKindItNeeds() throws Exception {
    try (LspClient client = new LspClient(root, stdlib)) {
      String uri = Fixture.open(client);
      List<? extends Location> task = definition(client, uri, "task = api", 8);
      assertEquals(1, task.size());
      assertEquals(uri, task.get(0).getUri());
      assertEquals(client.find(uri, "task api", 5), task.get(0).getRange().getStart(), "the task, not the service `api`");
      List<? extends Location> cluster = definition(client, uri, "service api in prod", 16);
      assertEquals(client.find(uri, "cluster prod", 8), cluster.get(0).getRange().getStart());
    }
  }

  @Test
  void aModuleMemberGoesIntoTheModuleAndTheStandardLibrary() throws Exception {
    try (LspClient client = new LspClient(root, stdlib)) {
      String uri = Fixture.open(client);
      List<? extends Location> frontend = definition(client, uri, "web.frontend", 5);
      assertEquals(client.uri("lib/web.ecs"), frontend.get(0).getUri());
      assertEquals(3, frontend.get(0).getRange().getStart().getLine());
      List<? extends Location> size = definition(client, uri, "fargate.size", 9);
      Path file = Workspace.path(size.get(0).getUri());
      assertTrue(file.startsWith(stdlib), file.toString());
      String source = Files.readString(file);
      int line = size.get(0).getRange().getStart().getLine();
      assertTrue(source.lines().toList().get(line).startsWith("template size("), source.lines().toList().get(line));
      List<? extends Location> module = definition(client, uri, "import \"./lib/web.ecs\"", 10);
      assertEquals(client.uri("lib/web.ecs"), module.get(0).getUri());
    }
  }

  @Test
  void aContainerPortAndALetGoWhereTheyAreDefined() throws Exception {
    try (LspClient client = new LspClient(root, stdlib)) {
      String uri = client.open("main.ecs", """
          let n = 2
          cluster prod {}
          task web {
            container app { image = "nginx:1.25", memory = 256, port http = 8080/tcp }
            container sidecar { image = "envoy:1.0", memory = 64, depends_on { app = START } }
          }
          service web in prod {
            task = web
            desired = n
            load_balancer { target_group = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/a/b", container = app.http }
          }
          """);
      assertEquals(client.find(uri, "port http", 5), definition(client, uri, "app.http", 5).get(0).getRange().getStart());
      assertEquals(client.find(uri, "container app", 10), definition(client, uri, "app.http", 1).get(0).getRange().getStart());
      assertEquals(client.find(uri, "container app", 10), definition(client, uri, "app = START", 0).get(0).getRange().getStart());
      assertEquals(client.find(uri, "let n", 4), definition(client, uri, "desired = n", 10).get(0).getRange().getStart());
    }
  }

  @Test
  void aListenerRuleGoesToItsRule() throws Exception {
    try (LspClient client = new LspClient(root, stdlib)) {
      String uri = client.open("main.ecs", Fixture.LISTENER_RULES);
      assertEquals(client.find(uri, "rule production", 5),
          definition(client, uri, "http.production\n", 5).get(0).getRange().getStart());
      assertEquals(client.find(uri, "listener http", 9),
          definition(client, uri, "http.production\n", 1).get(0).getRange().getStart());
    }
  }
}
