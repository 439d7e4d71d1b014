package io.ecsl.importer;

import static io.ecsl.diag.LanguageCode.IMPORT_RULE_WITHOUT_LISTENER;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.ecsl.diag.Diagnostic;
import io.ecsl.diag.Diagnostics;
import io.ecsl.model.ArnPlaceholder;
import io.ecsl.source.SourceFile;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Elastic Load Balancing resources name each other by ARN (a listener its load balancer, a forward
 * action its target groups, a rule its listener, a service its target group). Between resources
 * imported together, each such ARN becomes the placeholder the build writes for a declared resource
 * ({@code ${target-group:web}}), so the rules see the references and the source writes them by name.
 * A rule is named {@code LOAD_BALANCER:PORT:PRIORITY} after its listener, inside whose declaration
 * the source writes it; a rule whose listener is not imported is left out with a warning.
 */
final class ElbReferences {
  private ElbReferences() {}

  static void resolve(Map<SourceFile, List<ImportedResource>> files, Diagnostics diagnostics) {
    Map<String, String> placeholders = new HashMap<>();
    Map<String, String> listenerNames = new HashMap<>();
    for (List<ImportedResource> list : files.values()) {
      for (ImportedResource r : list) {
        if (r.arn() != null && r.name() != null && r.kind().elb() && r.kind() != ImportKind.LISTENER_RULE) {
          placeholders.putIfAbsent(r.arn(), ArnPlaceholder.of(r.kind().resourceKind, r.name()));
          if (r.kind() == ImportKind.LISTENER) {
            listenerNames.putIfAbsent(r.arn(), r.name());
          }
        }
      }
    }
    for (List<ImportedResource> list : files.values()) {
      for (int i = 0; i < list.size(); i++) {
        ImportedResource r = list.get(i);
        if (r.kind() != ImportKind.LISTENER_RULE) {
          continue;
        }
        String listenerArn = r.request().path("ListenerArn").asText();
        String listener = listenerNames.get(listenerArn);
        if (listener == null) {
          diagnostics.add(Diagnostic.warning(IMPORT_RULE_WITHOUT_LISTENER, r.span(), "this listener rule belongs to listener `"
              + listenerArn + "`, which is not imported; left out").withHint("import the describe-listeners output of its load"
              + " balancer too: the source writes a rule inside its listener"));
          list.remove(i--);
          continue;
        }
        list.set(i, r.named(listener + ":" + r.request().path("Priority").asText("?")));
      }
    }
    if (placeholders.isEmpty()) {
      return;
    }
    for (List<ImportedResource> list : files.values()) {
      for (ImportedResource r : list) {
        replace(r.request(), placeholders);
      }
    }
  }

  private static void replace(JsonNode node, Map<String, String> placeholders) {
    if (node instanceof ObjectNode obj) {
      obj.properties().forEach(e -> {
        String placeholder = e.getValue().isTextual() ? placeholders.get(e.getValue().asText()) : null;
        if (placeholder != null) {
          e.setValue(TextNode.valueOf(placeholder));
        } else {
          replace(e.getValue(), placeholders);
        }
      });
    } else if (node instanceof ArrayNode list) {
      for (int i = 0; i < list.size(); i++) {
        String placeholder = list.get(i).isTextual() ? placeholders.get(list.get(i).asText()) : null;
        if (placeholder != null) {
          list.set(i, TextNode.valueOf(placeholder));
        } else {
          replace(list.get(i), placeholders);
        }
      }
    }
  }
}
