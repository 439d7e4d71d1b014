package io.ecsl.deploy.target;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.servicediscovery.ServiceDiscoveryClient;
import software.amazon.awssdk.utils.builder.SdkBuilder;

/**
 * {@link AwsApi} over the AWS SDK for Java v2: the standard credential and region chains (or a
 * named profile), an endpoint override for the local runtime, moto or a VPC endpoint, the SDK's
 * retries and error parsing. Operations are dispatched by name to the typed clients, and requests
 * and responses converted through the SDK's field metadata ({@link SdkJson}).
 */
public final class SdkAwsApi implements AwsApi, AutoCloseable {
  /** AWS CLI service name → the SDK client's package and interface. */
  private static final Map<String, Class<? extends SdkClient>> CLIENTS = Map.of(
      "ecs", EcsClient.class,
      "events", EventBridgeClient.class,
      "application-autoscaling", ApplicationAutoScalingClient.class,
      "servicediscovery", ServiceDiscoveryClient.class,
      "elbv2", ElasticLoadBalancingV2Client.class,
      "scheduler", SchedulerClient.class);

  private final TargetOptions options;
  private final List<ExecutionInterceptor> interceptors;
  private final SdkHttpClient http;
  private final AwsCredentialsProvider credentials;
  private final Region region;
  private final Map<String, SdkClient> clients = new ConcurrentHashMap<>();
  private final Map<String, Method> methods = new ConcurrentHashMap<>();

  public SdkAwsApi(TargetOptions options) {
    this(options, List.of());
  }

  /** With extra SDK interceptors (tests count calls this way). */
  public SdkAwsApi(TargetOptions options, List<ExecutionInterceptor> interceptors) {
    this.options = options;
    this.interceptors = List.copyOf(interceptors);
    this.http = UrlConnectionHttpClient.builder()
        .connectionTimeout(Duration.ofSeconds(5))
        .socketTimeout(Duration.ofSeconds(60))
        .build();
    this.credentials = credentials(options);
    this.region = region(options);
  }

  /** The region calls go to. */
  public String region() {
    return region.id();
  }

  private static AwsCredentialsProvider credentials(TargetOptions o) {
    if (o.staticKey() != null) {
      return StaticCredentialsProvider.create(AwsBasicCredentials.create(o.staticKey().accessKeyId(),
          o.staticKey().secretAccessKey()));
    }
    if (o.profile() != null) {
      return ProfileCredentialsProvider.create(o.profile());
    }
    return DefaultCredentialsProvider.builder().build();
  }

  private static Region region(TargetOptions o) {
    if (o.region() != null) {
      return Region.of(o.region());
    }
    try {
      DefaultAwsRegionProviderChain.Builder chain = DefaultAwsRegionProviderChain.builder();
      if (o.profile() != null) {
        chain.profileName(o.profile());
      }
      return chain.build().getRegion();
    } catch (SdkClientException e) {
      return Region.US_EAST_1; // no region anywhere: the CLI's documented default
    }
  }

  @Override
  public JsonNode call(String service, String operation, ObjectNode request) {
    SdkClient client = client(service);
    Method method = methods.computeIfAbsent(service + "." + operation, k -> method(service, operation));
    try {
      Class<?> requestType = method.getParameterTypes()[0];
      SdkPojo builder = (SdkPojo) requestType.getMethod("builder").invoke(null);
      SdkJson.fill(builder, request, operation);
      Object response = method.invoke(client, ((SdkBuilder<?, ?>) builder).build());
      return SdkJson.toJson((SdkPojo) response);
    } catch (InvocationTargetException e) {
      throw translate(service, operation, e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot call " + service + " " + operation, e);
    }
  }

  private ApiException translate(String service, String operation, Throwable t) {
    if (t instanceof AwsServiceException ase && ase.awsErrorDetails() != null) {
      return new ApiException(service, operation, ase.awsErrorDetails().errorCode(),
          ase.awsErrorDetails().errorMessage() == null ? ase.getMessage() : ase.awsErrorDetails().errorMessage(), t);
    }
    if (t instanceof SdkClientException sce && String.valueOf(sce.getMessage()).contains("Unable to load credentials")) {
      return new ApiException(service, operation, "NoCredentials", "no AWS credentials found: set AWS_PROFILE or"
          + " AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, pass --profile, or run where a role is available", t);
    }
    if (t instanceof SdkClientException sce) {
      String where = options.endpoint() != null ? options.endpoint().toString() : "the " + region.id() + " endpoint";
      return new ApiException(service, operation, "Unreachable", "cannot reach " + where + ": " + sce.getMessage(), t);
    }
    if (t instanceof RuntimeException re) {
      throw re;
    }
    return new ApiException(service, operation, null, String.valueOf(t), t);
  }

  private Method method(String service, String operation) {
    Class<? extends SdkClient> type = CLIENTS.get(service);
    String name = Character.toLowerCase(operation.charAt(0)) + operation.substring(1);
    String pkg = type.getPackageName() + ".model.";
    try {
      Class<?> requestType = Class.forName(pkg + operation + "Request");
      return type.getMethod(name, requestType);
    } catch (ReflectiveOperationException e) {
      throw new IllegalArgumentException("unknown operation " + service + " " + operation, e);
    }
  }

  private SdkClient client(String service) {
    return clients.computeIfAbsent(service, s -> {
      Class<? extends SdkClient> type = CLIENTS.get(s);
      if (type == null) {
        throw new IllegalArgumentException("unknown AWS service " + s);
      }
      try {
        Object builder = type.getMethod("builder").invoke(null);
        @SuppressWarnings("unchecked")
        AwsClientBuilder<?, ?> b = (AwsClientBuilder<?, ?>) builder;
        b.region(region).credentialsProvider(credentials);
        ((AwsSyncClientBuilder<?, ?>) b).httpClient(http);
        if (options.endpoint() != null) {
          b.endpointOverride(options.endpoint());
        }
        ClientOverrideConfiguration.Builder override = ClientOverrideConfiguration.builder();
        interceptors.forEach(override::addExecutionInterceptor);
        b.overrideConfiguration(override.build());
        return (SdkClient) ((SdkBuilder<?, ?>) b).build();
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot build the " + s + " client", e);
      }
    });
  }

  @Override
  public void close() {
    List<SdkClient> all = new ArrayList<>(clients.values());
    all.forEach(SdkClient::close);
    http.close();
  }

  /** The endpoint in use, for messages. */
  public URI endpoint() {
    return options.endpoint();
  }
}
