package io.ecsl.cli.runtime;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsl.cli.ExitCodes;
import io.ecsl.cli.OutputFormat;
import io.ecsl.runtime.home.RuntimeCredentials;
import io.ecsl.runtime.json.Json;
import io.ecsl.runtime.metadata.RoleCredentials;
import io.ecsl.runtime.metadata.RoleMappings;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.profiles.ProfileFile;

/**
 * {@code ecsl runtime credentials set|list|remove}: which real credentials a task role gets from
 * the local credentials endpoint. Only what is mapped here, explicitly, ever leaves the host; every
 * other role keeps the clearly local key.
 */
@Command(name = "credentials", mixinStandardHelpOptions = true,
    description = {"Map a task role ARN to real AWS credentials: a profile of this host or keys from your"
        + " environment. Tasks with that role then get them from 169.254.170.2; other roles keep the local key.",
        "Mappings are kept in the runtime's data directory (mode 0600) and apply at once, running or not."},
    subcommands = {CredentialsCommand.Set.class, CredentialsCommand.List.class, CredentialsCommand.Remove.class})
final class CredentialsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: set, list or remove");
  }

  /** Where the keys come from: exactly one of the two. */
  static final class SourceChoice {
    @Option(names = "--profile", paramLabel = "NAME", required = true,
        description = "A profile of this host's AWS configuration (~/.aws/config, ~/.aws/credentials), resolved"
            + " when a task asks and refreshed before it expires (assume-role, SSO, credential_process work).")
    String profile;

    @Option(names = "--from-env", required = true,
        description = "Copy AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and, if set, AWS_SESSION_TOKEN and"
            + " AWS_CREDENTIAL_EXPIRATION from this shell now.")
    boolean fromEnv;
  }

  @Command(name = "set", mixinStandardHelpOptions = true,
      description = "Map ROLE_ARN to a host profile (--profile NAME) or to the keys in your environment (--from-env).")
  static final class Set implements Callable<Integer> {
    @Mixin RuntimeLocation location;

    @Parameters(index = "0", paramLabel = "ROLE_ARN", description = "The task role (taskRoleArn) to map.")
    String roleArn;

    @ArgGroup(exclusive = true, multiplicity = "1")
    SourceChoice source;

    @Option(names = "--format", defaultValue = "text", description = "text or json.")
    OutputFormat format;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter err = spec.commandLine().getErr();
      String problem = RoleMappings.roleArnProblem(roleArn);
      if (problem != null) {
        err.println("ecsl: " + problem);
        return ExitCodes.ERROR;
      }
      Path dataDir = location.dataDir();
      RoleMappings.Source chosen;
      if (source.profile != null) {
        problem = RoleCredentials.profileProblem(ProfileFile.defaultProfileFile(), source.profile);
        if (problem != null) {
          err.println("ecsl: " + problem);
          return ExitCodes.ERROR;
        }
        chosen = new RoleMappings.Profile(source.profile);
      } else {
        RoleMappings.Keys keys;
        try {
          keys = RoleMappings.keysFromEnvironment(System.getenv());
        } catch (IllegalArgumentException e) {
          err.println("ecsl: " + e.getMessage());
          return ExitCodes.ERROR;
        }
        Optional<RuntimeCredentials> own = RuntimeCredentials.load(dataDir);
        if (own.isPresent() && own.get().accessKeyId().equals(keys.accessKeyId())) {
          // After `eval "$(ecsl runtime env)"` the environment holds the runtime's own key, which
          // must never reach a task.
          err.println("ecsl: AWS_ACCESS_KEY_ID is the local runtime's own key (from `ecsl runtime env`), not AWS"
              + " credentials; run `eval \"$(ecsl runtime env --unset)\"` and export the keys to map");
          return ExitCodes.ERROR;
        }
        if (keys.expiration() != null && !keys.expiration().isAfter(Instant.now())) {
          err.println("ecsl: the keys in the environment expired at " + keys.expiration()
              + " (AWS_CREDENTIAL_EXPIRATION); get fresh ones and run this again");
          return ExitCodes.ERROR;
        }
        chosen = keys;
      }
      RoleMappings.Mapping mapping = new RoleMappings.Mapping(roleArn, chosen, Instant.now());
      try {
        RoleMappings.put(dataDir, mapping);
      } catch (UncheckedIOException | IllegalStateException e) {
        err.println("ecsl: cannot map " + roleArn + ": " + e.getMessage());
        return ExitCodes.ERROR;
      }
      PrintWriter out = spec.commandLine().getOut();
      if (format == OutputFormat.json) {
        out.println(Json.write(json(mapping)));
      } else {
        out.println("mapped " + roleArn + " to " + describe(chosen)
            + "; tasks with this role get these credentials from their next request");
      }
      return ExitCodes.OK;
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true,
      description = "List mapped roles and where their credentials come from (never a secret).")
  static final class List implements Callable<Integer> {
    @Mixin RuntimeLocation location;

    @Option(names = "--format", defaultValue = "text", description = "text or json.")
    OutputFormat format;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      Map<String, RoleMappings.Mapping> mappings;
      try {
        mappings = RoleMappings.load(location.dataDir());
      } catch (UncheckedIOException | IllegalStateException e) {
        spec.commandLine().getErr().println("ecsl: " + e.getMessage());
        return ExitCodes.ERROR;
      }
      PrintWriter out = spec.commandLine().getOut();
      if (format == OutputFormat.json) {
        ArrayNode roles = Json.array();
        mappings.values().forEach(m -> roles.add(json(m)));
        ObjectNode root = Json.object();
        root.set("roles", roles);
        out.println(Json.write(root));
        return ExitCodes.OK;
      }
      if (mappings.isEmpty()) {
        out.println("no role is mapped: every task role gets the local key (map one with: ecsl runtime credentials"
            + " set ROLE_ARN --profile NAME)");
        return ExitCodes.OK;
      }
      Table table = new Table("ROLE", "CREDENTIALS", "MAPPED");
      mappings.values().forEach(m -> table.add(m.roleArn(), describe(m.source()),
          m.mappedAt() == null ? "-" : m.mappedAt().toString()));
      table.print(out);
      return ExitCodes.OK;
    }
  }

  @Command(name = "remove", aliases = "rm", mixinStandardHelpOptions = true,
      description = "Remove a role's mapping: its tasks get the local key again.")
  static final class Remove implements Callable<Integer> {
    @Mixin RuntimeLocation location;

    @Parameters(index = "0", paramLabel = "ROLE_ARN")
    String roleArn;

    @Option(names = "--format", defaultValue = "text", description = "text or json.")
    OutputFormat format;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      boolean removed;
      try {
        removed = RoleMappings.remove(location.dataDir(), roleArn);
      } catch (UncheckedIOException | IllegalStateException e) {
        spec.commandLine().getErr().println("ecsl: " + e.getMessage());
        return ExitCodes.ERROR;
      }
      if (!removed) {
        spec.commandLine().getErr().println("ecsl: " + roleArn + " is not mapped; see: ecsl runtime credentials list");
        return ExitCodes.ERROR;
      }
      PrintWriter out = spec.commandLine().getOut();
      if (format == OutputFormat.json) {
        out.println(Json.write(Json.object().put("roleArn", roleArn).put("removed", true)));
      } else {
        out.println("removed the mapping of " + roleArn + "; its tasks get the local key again");
      }
      return ExitCodes.OK;
    }
  }

  static String describe(RoleMappings.Source source) {
    return switch (source) {
      case RoleMappings.Profile p -> "profile " + p.name();
      case RoleMappings.Keys k -> "keys " + RoleMappings.masked(k.accessKeyId())
          + (k.sessionToken() == null ? "" : " with a session token")
          + (k.expiration() == null ? "" : ", expiring " + k.expiration());
    };
  }

  /** A mapping as JSON: the source's kind and name, the access key masked, never a secret or token. */
  static ObjectNode json(RoleMappings.Mapping mapping) {
    ObjectNode node = Json.object().put("roleArn", mapping.roleArn());
    switch (mapping.source()) {
      case RoleMappings.Profile p -> node.put("source", "profile").put("profile", p.name());
      case RoleMappings.Keys k -> {
        node.put("source", "keys").put("accessKeyId", RoleMappings.masked(k.accessKeyId()))
            .put("sessionToken", k.sessionToken() != null);
        if (k.expiration() != null) {
          node.put("expiration", k.expiration().toString());
        }
      }
    }
    if (mapping.mappedAt() != null) {
      node.put("mappedAt", mapping.mappedAt().toString());
    }
    return node;
  }
}
