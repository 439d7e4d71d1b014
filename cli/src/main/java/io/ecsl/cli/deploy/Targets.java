package io.ecsl.cli.deploy;

import io.ecsl.deploy.target.SdkAwsApi;
import io.ecsl.deploy.target.TargetOptions.Kind;
import java.io.PrintWriter;
import io.ecsl.runtime.client.RuntimeClient;
import java.net.URI;
import java.nio.file.Path;

/** Builds the API client for the chosen target from the command's options and the environment. */
final class Targets {
  private Targets() {}

  /** A connected target and how plans name it; {@code local} is the runtime when the target is local, else null. */
  record Connected(SdkAwsApi api, String description, LocalTarget.Local local) implements AutoCloseable {
    /**
     * Tells the local runtime that tasks may mount host paths under the project's directory (the
     * default for host volumes); says on {@code err} why not when the runtime refuses it.
     */
    void allowProjectRoot(Path projectRoot, PrintWriter err) {
      if (local == null) {
        return;
      }
      try {
        runtimeClient().allowProjectRoot(projectRoot);
      } catch (RuntimeClient.ApiError e) {
        err.println("warning: host volumes under " + projectRoot + " will be refused: " + e.getMessage());
        err.flush();
      }
    }

    /** A client of the local runtime's own endpoints, signing with its key; only for the local target. */
    RuntimeClient runtimeClient() {
      if (local == null) {
        throw new IllegalStateException("not the local target");
      }
      return new RuntimeClient(local.endpoint(), local.credentials());
    }

    @Override
    public void close() {
      api.close();
    }
  }

  static Connected connect(TargetOptions t, String region, PrintWriter err) {
    URI endpoint = t.endpoint;
    if (endpoint == null && t.target == Kind.aws) {
      String env = System.getenv("AWS_ENDPOINT_URL");
      if (env != null && !env.isBlank()) {
        endpoint = URI.create(env.trim());
      }
    }
    boolean local = t.target == Kind.local;
    io.ecsl.deploy.target.TargetOptions.StaticKey key = null;
    LocalTarget.Local runtime = null;
    if (local) {
      runtime = LocalTarget.connect(t.runtimeDir, endpoint, err);
      endpoint = runtime.endpoint();
      key = new io.ecsl.deploy.target.TargetOptions.StaticKey(runtime.credentials().accessKeyId(),
          runtime.credentials().secretAccessKey());
    }
    io.ecsl.deploy.target.TargetOptions options = new io.ecsl.deploy.target.TargetOptions(t.target, endpoint,
        region != null ? region : local ? "us-east-1" : null, t.profile, key);
    SdkAwsApi api = new SdkAwsApi(options);
    String description = t.target + (endpoint != null ? " " + endpoint : "") + " (" + api.region() + ")";
    return new Connected(api, description, runtime);
  }
}
