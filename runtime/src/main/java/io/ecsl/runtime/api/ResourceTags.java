package io.ecsl.runtime.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.runtime.engine.RuntimeState;
import io.ecsl.runtime.json.Json;
import io.ecsl.runtime.store.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code TagResource}, {@code UntagResource} and {@code ListTagsForResource} as EventBridge, Cloud
 * Map and Application Auto Scaling define them: a {@code ResourceARN}, {@code TagKeys} to remove,
 * and tags either as a list of {@code {Key, Value}} or (Auto Scaling) as a map. Each API says which
 * ARNs exist and which error code bad input gets; everything else is the same, so it lives here.
 */
public final class ResourceTags {
  /** How an API writes tags in requests and responses. */
  public enum Form {
    KEY_VALUE_LIST,
    MAP
  }

  private final RuntimeState state;
  private final Form form;
  private final String errorCode;
  private final Consumer<String> requireResource;

  /**
   * @param requireResource throws the API's not-found error for an ARN it does not hold (called
   *     inside the state's transaction)
   */
  public ResourceTags(RuntimeState state, Form form, String errorCode, Consumer<String> requireResource) {
    this.state = state;
    this.form = form;
    this.errorCode = errorCode;
    this.requireResource = requireResource;
  }

  public JsonNode tag(JsonNode request) {
    String arn = Requests.required(request, "ResourceARN", errorCode);
    List<Tag> tags = parse(Requests.requiredNode(request, "Tags", errorCode));
    return state.atomically(() -> {
      requireResource.accept(arn);
      state.putTags(arn, tags);
      return Json.object();
    });
  }

  public JsonNode untag(JsonNode request) {
    String arn = Requests.required(request, "ResourceARN", errorCode);
    List<String> keys = Json.strings(request, "TagKeys");
    return state.atomically(() -> {
      requireResource.accept(arn);
      state.removeTags(arn, keys);
      return Json.object();
    });
  }

  public JsonNode list(JsonNode request) {
    String arn = Requests.required(request, "ResourceARN", errorCode);
    return state.atomically(() -> {
      requireResource.accept(arn);
      ObjectNode response = Json.object();
      if (form == Form.MAP) {
        ObjectNode tags = response.putObject("Tags");
        state.tags(arn).forEach(tag -> tags.put(tag.key(), tag.value()));
      } else {
        var tags = response.putArray("Tags");
        state.tags(arn).forEach(tag -> tags.addObject().put("Key", tag.key()).put("Value", tag.value()));
      }
      return response;
    });
  }

  /** Tags as this API writes them in a request (validated; absent gives none). */
  public List<Tag> parse(JsonNode tags) {
    if (form == Form.KEY_VALUE_LIST) {
      return Requests.pascalTags(tags, errorCode);
    }
    List<Tag> out = new ArrayList<>();
    if (tags != null && tags.isObject()) {
      for (Map.Entry<String, JsonNode> entry : tags.properties()) {
        out.add(new Tag(entry.getKey(), entry.getValue().asText()));
      }
    }
    Requests.validate(out, errorCode);
    return out;
  }
}
