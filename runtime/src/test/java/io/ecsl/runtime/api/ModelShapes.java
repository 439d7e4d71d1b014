package io.ecsl.runtime.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.runtime.json.Json;
import io.ecsl.testing.RepoPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks a response against an AWS service model: every member name must exist in the operation's
 * output shape, recursively, with the right JSON type and an allowed enum value. This is what
 * "exactly the field names of the AWS models" means, made testable.
 *
 * <p>The models are the compact copies of botocore's the compiler ships (shapes, members, enums;
 * documentation stripped, see compiler/tools/update-aws-models.py), read from the repository: the
 * compiler and the runtime are judged by the same model, and a fresh clone has it.
 */
final class ModelShapes {
  private final JsonNode shapes;
  private final JsonNode operations;

  private ModelShapes(JsonNode model) {
    this.shapes = model.get("shapes");
    this.operations = model.get("operations");
  }

  /** The model of {@code service}: {@code ecs}, {@code events}, {@code application-autoscaling}, {@code servicediscovery}. */
  static ModelShapes of(String service) {
    Path file = RepoPaths.awsModel(service);
    try {
      return new ModelShapes(Json.parse(Files.readString(file)));
    } catch (IOException e) {
      throw new AssertionError("cannot read the AWS model " + file + ": " + e);
    }
  }

  /** Problems with {@code response} as the output of {@code operation}; empty when it conforms. */
  List<String> check(String operation, JsonNode response) {
    JsonNode op = operations.get(operation);
    if (op == null) {
      return List.of("the model has no operation " + operation);
    }
    List<String> problems = new ArrayList<>();
    if (op.hasNonNull("output")) {
      check(op.get("output").asText(), response, operation, problems);
    }
    return problems;
  }

  private void check(String shapeName, JsonNode value, String path, List<String> problems) {
    JsonNode shape = shapes.get(shapeName);
    String type = shape.get("type").asText();
    switch (type) {
      case "structure" -> {
        if (!value.isObject()) {
          problems.add(path + ": expected an object (" + shapeName + ")");
          return;
        }
        JsonNode members = shape.get("members");
        for (Map.Entry<String, JsonNode> field : value.properties()) {
          JsonNode member = members.get(field.getKey());
          if (member == null) {
            problems.add(path + "." + field.getKey() + ": not a member of " + shapeName);
          } else if (!field.getValue().isNull()) {
            check(member.get("shape").asText(), field.getValue(), path + "." + field.getKey(), problems);
          }
        }
      }
      case "list" -> {
        if (!value.isArray()) {
          problems.add(path + ": expected a list (" + shapeName + ")");
          return;
        }
        for (int i = 0; i < value.size(); i++) {
          check(shape.get("member").get("shape").asText(), value.get(i), path + "[" + i + "]", problems);
        }
      }
      case "map" -> {
        if (!value.isObject()) {
          problems.add(path + ": expected a map (" + shapeName + ")");
          return;
        }
        value.properties().forEach(e ->
            check(shape.get("value").get("shape").asText(), e.getValue(), path + "[" + e.getKey() + "]", problems));
      }
      case "string" -> {
        if (!value.isTextual()) {
          problems.add(path + ": expected a string, got " + value);
        } else if (shape.has("enum") && !contains(shape.get("enum"), value.asText())) {
          problems.add(path + ": '" + value.asText() + "' is not one of " + shape.get("enum"));
        }
      }
      case "integer", "long" -> {
        if (!value.isIntegralNumber()) {
          problems.add(path + ": expected an integer, got " + value);
        }
      }
      case "double", "float", "timestamp" -> {
        if (!value.isNumber()) {
          problems.add(path + ": expected a number (" + type + "), got " + value);
        }
      }
      case "boolean" -> {
        if (!value.isBoolean()) {
          problems.add(path + ": expected a boolean, got " + value);
        }
      }
      default -> { }
    }
  }

  /**
   * Problems with an AWS Query protocol response document ({@code <OpResponse><OpResult>…}): every
   * element a member of its shape, lists as {@code <member>} elements, scalars of their type and
   * enums among their values.
   */
  List<String> checkXml(String operation, String xml) {
    List<String> problems = new ArrayList<>();
    org.w3c.dom.Element root;
    try {
      var factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      root = factory.newDocumentBuilder().parse(new org.xml.sax.InputSource(new java.io.StringReader(xml)))
          .getDocumentElement();
    } catch (Exception e) {
      return List.of(operation + ": not XML: " + e.getMessage());
    }
    if (!root.getLocalName().equals(operation + "Response")) {
      problems.add(operation + ": root element " + root.getLocalName());
      return problems;
    }
    List<org.w3c.dom.Element> children = elements(root);
    if (children.isEmpty() || !children.get(0).getLocalName().equals(operation + "Result")) {
      problems.add(operation + ": no " + operation + "Result element");
      return problems;
    }
    JsonNode op = operations.get(operation);
    if (op != null && op.hasNonNull("output")) {
      checkXml(op.get("output").asText(), children.get(0), operation, problems);
    }
    return problems;
  }

  private void checkXml(String shapeName, org.w3c.dom.Element element, String path, List<String> problems) {
    JsonNode shape = shapes.get(shapeName);
    String type = shape.get("type").asText();
    String text = element.getTextContent();
    switch (type) {
      case "structure" -> {
        for (org.w3c.dom.Element child : elements(element)) {
          JsonNode member = shape.get("members").get(child.getLocalName());
          if (member == null) {
            problems.add(path + "." + child.getLocalName() + ": not a member of " + shapeName);
          } else {
            checkXml(member.get("shape").asText(), child, path + "." + child.getLocalName(), problems);
          }
        }
      }
      case "list" -> {
        List<org.w3c.dom.Element> items = elements(element);
        for (int i = 0; i < items.size(); i++) {
          if (!items.get(i).getLocalName().equals("member")) {
            problems.add(path + "[" + i + "]: list element <" + items.get(i).getLocalName() + ">, expected <member>");
          } else {
            checkXml(shape.get("member").get("shape").asText(), items.get(i), path + "[" + i + "]", problems);
          }
        }
      }
      case "string" -> {
        if (shape.has("enum") && !contains(shape.get("enum"), text)) {
          problems.add(path + ": '" + text + "' is not one of " + shape.get("enum"));
        }
      }
      case "integer", "long" -> {
        if (!text.matches("-?\\d+")) {
          problems.add(path + ": expected an integer, got " + text);
        }
      }
      case "boolean" -> {
        if (!text.equals("true") && !text.equals("false")) {
          problems.add(path + ": expected true or false, got " + text);
        }
      }
      case "timestamp" -> {
        try {
          java.time.Instant.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
          problems.add(path + ": expected an ISO 8601 timestamp, got " + text);
        }
      }
      default -> { }
    }
  }

  private static List<org.w3c.dom.Element> elements(org.w3c.dom.Element parent) {
    List<org.w3c.dom.Element> out = new ArrayList<>();
    for (org.w3c.dom.Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof org.w3c.dom.Element element) {
        out.add(element);
      }
    }
    return out;
  }

  private static boolean contains(JsonNode values, String value) {
    for (JsonNode allowed : values) {
      if (allowed.asText().equals(value)) {
        return true;
      }
    }
    return false;
  }
}
