package io.ecsl.runtime.api.ecs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.runtime.api.ApiException;
import io.ecsl.runtime.api.Pages;
import io.ecsl.runtime.api.Pages.Paging;
import io.ecsl.runtime.api.RequestContext;
import io.ecsl.runtime.api.Requests;
import io.ecsl.runtime.engine.RuntimeState;
import io.ecsl.runtime.json.Json;
import io.ecsl.runtime.model.Arns;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * PutAccountSetting, PutAccountSettingDefault, ListAccountSettings, DeleteAccountSetting (§7.3).
 * Settings are per region and principal; the default applies to principals without their own.
 * Any caller is the account root (the runtime ignores credentials).
 */
final class AccountSettingOps {
  /** Every setting name of the 2026 model, with the value AWS reports when nobody set it. */
  static final Map<String, String> DEFAULTS = new LinkedHashMap<>();

  static {
    DEFAULTS.put("serviceLongArnFormat", "enabled");
    DEFAULTS.put("taskLongArnFormat", "enabled");
    DEFAULTS.put("containerInstanceLongArnFormat", "enabled");
    DEFAULTS.put("awsvpcTrunking", "disabled");
    DEFAULTS.put("containerInsights", "disabled");
    DEFAULTS.put("fargateFIPSMode", "disabled");
    DEFAULTS.put("tagResourceAuthorization", "on");
    DEFAULTS.put("fargateTaskRetirementWaitPeriod", "7");
    DEFAULTS.put("guardDutyActivate", "off");
    DEFAULTS.put("defaultLogDriverMode", "non-blocking");
    DEFAULTS.put("fargateEventWindows", "disabled");
  }

  private static final Map<String, List<String>> VALUES = Map.of(
      "containerInsights", List.of("enhanced", "enabled", "disabled"),
      "tagResourceAuthorization", List.of("on", "off", "enabled", "disabled"),
      "fargateTaskRetirementWaitPeriod", List.of("0", "7", "14"),
      "defaultLogDriverMode", List.of("blocking", "non-blocking"));
  private static final List<String> ON_OFF = List.of("enabled", "disabled");

  private final RuntimeState state;

  AccountSettingOps(RuntimeState state) {
    this.state = state;
  }

  JsonNode put(JsonNode request, RequestContext context) {
    String principal = Json.text(request, "principalArn", Arns.ROOT_PRINCIPAL);
    return store(request, context, principal);
  }

  JsonNode putDefault(JsonNode request, RequestContext context) {
    return store(request, context, Arns.ROOT_PRINCIPAL);
  }

  private JsonNode store(JsonNode request, RequestContext context, String principal) {
    String name = validName(Requests.required(request, "name"));
    String value = Requests.required(request, "value");
    if ("guardDutyActivate".equals(name)) {
      throw ApiException.invalidParameter("guardDutyActivate is read-only: GuardDuty controls it.");
    }
    List<String> allowed = VALUES.getOrDefault(name, ON_OFF);
    if (!allowed.contains(value)) {
      throw ApiException.invalidParameter("Invalid value '" + value + "' for account setting " + name + ": use one of "
          + allowed + ".");
    }
    return state.atomically(() -> {
      ObjectNode setting = Json.object();
      setting.put("name", name).put("value", value).put("principalArn", principal).put("type", "user");
      state.accountSettings.put(key(context, principal, name), setting);
      ObjectNode response = Json.object();
      response.set("setting", setting);
      return response;
    });
  }

  JsonNode list(JsonNode request, RequestContext context) {
    String name = Json.text(request, "name");
    if (name != null) {
      validName(name);
    }
    String value = Json.text(request, "value");
    String principal = Json.text(request, "principalArn", Arns.ROOT_PRINCIPAL);
    boolean effective = Json.bool(request, "effectiveSettings", false);
    return state.atomically(() -> {
      List<ObjectNode> settings = new ArrayList<>();
      for (String settingName : DEFAULTS.keySet()) {
        if (name != null && !name.equals(settingName)) {
          continue;
        }
        ObjectNode own = state.accountSettings.get(key(context, principal, settingName));
        ObjectNode setting = own;
        if (setting == null && effective) {
          ObjectNode fallback = state.accountSettings.get(key(context, Arns.ROOT_PRINCIPAL, settingName));
          setting = fallback != null ? fallback.deepCopy() : Json.object().put("name", settingName)
              .put("value", DEFAULTS.get(settingName)).put("principalArn", principal).put("type", "aws_managed");
        }
        if (setting != null && (value == null || value.equals(Json.text(setting, "value")))) {
          settings.add(setting);
        }
      }
      return Pages.response(Paging.ECS, request, settings, "settings", 100, 100);
    });
  }

  JsonNode delete(JsonNode request, RequestContext context) {
    String name = validName(Requests.required(request, "name"));
    String principal = Json.text(request, "principalArn", Arns.ROOT_PRINCIPAL);
    return state.atomically(() -> {
      String key = key(context, principal, name);
      ObjectNode setting = state.accountSettings.get(key);
      if (setting == null) {
        throw ApiException.invalidParameter("Account setting " + name + " is not set for " + principal
            + "; nothing to delete.");
      }
      state.accountSettings.remove(key);
      ObjectNode response = Json.object();
      response.set("setting", setting);
      return response;
    });
  }

  /** The value in force for the account root in the request's region. */
  String effectiveValue(RequestContext context, String name) {
    ObjectNode setting = state.accountSettings.get(key(context, Arns.ROOT_PRINCIPAL, name));
    return setting != null ? Json.text(setting, "value") : DEFAULTS.get(name);
  }

  private static String validName(String name) {
    if (!DEFAULTS.containsKey(name)) {
      throw ApiException.invalidParameter(name + " should be one of " + DEFAULTS.keySet() + ".");
    }
    return name;
  }

  private static String key(RequestContext context, String principal, String name) {
    return context.region() + "|" + principal + "|" + name;
  }
}
