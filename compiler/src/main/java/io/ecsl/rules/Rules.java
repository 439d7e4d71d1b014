package io.ecsl.rules;

import io.ecsl.rules.capacity.CapacityProviderName;
import io.ecsl.rules.capacity.ManagedScaling;
import io.ecsl.rules.capacity.StrategyBase;
import io.ecsl.rules.capacity.StrategyDuplicate;
import io.ecsl.rules.capacity.StrategyMix;
import io.ecsl.rules.capacity.StrategySize;
import io.ecsl.rules.capacity.StrategyWeight;
import io.ecsl.rules.cluster.AccountSettingValue;
import io.ecsl.rules.cluster.ClusterCapacityProviders;
import io.ecsl.rules.cluster.ClusterName;
import io.ecsl.rules.cluster.ClusterSettings;
import io.ecsl.rules.cluster.DefaultStrategyProviders;
import io.ecsl.rules.cluster.ExecuteCommandConfiguration;
import io.ecsl.rules.cluster.NamespaceName;
import io.ecsl.rules.cluster.ServiceConnectDefaults;
import io.ecsl.rules.container.AwslogsOptions;
import io.ecsl.rules.container.AwsvpcContainerSettings;
import io.ecsl.rules.container.ContainerMemory;
import io.ecsl.rules.container.ContainerResourcesNotNegative;
import io.ecsl.rules.container.ContainerName;
import io.ecsl.rules.container.ContainerTimeouts;
import io.ecsl.rules.container.CredentialSpecs;
import io.ecsl.rules.container.DependsOnCycle;
import io.ecsl.rules.container.DependsOnEssential;
import io.ecsl.rules.container.DependsOnHealthy;
import io.ecsl.rules.container.DependsOnTarget;
import io.ecsl.rules.container.DuplicateEnvironment;
import io.ecsl.rules.container.EnvironmentFiles;
import io.ecsl.rules.container.FargateContainerSettings;
import io.ecsl.rules.container.FargateLogDriver;
import io.ecsl.rules.container.HealthCheckCommand;
import io.ecsl.rules.container.HealthCheckPrefix;
import io.ecsl.rules.container.HealthCheckRanges;
import io.ecsl.rules.container.HealthCheckTiming;
import io.ecsl.rules.container.Image;
import io.ecsl.rules.container.ImageTag;
import io.ecsl.rules.container.Links;
import io.ecsl.rules.container.LinuxParameters;
import io.ecsl.rules.container.MountPoints;
import io.ecsl.rules.container.PortMappingNetworkMode;
import io.ecsl.rules.container.PortName;
import io.ecsl.rules.container.PortNumbers;
import io.ecsl.rules.container.PortRange;
import io.ecsl.rules.container.Privileged;
import io.ecsl.rules.container.ResourceRequirements;
import io.ecsl.rules.container.RestartPolicy;
import io.ecsl.rules.container.SecretInEnvironment;
import io.ecsl.rules.container.Secrets;
import io.ecsl.rules.container.SplunkOptions;
import io.ecsl.rules.container.SystemControls;
import io.ecsl.rules.container.Ulimits;
import io.ecsl.rules.container.VolumesFrom;
import io.ecsl.rules.container.WindowsContainerSettings;
import io.ecsl.rules.cross.AwsvpcLoadBalancing;
import io.ecsl.rules.cross.DesiredWithinScaling;
import io.ecsl.rules.cross.FargateServiceLogDriver;
import io.ecsl.rules.cross.FargateSpotPlatform;
import io.ecsl.rules.cross.GracePeriodUnused;
import io.ecsl.rules.cross.Ec2Fallback;
import io.ecsl.rules.cross.ImplicitFargate;
import io.ecsl.rules.cross.LaunchCompatibility;
import io.ecsl.rules.cross.LoadBalancedHealthCheck;
import io.ecsl.rules.cross.LoadBalancerContainer;
import io.ecsl.rules.cross.NamespaceDeclared;
import io.ecsl.rules.cross.NetworkConfigurationMode;
import io.ecsl.rules.cross.PlacementConstraintTotal;
import io.ecsl.rules.cross.ProviderOneCluster;
import io.ecsl.rules.cross.ScalingService;
import io.ecsl.rules.cross.ScheduledTaskDefinition;
import io.ecsl.rules.cross.ServiceConnectNamespace;
import io.ecsl.rules.cross.ServiceConnectPorts;
import io.ecsl.rules.cross.ServiceConnectUnique;
import io.ecsl.rules.cross.ServiceRegistryContainer;
import io.ecsl.rules.cross.ServiceVolumeConfiguration;
import io.ecsl.rules.cross.StrategyProviders;
import io.ecsl.rules.cross.VpcLatticePorts;
import io.ecsl.rules.elb.ElbNames;
import io.ecsl.rules.elb.TargetGroupHealthCheck;
import io.ecsl.rules.elb.ListenerPorts;
import io.ecsl.rules.elb.ProtocolsOfType;
import io.ecsl.rules.elb.HealthCheckProtocol;
import io.ecsl.rules.elb.RulePriorities;
import io.ecsl.rules.elb.ListenerRuleReferences;
import io.ecsl.rules.elb.TargetGroupAttached;
import io.ecsl.rules.elb.TargetTypeOfService;
import io.ecsl.rules.general.ModelLimits;
import io.ecsl.rules.general.ModelShape;
import io.ecsl.rules.general.Tags;
import io.ecsl.rules.scaling.PolicyNames;
import io.ecsl.rules.scaling.PolicyType;
import io.ecsl.rules.scaling.ScalingCapacity;
import io.ecsl.rules.scaling.ScalingTarget;
import io.ecsl.rules.scaling.StepScaling;
import io.ecsl.rules.scaling.TargetAboveHundred;
import io.ecsl.rules.scaling.TargetTracking;
import io.ecsl.rules.schedule.CronDays;
import io.ecsl.rules.schedule.DeleteAfterCompletion;
import io.ecsl.rules.schedule.OneTimeDates;
import io.ecsl.rules.schedule.SchedulerDates;
import io.ecsl.rules.schedule.SchedulerTimezone;
import io.ecsl.rules.schedule.SchedulerWindow;
import io.ecsl.rules.schedule.CronFields;
import io.ecsl.rules.schedule.ExpressionForm;
import io.ecsl.rules.schedule.RateExpression;
import io.ecsl.rules.schedule.ScheduleInput;
import io.ecsl.rules.schedule.ScheduleLaunch;
import io.ecsl.rules.schedule.ScheduleNames;
import io.ecsl.rules.schedule.SchedulePlacement;
import io.ecsl.rules.schedule.ScheduleRole;
import io.ecsl.rules.service.AzRebalancing;
import io.ecsl.rules.service.ControllerFeatures;
import io.ecsl.rules.service.DaemonService;
import io.ecsl.rules.service.DeploymentPercent;
import io.ecsl.rules.service.DeploymentSafety;
import io.ecsl.rules.service.DeploymentStall;
import io.ecsl.rules.service.DeploymentStrategy;
import io.ecsl.rules.service.DesiredCount;
import io.ecsl.rules.service.DesiredCountQuota;
import io.ecsl.rules.service.ExternalLaunch;
import io.ecsl.rules.service.FargatePlacement;
import io.ecsl.rules.service.HeadlessBlueGreen;
import io.ecsl.rules.service.HookStrategy;
import io.ecsl.rules.service.LaunchTypeOrStrategy;
import io.ecsl.rules.service.LifecycleHooks;
import io.ecsl.rules.service.LoadBalancers;
import io.ecsl.rules.service.ManagedTags;
import io.ecsl.rules.service.NetworkConfiguration;
import io.ecsl.rules.service.PlatformVersion;
import io.ecsl.rules.service.ServiceConnectSettings;
import io.ecsl.rules.service.ServiceName;
import io.ecsl.rules.service.ServicePlacement;
import io.ecsl.rules.service.ServiceRegistries;
import io.ecsl.rules.service.ServiceRole;
import io.ecsl.rules.service.ServiceTaskDefinition;
import io.ecsl.rules.service.StrategySafety;
import io.ecsl.rules.service.StrategyScheduling;
import io.ecsl.rules.service.StrategyTraffic;
import io.ecsl.rules.service.TestTrafficHooks;
import io.ecsl.rules.service.VolumeConfigurations;
import io.ecsl.rules.taskdef.ContainerCount;
import io.ecsl.rules.taskdef.ContainerMemoryRequired;
import io.ecsl.rules.taskdef.ContainerResourcesFitTask;
import io.ecsl.rules.taskdef.DockerVolume;
import io.ecsl.rules.taskdef.EfsVolume;
import io.ecsl.rules.taskdef.EphemeralStorage;
import io.ecsl.rules.taskdef.EssentialContainer;
import io.ecsl.rules.taskdef.ExecutionRoleRequired;
import io.ecsl.rules.taskdef.FamilyName;
import io.ecsl.rules.taskdef.FargateCpuMemory;
import io.ecsl.rules.taskdef.FargateTaskSettings;
import io.ecsl.rules.taskdef.FargateTaskSize;
import io.ecsl.rules.taskdef.FargateVolumes;
import io.ecsl.rules.taskdef.HostTakeoverMount;
import io.ecsl.rules.taskdef.FireLens;
import io.ecsl.rules.taskdef.InferenceAccelerators;
import io.ecsl.rules.taskdef.NetworkModeSupported;
import io.ecsl.rules.taskdef.PortNamesUnique;
import io.ecsl.rules.taskdef.ProxyConfiguration;
import io.ecsl.rules.taskdef.SharedPorts;
import io.ecsl.rules.taskdef.TaskDefinitionSize;
import io.ecsl.rules.taskdef.TaskPlacementConstraints;
import io.ecsl.rules.taskdef.TaskSizeFormat;
import io.ecsl.rules.taskdef.Volumes;
import io.ecsl.rules.taskdef.WindowsFargate;
import io.ecsl.rules.taskdef.WindowsTaskSettings;
import io.ecsl.diag.Diagnostics;
import io.ecsl.rules.express.ExpressContainerPort;
import io.ecsl.rules.express.ExpressContainerSource;
import io.ecsl.rules.express.ExpressExecutionRole;
import io.ecsl.rules.express.ExpressHealthCheckPath;
import io.ecsl.rules.express.ExpressScaling;
import io.ecsl.rules.express.ExpressTaskSize;
import io.ecsl.model.EcsModel;
import java.util.List;

