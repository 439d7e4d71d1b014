package io.ecsl.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemKind;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.Position;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Completion over the protocol, at each kind of place, on text as it is being typed. */
class CompletionTest {
  @TempDir
  Path root;
  @TempDir
  Path stdlib;

  private static Map<String, CompletionItem> complete(LspClient client, String uri, Position at) {
    var result = LspClient.get(client.server().getTextDocumentService().completion(new CompletionParams(client.id(uri), at)));
    return result.getRight().getItems().stream().collect(Collectors.toMap(CompletionItem::getLabel, Function.identity(),
        (a, b) -> a, java.util.LinkedHashMap::new));
  }

  /** Types {@code text} at the marker (replacing nothing) and completes at the end of it. */
  private static Map<String, CompletionItem> typeAndComplete(LspClient client, String uri, String marker, String text) {
    Position at = client.find(uri, marker, marker.length());
    client.insert(uri, at, text);
    return complete(client, uri, new Position(at.getLine(), at.getCharacter() + text.length()));
  }

  @Test
  void topLevelOffersDeclarationsKeywordsAndModules() throws Exception {
    try (LspClient client = new LspClient(root, stdlib)) {
      String uri = Fixture.open(client);
      client.diagnostics(uri, l -> true);
      Map<String, CompletionItem> items = typeAndComplete(client, uri, "cluster prod {}\n", "\n");
      for (String k : List.of("task", "service", "cluster", "capacity_provider", "schedule", "let", "template", "import")) {
        assertTrue(items.containsKey(k), k + " in " + items.keySet());
      }
      assertEquals(CompletionItemKind.Module, items.get("fargate").getKind());
      assertTrue(items.get("service").getTextEdit().getLeft().getNewText().startsWith("service ${1:name} in ${2:cluster} {"));
    }
  }

  @Test
  void aContainerBlockOffersItsAttributesWithTypeAndUnit() throws Exception {
    try (LspClient client = new LspClient(root, stdlib)) {
      String uri = Fixture.open(client);
      client.diagnostics(uri, l -> true);
      Map<String, CompletionItem> items = typeAndComplete(client, uri, "memory = 512 MiB\n", "    ");
      assertTrue(items.containsKey("health") && items.containsKey("env") && items.containsKey("depends_on")
          && items.containsKey("linux_parameters") && items.containsKey("memory_reservation"), items.keySet().toString());
      assertFalse(items.containsKey("image"), "image is written already");
      assertFalse(items.containsKey("memory"), "memory is written already");
      assertTrue(items.containsKey("port"), "ports repeat");
      assertTrue(items.get("memory_reservation").getDetail().contains("MiB"), items.get("memory_reservation").getDetail());
      assertTrue(items.get("stop_timeout").getDetail().contains("seconds"), items.get("stop_timeout").getDetail());
      assertFalse(items.containsKey("task"), "declarations are not attributes");
      CompletionItem resolved = LspClient.get(client.server().getTextDocumentService()
          .resolveCompletionItem(items.get("memory_reservation")));
      assertTrue(resolved.getDocumentation().getRight().getValue().contains("soft limit"),
          resolved.getDocumentation().getRight().getValue());
    }
  }

  @Test
  void aValueOffersTheEnumValuesOfItsAttribute() throws Exception {
    try (LspClient client = new LspClient(root, stdlib)) {
      String uri = Fixture.open(client);
      client.diagnostics(uri, l -> true);
      Map<String, CompletionItem> items = typeAndComplete(client, uri, "role/ecsTaskExecutionRole\"\n", "  pid_mode = ");
      assertEquals(CompletionItemKind.EnumMember, items.get("host").getKind());
      assertTrue(items.containsKey("task"));
      assertTrue(items.containsKey("replicas"), "names in scope");
    }
  }

  @Test
  void aReferenceOffersDeclarationsOfTheKindItNeeds() throws Exception {
    try (LspClient client = new LspClient(root, stdlib)) {
      String uri = Fixture.open(client);
      client.diagnostics(uri, l -> true);
      Map<String, CompletionItem> tasks = typeAndComplete(client, uri, "desired = replicas\n", "    task_definition = ");
      assertTrue(tasks.containsKey("api"), tasks.keySet().toString());
      assertFalse(tasks.containsKey("prod"), "a cluster is not a task definition");
      Map<String, CompletionItem> clusters = typeAndComplete(client, uri, "cluster prod {}\n", "service other in ");
      assertTrue(clusters.containsKey("prod"), clusters.keySet().toString());
      assertFalse(clusters.containsKey("api"));
    }
  }

