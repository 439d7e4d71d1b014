package io.ecsl.emit.cfn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** CloudFormation intrinsic functions as JSON. */
final class Fn {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private Fn() {}

  static ObjectNode ref(String logicalId) {
    return JSON.objectNode().put("Ref", logicalId);
  }

  static ObjectNode getAtt(String logicalId, String attribute) {
    ObjectNode n = JSON.objectNode();
    n.putArray("Fn::GetAtt").add(logicalId).add(attribute);
    return n;
  }

  static ObjectNode join(String delimiter, JsonNode... parts) {
    ObjectNode n = JSON.objectNode();
    ArrayNode args = n.putArray("Fn::Join");
    args.add(delimiter);
    ArrayNode list = args.addArray();
    for (JsonNode p : parts) {
      list.add(p);
    }
    return n;
  }
}
