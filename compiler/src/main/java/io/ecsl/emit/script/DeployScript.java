package io.ecsl.emit.script;

import io.ecsl.model.EcsModel;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import org.apache.velocity.Template;
import org.apache.velocity.VelocityContext;
import org.apache.velocity.app.VelocityEngine;
import org.apache.velocity.runtime.RuntimeConstants;
import org.apache.velocity.runtime.resource.loader.ClasspathResourceLoader;

/**
 * {@code deploy.sh}: a bash script that creates or updates, with the AWS CLI, everything the
 * build's manifest lists, in its dependency order, and can be run again safely. It reads the
 * create requests from the JSON files beside it and carries the derived update requests in quoted
 * heredocs, so no value from the project is ever parsed by the shell. Rendered from
 * {@code deploy.sh.vm} (Velocity, strict mode) with a {@link DeployScriptView}.
 */
public final class DeployScript {
  /** The file name in the build output directory. */
  public static final String FILE = "deploy.sh";

  private static final String TEMPLATE = "io/ecsl/emit/script/deploy.sh.vm";
  private static final VelocityEngine ENGINE = engine();

  private DeployScript() {}

  public static String render(EcsModel model) {
    return render(DeployScriptView.of(model));
  }

  static String render(DeployScriptView view) {
    return render(Map.of("view", view));
  }

  /** Renders the template with these references (tests give it too few to see strict mode at work). */
  static String render(Map<String, Object> references) {
    VelocityContext context = new VelocityContext();
    references.forEach(context::put);
    Template template = ENGINE.getTemplate(TEMPLATE, StandardCharsets.UTF_8.name());
    StringWriter out = new StringWriter();
    template.merge(context, out);
    return out.toString();
  }

  /** Initialises the engine and parses the template (both cached), ahead of the first render. */
  public static void prepare() {
    ENGINE.getTemplate(TEMPLATE, StandardCharsets.UTF_8.name());
  }

  public static byte[] bytes(EcsModel model) {
    return render(model).getBytes(StandardCharsets.UTF_8);
  }

  private static VelocityEngine engine() {
    Properties p = new Properties();
    // Strict: a misspelt reference in the template is an error, never an empty string in a script.
    p.setProperty(RuntimeConstants.RUNTIME_REFERENCES_STRICT, "true");
    p.setProperty(RuntimeConstants.RESOURCE_LOADERS, "class");
    p.setProperty("resource.loader.class.class", ClasspathResourceLoader.class.getName());
    p.setProperty(RuntimeConstants.INPUT_ENCODING, StandardCharsets.UTF_8.name());
    VelocityEngine engine = new VelocityEngine(p);
    engine.init();
    return engine;
  }
}