/**
 * Runs every rule over a compiled model. {@link #all()} is the single registry of rules, in code
 * order; docs/rules.md is generated from it ({@link RulesReference}).
 */
public final class Rules {
  private static final List<Rule> ALL = sorted(
      new ExpressContainerSource(),
      new ExpressTaskSize(),
      new ExpressHealthCheckPath(),
      new ExpressScaling(),
      new ExpressContainerPort(),
      new ExpressExecutionRole(),
      new FamilyName(),
      new ContainerCount(),
      new EssentialContainer(),
      new NetworkModeSupported(),
      new FargateTaskSize(),
      new FargateCpuMemory(),
      new WindowsFargate(),
      new TaskSizeFormat(),
      new FargateTaskSettings(),
      new WindowsTaskSettings(),
      new ContainerResourcesFitTask(),
      new ContainerMemoryRequired(),
      new Volumes(),
      new FargateVolumes(),
      new HostTakeoverMount(),
      new EfsVolume(),
      new DockerVolume(),
      new EphemeralStorage(),
      new ProxyConfiguration(),
      new TaskPlacementConstraints(),
      new InferenceAccelerators(),
      new TaskDefinitionSize(),
      new ExecutionRoleRequired(),
      new SharedPorts(),
      new PortNamesUnique(),
      new FireLens(),
      new ContainerName(),
      new ImageTag(),
      new Image(),
      new Privileged(),
      new PortMappingNetworkMode(),
      new SecretInEnvironment(),
      new PortNumbers(),
      new DuplicateEnvironment(),
      new PortRange(),
      new HealthCheckTiming(),
      new HealthCheckPrefix(),
      new PortName(),
      new ContainerMemory(),
      new ContainerResourcesNotNegative(),
      new DependsOnTarget(),
      new DependsOnCycle(),
      new DependsOnEssential(),
      new DependsOnHealthy(),
      new HealthCheckCommand(),
      new HealthCheckRanges(),
      new MountPoints(),
      new VolumesFrom(),
      new Links(),
      new AwsvpcContainerSettings(),
      new FargateContainerSettings(),
      new WindowsContainerSettings(),
      new FargateLogDriver(),
      new AwslogsOptions(),
      new SplunkOptions(),
      new ContainerTimeouts(),
      new Ulimits(),
      new RestartPolicy(),
      new CredentialSpecs(),
      new EnvironmentFiles(),
      new ResourceRequirements(),
      new LinuxParameters(),
      new SystemControls(),
      new Secrets(),
      new ServiceName(),
      new DeploymentStall(),
      new LaunchTypeOrStrategy(),
      new DesiredCountQuota(),
      new DesiredCount(),
      new DaemonService(),
      new DeploymentPercent(),
      new ControllerFeatures(),
      new DeploymentSafety(),
      new DeploymentStrategy(),
      new LifecycleHooks(),
      new StrategyTraffic(),
      new HookStrategy(),
      new StrategyScheduling(),
      new HeadlessBlueGreen(),
      new TestTrafficHooks(),
      new StrategySafety(),
      new ServicePlacement(),
      new FargatePlacement(),
      new LoadBalancers(),
      new ServiceRole(),
      new ServiceRegistries(),
      new NetworkConfiguration(),
      new PlatformVersion(),
      new ManagedTags(),
      new ServiceConnectSettings(),
      new VolumeConfigurations(),
      new AzRebalancing(),
      new ExternalLaunch(),
      new ServiceTaskDefinition(),
      new CapacityProviderName(),
      new ManagedScaling(),
      new StrategyBase(),
      new StrategyWeight(),
      new StrategyDuplicate(),
      new StrategyMix(),
      new StrategySize(),
      new ClusterName(),
      new ClusterCapacityProviders(),
      new DefaultStrategyProviders(),
      new ClusterSettings(),
      new ExecuteCommandConfiguration(),
      new ServiceConnectDefaults(),
      new NamespaceName(),
      new io.ecsl.rules.cloudmap.DiscoveryServiceName(),
      new io.ecsl.rules.cloudmap.DiscoveryServiceDns(),
      new io.ecsl.rules.cloudmap.DiscoveryServiceRecords(),
      new io.ecsl.rules.cloudmap.DiscoveryServiceHealthCheck(),
      new io.ecsl.rules.cloudmap.RegistryRecords(),
      new io.ecsl.rules.cloudmap.CustomFailureThreshold(),
      new AccountSettingValue(),
      new ExpressionForm(),
      new CronFields(),
      new CronDays(),
      new RateExpression(),
      new ScheduleNames(),
      new ScheduleLaunch(),
      new ScheduleRole(),
      new SchedulerTimezone(),
      new SchedulerDates(),
      new SchedulerWindow(),
      new OneTimeDates(),
      new DeleteAfterCompletion(),
      new ScheduleInput(),
      new SchedulePlacement(),
      new ScalingCapacity(),
      new TargetAboveHundred(),
      new ScalingTarget(),
      new PolicyType(),
      new TargetTracking(),
      new StepScaling(),
      new PolicyNames(),
      new LoadBalancerContainer(),
      new ImplicitFargate(),
      new LaunchCompatibility(),
      new Ec2Fallback(),
      new NamespaceDeclared(),
      new StrategyProviders(),
      new LoadBalancedHealthCheck(),
      new ServiceConnectNamespace(),
      new DesiredWithinScaling(),
      new ServiceConnectPorts(),
      new GracePeriodUnused(),
      new ServiceConnectUnique(),
      new NetworkConfigurationMode(),
      new AwsvpcLoadBalancing(),
      new ServiceRegistryContainer(),
      new FargateServiceLogDriver(),
      new ServiceVolumeConfiguration(),
      new ScheduledTaskDefinition(),
      new ScalingService(),
      new ProviderOneCluster(),
      new FargateSpotPlatform(),
      new PlacementConstraintTotal(),
      new VpcLatticePorts(),
      new ElbNames(),
      new TargetGroupHealthCheck(),
      new ListenerPorts(),
      new ProtocolsOfType(),
      new TargetTypeOfService(),
      new RulePriorities(),
      new HealthCheckProtocol(),
      new TargetGroupAttached(),
      new io.ecsl.rules.elb.RequestCountLabel(),
      new ListenerRuleReferences(),
      new io.ecsl.rules.elb.TrafficRouteTargets(),
      new io.ecsl.rules.elb.AlternateTargetGroupMatches(),
      new io.ecsl.rules.capacity.ManagedInstancesCluster(),
      new io.ecsl.rules.capacity.ManagedInstancesAssociation(),
      new io.ecsl.rules.capacity.ManagedInstancesStrategyCluster(),
      new io.ecsl.rules.capacity.ManagedInstancesStrategyMix(),
      new io.ecsl.rules.capacity.CapacityProviderKind(),
      new io.ecsl.rules.capacity.InstanceRequirements(),
      new io.ecsl.rules.capacity.ScaleInAfter(),
      new io.ecsl.rules.taskdef.ManagedInstancesNetworkMode(),
      new io.ecsl.rules.capacity.ManagedInstancesNetwork(),
      new io.ecsl.rules.daemon.DaemonName(),
      new io.ecsl.rules.daemon.DaemonFamily(),
      new io.ecsl.rules.daemon.DaemonProviders(),
      new io.ecsl.rules.daemon.DaemonProviderCluster(),
      new io.ecsl.rules.daemon.DaemonContainerNames(),
      new io.ecsl.rules.daemon.DaemonBakeTime(),
      new io.ecsl.rules.daemon.DaemonClientToken(),
      new ModelLimits(),
      new ModelShape(),
      new Tags());

