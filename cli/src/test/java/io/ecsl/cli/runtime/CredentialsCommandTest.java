package io.ecsl.cli.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.cli.Main;
import io.ecsl.runtime.home.PrivateFiles;
import io.ecsl.runtime.home.RuntimeCredentials;
import io.ecsl.runtime.json.Json;
import io.ecsl.runtime.metadata.RoleMappings;
import io.ecsl.testing.InProcessCli;
import io.ecsl.testing.Processes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ecsl runtime credentials}: set (a host profile checked when mapped, keys from the
 * environment, never the runtime's own key), list (text and JSON, never a secret), remove, and
 * errors that say what to do. What reads the environment or the host's profiles runs as a process
 * of its own, with a HOME of the test's own.
 */
class CredentialsCommandTest {
  private static final InProcessCli ECSL = new InProcessCli(Main::run);
  private static final String ROLE = "arn:aws:iam::123456789012:role/app-role";
  private static final String OTHER = "arn:aws:iam::123456789012:role/worker-role";

  @TempDir Path temp;

  private Path dataDir() {
    return temp.resolve("runtime");
  }

  /** The CLI as a process of its own, with {@code env} over a HOME in the test's directory. */
  private Processes.Result ecsl(Map<String, String> env, String... args) throws Exception {
    Path home = temp.resolve("home");
    Map<String, String> all = new HashMap<>(Map.of("HOME", home.toString(),
        "AWS_CONFIG_FILE", home.resolve(".aws/config").toString(),
        "AWS_SHARED_CREDENTIALS_FILE", home.resolve(".aws/credentials").toString(),
        "AWS_ACCESS_KEY_ID", "", "AWS_SECRET_ACCESS_KEY", "", "AWS_SESSION_TOKEN", "", "AWS_CREDENTIAL_EXPIRATION", ""));
    all.putAll(env);
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    command.addAll(List.of(args));
    return Processes.run(command, all, 120);
  }

  @Test
  void aProfileIsCheckedWhenMappedAndListedWithoutSecrets() throws Exception {
    Path aws = Files.createDirectories(temp.resolve("home/.aws"));
    Files.writeString(aws.resolve("credentials"), "[dev]\naws_access_key_id = AKIADEVPROFILE0001\n"
        + "aws_secret_access_key = dev-secret\n");

    Processes.Result typo = ecsl(Map.of(), "runtime", "credentials", "set", ROLE, "--profile", "dve",
        "--data-dir", dataDir().toString());
    assertEquals(1, typo.exitCode(), typo.toString());
    assertTrue(typo.stderr().contains("no profile 'dve'") && typo.stderr().contains("aws configure --profile dve")
        && typo.stderr().contains("profiles there: dev"), typo.stderr());
    assertFalse(Files.exists(dataDir().resolve(RoleMappings.FILE)), "nothing mapped on a typo");

    Processes.Result set = ecsl(Map.of(), "runtime", "credentials", "set", ROLE, "--profile", "dev",
        "--data-dir", dataDir().toString());
    assertEquals(0, set.exitCode(), set.toString());
    assertTrue(set.stdout().contains("mapped " + ROLE + " to profile dev"), set.stdout());
    assertEquals("rw-------", PrivateFiles.mode(dataDir().resolve(RoleMappings.FILE)));

    Processes.Result fromEnv = ecsl(Map.of("AWS_ACCESS_KEY_ID", "ASIAFROMENV0000001", "AWS_SECRET_ACCESS_KEY",
        "env-secret", "AWS_SESSION_TOKEN", "env-token"), "runtime", "credentials", "set", OTHER, "--from-env",
        "--data-dir", dataDir().toString(), "--format", "json");
    assertEquals(0, fromEnv.exitCode(), fromEnv.toString());
    JsonNode mapped = Json.parse(fromEnv.stdout());
    assertEquals("keys", mapped.path("source").asText());
    assertEquals("**************0001", mapped.path("accessKeyId").asText());
    assertEquals(new RoleMappings.Keys("ASIAFROMENV0000001", "env-secret", "env-token", null),
        RoleMappings.load(dataDir()).get(OTHER).source(), "the keys themselves are stored for the endpoint");

    var list = ECSL.run("runtime", "credentials", "list", "--data-dir", dataDir().toString());
    assertEquals(0, list.exitCode(), list.toString());
    assertTrue(list.stdout().startsWith("ROLE"), list.stdout());
    assertTrue(list.stdout().contains(ROLE) && list.stdout().contains("profile dev"), list.stdout());
    assertTrue(list.stdout().contains("keys **************0001 with a session token"), list.stdout());
    assertFalse(list.stdout().contains("env-secret") || list.stdout().contains("env-token"), list.stdout());

    var json = ECSL.run("runtime", "credentials", "list", "--format", "json", "--data-dir", dataDir().toString());
    JsonNode roles = Json.parse(json.stdout()).path("roles");
    assertEquals(2, roles.size(), json.stdout());
    assertEquals(ROLE, roles.get(0).path("roleArn").asText());
    assertEquals("dev", roles.get(0).path("profile").asText());
    assertTrue(roles.get(1).path("sessionToken").asBoolean());
    assertFalse(json.stdout().contains("env-secret") || json.stdout().contains("env-token"), json.stdout());

    var removed = ECSL.run("runtime", "credentials", "remove", ROLE, "--data-dir", dataDir().toString());
    assertEquals(0, removed.exitCode(), removed.toString());
    assertEquals(List.of(OTHER), List.copyOf(RoleMappings.load(dataDir()).keySet()));
    var again = ECSL.run("runtime", "credentials", "remove", ROLE, "--data-dir", dataDir().toString());
    assertEquals(1, again.exitCode());
    assertTrue(again.stderr().contains("is not mapped; see: ecsl runtime credentials list"), again.stderr());
  }

  @Test
  void fromEnvNeedsKeysAndNeverTakesTheRuntimesOwnKey() throws Exception {
    Processes.Result missing = ecsl(Map.of("AWS_ACCESS_KEY_ID", "AKIAONLYTHEID00001"), "runtime", "credentials",
        "set", ROLE, "--from-env", "--data-dir", dataDir().toString());
    assertEquals(1, missing.exitCode(), missing.toString());
    assertTrue(missing.stderr().contains("AWS_SECRET_ACCESS_KEY is not set"), missing.stderr());

    PrivateFiles.directory(dataDir());
    RuntimeCredentials own = RuntimeCredentials.loadOrCreate(dataDir());
    Processes.Result runtimeKey = ecsl(Map.of("AWS_ACCESS_KEY_ID", own.accessKeyId(), "AWS_SECRET_ACCESS_KEY",
        own.secretAccessKey()), "runtime", "credentials", "set", ROLE, "--from-env", "--data-dir", dataDir().toString());
    assertEquals(1, runtimeKey.exitCode(), runtimeKey.toString());
    assertTrue(runtimeKey.stderr().contains("the local runtime's own key"), runtimeKey.stderr());

    Processes.Result expired = ecsl(Map.of("AWS_ACCESS_KEY_ID", "ASIAEXPIRED0000001", "AWS_SECRET_ACCESS_KEY", "s",
        "AWS_SESSION_TOKEN", "t", "AWS_CREDENTIAL_EXPIRATION", "2020-01-01T00:00:00Z"), "runtime", "credentials", "set",
        ROLE, "--from-env", "--data-dir", dataDir().toString());
    assertEquals(1, expired.exitCode(), expired.toString());
    assertTrue(expired.stderr().contains("expired at 2020-01-01T00:00:00Z"), expired.stderr());
    assertTrue(RoleMappings.load(dataDir()).isEmpty(), "nothing mapped by a refused set");
  }

  @Test
  void badInputIsRefusedWithWhatToDo() {
    var notAnArn = ECSL.run("runtime", "credentials", "set", "app-role", "--profile", "dev", "--data-dir",
        dataDir().toString());
    assertEquals(1, notAnArn.exitCode());
    assertTrue(notAnArn.stderr().contains("is not an IAM role ARN; expected arn:aws:iam::ACCOUNT:role/NAME"),
        notAnArn.stderr());
    var neither = ECSL.run("runtime", "credentials", "set", ROLE, "--data-dir", dataDir().toString());
    assertEquals(1, neither.exitCode(), neither.toString());
    assertTrue(neither.stderr().contains("--profile") && neither.stderr().contains("--from-env"), neither.stderr());
    var both = ECSL.run("runtime", "credentials", "set", ROLE, "--profile", "dev", "--from-env", "--data-dir",
        dataDir().toString());
    assertEquals(1, both.exitCode(), both.toString());
    assertTrue(both.stderr().contains("mutually exclusive"), both.stderr());
    var empty = ECSL.run("runtime", "credentials", "list", "--data-dir", dataDir().toString());
    assertTrue(empty.stdout().contains("no role is mapped"), empty.stdout());
  }

  @Test
  void everyCommandHasHelp() {
    for (String sub : List.of("set", "list", "remove")) {
      var help = ECSL.run("runtime", "credentials", sub, "--help");
      assertEquals(0, help.exitCode(), help.toString());
      assertTrue(help.stdout().contains("Usage: ecsl runtime credentials " + sub), help.stdout());
    }
    var help = ECSL.run("runtime", "credentials", "--help");
    assertTrue(help.stdout().contains("--profile") || help.stdout().contains("set"), help.stdout());
  }
}