  @Test
  void capacityProviderAndNamespaceReferencesOfferThoseDeclarations() throws Exception {
    try (LspClient client = new LspClient(root, stdlib)) {
      String uri = client.open("main.ecs", """
          namespace internal {}
          capacity_provider fleet {
            auto_scaling_group = "arn:aws:autoscaling:us-east-1:123456789012:autoScalingGroup:8a4e2b8c:autoScalingGroupName/ecs"
          }
          cluster prod {}
          """);
      client.diagnostics(uri, l -> true);
      Map<String, CompletionItem> providers = typeAndComplete(client, uri, "cluster prod {", " capacity_providers = [");
      assertTrue(providers.containsKey("fleet") && providers.containsKey("FARGATE_SPOT"), providers.keySet().toString());
      assertFalse(providers.containsKey("internal"), "a namespace is not a capacity provider");
      assertFalse(providers.containsKey("prod"), "a cluster is not a capacity provider");
      client.change(uri, client.text(uri).replace(" capacity_providers = [", ""));
      Map<String, CompletionItem> namespaces = typeAndComplete(client, uri, "cluster prod {", " service_connect_namespace = ");
      assertTrue(namespaces.containsKey("internal"), namespaces.keySet().toString());
      assertFalse(namespaces.containsKey("fleet"), "a capacity provider is not a namespace");
    }
  }

  @Test
  void aServiceLoadBalancerOffersTheContainerPortsOfItsTask() throws Exception {
    try (LspClient client = new LspClient(root, stdlib)) {
      String uri = Fixture.open(client);
      client.diagnostics(uri, l -> true);
      Map<String, CompletionItem> items = typeAndComplete(client, uri, "desired = replicas\n",
          "    load_balancer { target_group = \"arn:x\", container = ");
      assertTrue(items.containsKey("app.http"), items.keySet().toString());
    }
  }

  /** A production route names a listener's rule as LISTENER.RULE: offered whole, and after the dot. */
  @Test
  void aProductionListenerRuleOffersTheRulesOfDeclaredListeners() throws Exception {
    try (LspClient client = new LspClient(root, stdlib)) {
      String uri = client.open("main.ecs", Fixture.LISTENER_RULES);
      client.diagnostics(uri, l -> true);
      client.change(uri, Fixture.LISTENER_RULES.replace("= http.production", "= "));
      Map<String, CompletionItem> whole = typeAndComplete(client, uri, "production_listener_rule = ", "");
      assertTrue(whole.keySet().containsAll(List.of("http", "http.production", "http.beta")), whole.keySet().toString());
      assertEquals("listener rule", whole.get("http.production").getDetail());
      Map<String, CompletionItem> afterDot = typeAndComplete(client, uri, "production_listener_rule = ", "http.");
      assertTrue(afterDot.keySet().containsAll(List.of("production", "beta")), afterDot.keySet().toString());
    }
  }

  @Test
  void afterADotTheModulesNamesAndAfterANumberTheUnits() throws Exception {
    try (LspClient client = new LspClient(root, stdlib)) {
      String uri = Fixture.open(client);
      client.diagnostics(uri, l -> true);
      Map<String, CompletionItem> members = typeAndComplete(client, uri, "cluster prod {}\n", "fargate.");
      assertTrue(members.keySet().containsAll(List.of("size", "small", "spot_strategy", "spot_only")), members.keySet().toString());
      assertTrue(members.get("size").getDetail().contains("cpu: cpu"), members.get("size").getDetail());
      client.change(uri, Fixture.MAIN);
      Map<String, CompletionItem> units = typeAndComplete(client, uri, "memory = 512 MiB\n", "    memory_reservation = 256 ");
      assertTrue(units.containsKey("MiB") && units.containsKey("GiB"), units.keySet().toString());
      assertFalse(units.containsKey("s"), "a duration is not memory");
    }
  }

  @Test
  void aClientWithoutSnippetsGetsPlainTextOnOneLine() throws Exception {
    try (LspClient client = new LspClient(root, stdlib, false)) {
      String uri = Fixture.open(client);
      client.diagnostics(uri, l -> true);
      Map<String, CompletionItem> top = typeAndComplete(client, uri, "cluster prod {}\n", "\n");
      assertEquals("service ", top.get("service").getTextEdit().getLeft().getNewText());
      assertEquals(org.eclipse.lsp4j.InsertTextFormat.PlainText, top.get("service").getInsertTextFormat());
      client.change(uri, Fixture.MAIN);
      Map<String, CompletionItem> keys = typeAndComplete(client, uri, "memory = 512 MiB\n", "    ");
      assertEquals("health", keys.get("health").getTextEdit().getLeft().getNewText());
      assertEquals("stop_timeout = ", keys.get("stop_timeout").getTextEdit().getLeft().getNewText());
    }
  }

  @Test
  void anImportPathOffersTheStandardLibrary() throws Exception {
    try (LspClient client = new LspClient(root, stdlib)) {
      String uri = Fixture.open(client);
      client.diagnostics(uri, l -> true);
      Map<String, CompletionItem> items = typeAndComplete(client, uri, "import \"./lib/web.ecs\" as web\n", "import \"std/");
      assertTrue(items.keySet().containsAll(List.of("std/fargate", "std/logging", "std/health")), items.keySet().toString());
      assertEquals("std/logging", items.get("std/logging").getTextEdit().getLeft().getNewText());
    }
  }
}
