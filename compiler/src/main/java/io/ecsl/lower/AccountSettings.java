package io.ecsl.lower;

import static io.ecsl.diag.LanguageCode.TYPE;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.ecsl.diag.Diagnostic;
import io.ecsl.eval.Declaration;
import io.ecsl.eval.Value;
import io.ecsl.model.ApiRequest;
import io.ecsl.model.Resource;
import io.ecsl.model.ResourceKind;
import io.ecsl.schema.ServiceModel;
import io.ecsl.schema.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code account_settings { container_insights = enabled, awsvpc_trunking = enabled }}: ECS
 * account settings. By default they are the account's defaults ({@code PutAccountSettingDefault});
 * with {@code principal_arn = "…"} they apply to that IAM principal ({@code PutAccountSetting}).
 * CloudFormation has no resource for them, so they exist only as API calls.
 */
final class AccountSettings {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final ModelBuilder builder;

  AccountSettings(ModelBuilder builder) {
    this.builder = builder;
  }

  List<Resource> lower(Declaration d) {
    Value.Obj body = d.body(builder.interpreter());
    Value principal = body.get("principal_arn");
    String principalArn = principal instanceof Value.Str s ? s.value() : null;
    if (principal != null && principalArn == null) {
      builder.interpreter().report(Diagnostic.error(TYPE, principal.span(), "`principal_arn` must be a string").withHint(null));
    }
    String operation = principalArn == null ? "PutAccountSettingDefault" : "PutAccountSetting";
    List<Resource> out = new ArrayList<>();
    for (Value.Field f : body.fields()) {
      if (f.key().equals("principal_arn")) {
        continue;
      }
      ModelBuilder.Request req = builder.request(d, ServiceModel.ECS, operation, "account setting `" + f.key() + "`");
      Shape nameShape = req.shape.member("name");
      String name = builder.lower().enumValue(f.key(), nameShape, req.loc.member("name", f.key(), f.keySpan(), null)
          .named(() -> "an account setting name"));
      if (name == null) {
        continue;
      }
      String value = switch (f.value()) {
        case Value.Symbol s -> s.name();
        case Value.Str s -> s.value();
        case Value.Bool b -> b.value() ? "enabled" : "disabled";
        case Value.Int i -> Long.toString(i.value());
        default -> null;
      };
      if (value == null) {
        builder.interpreter().report(Diagnostic.error(TYPE, f.valueSpan(), "account setting `" + f.key()
            + "` takes a value such as `enabled` or `disabled`").withHint(null));
        continue;
      }
      Struct s = builder.lower().structure(new Value.Obj(f.span(), List.of()), req.shape, req.loc);
      s.set("name", JSON.textNode(name), f.keySpan());
      s.set("value", JSON.textNode(value), f.valueSpan());
      if (principalArn != null) {
        s.set("principalArn", JSON.textNode(principalArn), principal.span());
      }
      ApiRequest request = req.finish(s.build(), "account-settings/" + name + ".json");
      out.add(new Resource(ResourceKind.ACCOUNT_SETTING, name, null, f.span(), List.of(request), Map.of()));
    }
    return out;
  }
}