  private Rules() {}

  /** Code order: by number, the error before the warning of the same number (E1105, W1105, E1106). */
  private static List<Rule> sorted(Rule... rules) {
    java.util.List<Rule> list = new java.util.ArrayList<>(List.of(rules));
    list.sort(java.util.Comparator.comparing((Rule r) -> r.code().substring(1)).thenComparing(Rule::code));
    return List.copyOf(list);
  }

  /** Every rule, ordered by code. */
  public static List<Rule> all() {
    return ALL;
  }

  /**
   * Checks the model with every rule; the model is indexed once and shared by all of them. Rules
   * only read the model, so they run in parallel; {@link Diagnostics} collects their reports and
   * sorts them by position, so the output does not depend on the order rules finish in.
   */
  public static void check(EcsModel model, Diagnostics diagnostics) {
    check(model, diagnostics, null);
  }

  /**
   * The same, for an editor's warm compiler: the per-item rules skip the task definitions and
   * services whose content passed them in an earlier check ({@code memory}, which this check
   * updates); null checks every item.
   */
  public static void check(EcsModel model, Diagnostics diagnostics, CleanItems memory) {
    ModelIndex index = new ModelIndex(model);
    List<Runnable> jobs = new java.util.ArrayList<>();
    ItemChecks<TaskDefinitionView> taskRules = new ItemChecks<>(
        (rule, ctx, task) -> ((PerTaskDefinition) rule).checkTaskDefinition(ctx, task),
        task -> task.resource().address(), CleanItems::content);
    ItemChecks<ServiceView> serviceRules = new ItemChecks<>(
        (rule, ctx, service) -> ((PerService) rule).checkService(ctx, service),
        service -> service.resource().address(), CleanItems::content);
    for (Rule rule : ALL) {
      if (rule instanceof PerTaskDefinition) {
        taskRules.add(rule);
      } else if (rule instanceof PerService) {
        serviceRules.add(rule);
      } else {
        RuleContext ctx = new RuleContext(model, index, diagnostics, rule);
        jobs.add(() -> rule.check(ctx));
      }
    }
    if (memory != null) {
      memory.start();
    }
    taskRules.addJobs(jobs, index.taskDefinitions(), model, index, diagnostics, memory);
    serviceRules.addJobs(jobs, index.services(), model, index, diagnostics, memory);
    jobs.parallelStream().forEach(Runnable::run);
    if (memory != null) {
      memory.finish();
    }
  }
}
