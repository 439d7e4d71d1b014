package io.ecsl.deploy;

import io.ecsl.compile.Compiler;
import io.ecsl.deploy.target.SdkAwsApi;
import io.ecsl.deploy.target.TargetOptions;
import io.ecsl.model.EcsModel;
import io.ecsl.testing.MotoServer;
import java.nio.file.Path;
import java.util.List;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/** Compiling test projects and connecting to a test target. */
public final class TestSupport {
  private TestSupport() {}

  public static EcsModel compile(Path... inputs) {
    Compiler.Result r = Compiler.compile(Compiler.Options.of(inputs));
    if (!r.ok()) {
      throw new AssertionError("does not compile: " + r.diagnostics().sorted());
    }
    return r.model();
  }

  public static SdkAwsApi api(MotoServer moto, ExecutionInterceptor... interceptors) {
    return new SdkAwsApi(new TargetOptions(TargetOptions.Kind.aws, moto.uri(), "us-east-1", null, true),
        List.of(interceptors));
  }
}
