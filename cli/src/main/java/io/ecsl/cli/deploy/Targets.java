package io.ecsl.cli.deploy;

import io.ecsl.deploy.target.SdkAwsApi;
import io.ecsl.deploy.target.TargetOptions.Kind;
import java.io.PrintWriter;
import java.net.URI;

/** Builds the API client for the chosen target from the command's options and the environment. */
final class Targets {
  private Targets() {}

  /** A connected target and how plans name it. */
  record Connected(SdkAwsApi api, String description) implements AutoCloseable {
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
    if (local && endpoint == null) {
      endpoint = LocalTarget.endpoint(err);
    }
    io.ecsl.deploy.target.TargetOptions options = new io.ecsl.deploy.target.TargetOptions(t.target, endpoint,
        region != null ? region : local ? "us-east-1" : null, t.profile, local);
    SdkAwsApi api = new SdkAwsApi(options);
    String description = t.target + (endpoint != null ? " " + endpoint : "") + " (" + api.region() + ")";
    return new Connected(api, description);
  }
}
