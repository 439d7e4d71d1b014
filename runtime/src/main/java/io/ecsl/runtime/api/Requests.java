package io.ecsl.runtime.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.facts.limits.EcsLimit;
import io.ecsl.runtime.json.Json;
import io.ecsl.runtime.store.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Reading request members, with AWS-style errors for missing or malformed ones. */
public final class Requests {
  private static final Pattern TAG_CHARS = Pattern.compile("^[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*$");

  private Requests() {}

  public static String required(JsonNode request, String member, String exceptionType) {
    String value = Json.text(request, member);
    if (value == null || value.isEmpty()) {
      throw new ApiException(exceptionType, "Missing required parameter " + member
          + ": the request must include a non-empty " + member + ".");
    }
    return value;
  }

  public static String required(JsonNode request, String member) {
    return required(request, member, "InvalidParameterException");
  }

  public static JsonNode requiredNode(JsonNode request, String member, String exceptionType) {
    JsonNode value = request.get(member);
    if (value == null || value.isNull()) {
      throw new ApiException(exceptionType, "Missing required parameter " + member + ".");
    }
    return value;
  }

  /** Tags in ECS's shape ({@code [{key, value}]}), validated the way ECS validates them. */
  public static List<Tag> ecsTags(JsonNode tags) {
    return tags(tags, "key", "value", "InvalidParameterException");
  }

  /** Tags in the PascalCase list shape of EventBridge and Cloud Map ({@code [{Key, Value}]}). */
  public static List<Tag> pascalTags(JsonNode tags, String exceptionType) {
    return tags(tags, "Key", "Value", exceptionType);
  }

  private static List<Tag> tags(JsonNode tags, String keyField, String valueField, String exceptionType) {
    List<Tag> out = new ArrayList<>();
    if (tags == null || tags.isNull()) {
      return out;
    }
    if (!tags.isArray()) {
      throw new ApiException(exceptionType, "tags must be a list of {" + keyField + ", " + valueField + "}.");
    }
    for (JsonNode tag : tags) {
      out.add(new Tag(Json.text(tag, keyField), Json.text(tag, valueField, "")));
    }
    validate(out, exceptionType);
    return out;
  }

  /** ECS tag rules (§1.1): at most 50, key 1-128, value 0-256, allowed characters, no aws: prefix. */
  public static void validate(List<Tag> tags, String exceptionType) {
    if (tags.size() > EcsLimit.TAGS_PER_RESOURCE.maxInt()) {
      throw new ApiException(exceptionType, "Too many tags: " + tags.size() + " given, a resource can have at most "
          + EcsLimit.TAGS_PER_RESOURCE.maxInt() + ".");
    }
    for (Tag tag : tags) {
      if (tag.key() == null || tag.key().isEmpty() || tag.key().length() > EcsLimit.TAG_KEY_LENGTH.maxInt()) {
        throw new ApiException(exceptionType, "Tag key '" + tag.key() + "' must be 1 to " + EcsLimit.TAG_KEY_LENGTH.maxInt()
            + " characters long.");
      }
      if (tag.value().length() > EcsLimit.TAG_VALUE_LENGTH.maxInt()) {
        throw new ApiException(exceptionType, "The value of tag '" + tag.key() + "' is longer than "
            + EcsLimit.TAG_VALUE_LENGTH.maxInt() + " characters.");
      }
      if (!TAG_CHARS.matcher(tag.key()).matches() || !TAG_CHARS.matcher(tag.value()).matches()) {
        throw new ApiException(exceptionType, "Tag '" + tag.key() + "' contains characters that are not allowed;"
            + " use letters, digits, spaces and _ . : / = + - @.");
      }
      if (tag.key().toLowerCase(java.util.Locale.ROOT).startsWith("aws:")) {
        throw new ApiException(exceptionType, "Tag key '" + tag.key() + "' uses the reserved prefix aws:;"
            + " choose another key.");
      }
    }
  }
}
