package io.ecsl.runtime.hostaccess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ecsl.runtime.home.HostGrants;
import io.ecsl.runtime.json.Json;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The host-access policy as a pure function of a task definition, the grants and the host's paths. */
class HostAccessCheckTest {
  /** The runtime user's home; a macOS-style one, so nothing assumes homes live under /home. */
  private static final Path HOME = Path.of("/Users/dev");
  private static final Path DATA = HOME.resolve(".ecsl/runtime");
  private static final Path PROJECT = HOME.resolve("src/shop");
  /** This test's host: /var/run is a link to /run, and a project link leads to /etc. */
  private static final Map<String, String> LINKS = Map.of("/var/run", "/run", "/Users/dev/src/shop/sneaky", "/etc");

  private static final UnaryOperator<Path> REAL = path -> {
    for (Map.Entry<String, String> link : LINKS.entrySet()) {
      Path from = Path.of(link.getKey());
      if (path.startsWith(from)) {
        return Path.of(link.getValue()).resolve(from.relativize(path));
      }
    }
    return path;
  };

  private static HostAccessPolicy policy(HostGrants grants) {
    return new HostAccessPolicy(grants, List.of(PROJECT), DATA.resolve("volumes"),
        SensitivePath.of(HOME, DATA, Path.of("/var/run/docker.sock")));
  }

  private static List<HostAccessCheck.Refusal> mount(String sourcePath, HostGrants grants) {
    return HostAccessCheck.check(Json.parse("{\"volumes\":[{\"name\":\"v\",\"host\":{\"sourcePath\":\"" + sourcePath
        + "\"}}],\"containerDefinitions\":[{\"name\":\"app\",\"image\":\"x\"}]}"), policy(grants), REAL);
  }

  @Test
  void projectDirectoriesAndTheVolumeAreaAreMountableByDefault() {
    assertEquals(List.of(), mount("/Users/dev/src/shop/data", HostGrants.NONE));
    assertEquals(List.of(), mount("/Users/dev/src/shop", HostGrants.NONE));
    assertEquals(List.of(), mount("/Users/dev/.ecsl/runtime/volumes/cache", HostGrants.NONE),
        "the runtime's own volume area, though inside its data directory");
  }

  @Test
  void theRootTheDockerSocketAndSystemDirectoriesNeedANamedFlag() {
    HostAccessCheck.Refusal root = mount("/", HostGrants.NONE).get(0);
    assertEquals("--allow-sensitive-mount /", root.flag());
    assertTrue(root.message().contains("is the host's root directory"), root.message());
    assertTrue(root.message().contains("ecsl runtime start --allow-sensitive-mount /"), root.message());

    HostAccessCheck.Refusal socket = mount("/var/run/docker.sock", HostGrants.NONE).get(0);
    assertTrue(socket.message().contains("resolves to /run/docker.sock"), socket.message());
    assertTrue(socket.message().contains("container engine's socket"), socket.message());
    assertEquals("--allow-sensitive-mount /run/docker.sock", socket.flag());

    assertEquals(1, mount("/etc/shadow", HostGrants.NONE).size(), "inside /etc");
    assertEquals(1, mount("/var", HostGrants.NONE).size(), "contains /var/lib/docker");
    assertEquals(1, mount("/root", HostGrants.NONE).size(), "root's home");
    assertEquals(1, mount("/Users/dev/.ssh/id_ed25519", HostGrants.NONE).size(), "the user's keys");
    assertEquals(1, mount("/home", HostGrants.NONE).size(), "every user's home");
    assertEquals(1, mount("/Users/dev", HostGrants.NONE).size(), "the home directory itself");
    assertEquals(1, mount("/Users/dev/.aws/credentials", HostGrants.NONE).size());
    assertEquals(1, mount("/Users/dev/.ecsl/runtime", HostGrants.NONE).size(), "the runtime's key and store");
    assertEquals(1, mount("/Users/dev/.ecsl/runtime/credentials", HostGrants.NONE).size());

    HostGrants named = HostGrants.NONE.with(HostGrants.ALLOW_SENSITIVE_MOUNT, "/var/run/docker.sock");
    assertEquals(List.of(), mount("/var/run/docker.sock", named), "named at start-up");
    assertEquals(1, mount("/etc", named).size(), "naming one path allows only that one");
    assertEquals(List.of(), mount("/etc/hosts", HostGrants.NONE.with(HostGrants.ALLOW_SENSITIVE_MOUNT, "/")),
        "naming / allows everything under it");
  }

  @Test
  void aSymlinkInsideAProjectIsJudgedByWhereItLeads() {
    HostAccessCheck.Refusal refusal = mount("/Users/dev/src/shop/sneaky/passwd", HostGrants.NONE).get(0);
    assertTrue(refusal.message().contains("resolves to /etc/passwd"), refusal.message());
  }

  @Test
  void otherDirectoriesNeedAllowMountAndRelativePathsAreRefused() {
    HostAccessCheck.Refusal outside = mount("/srv/data", HostGrants.NONE).get(0);
    assertEquals("--allow-mount /srv", outside.flag());
    assertTrue(outside.message().contains("outside the directories tasks may mount"), outside.message());
    assertEquals(List.of(), mount("/srv/data", HostGrants.NONE.with(HostGrants.ALLOW_MOUNT, "/srv")));
    assertEquals(1, mount("/etc/ssl", HostGrants.NONE.with(HostGrants.ALLOW_MOUNT, "/etc")).size(),
        "--allow-mount does not open a sensitive directory");
    assertTrue(mount("data", HostGrants.NONE).get(0).message().contains("not an absolute host path"));
  }

  @Test
  void aLocalDriverVolumeThatBindsAHostPathIsAMountToo() {
    String definition = "{\"volumes\":[{\"name\":\"v\",\"dockerVolumeConfiguration\":{\"scope\":\"task\","
        + "\"driver\":\"local\",\"driverOpts\":{\"type\":\"none\",\"o\":\"bind\",\"device\":\"/\"}}}]}";
    List<HostAccessCheck.Refusal> refusals = HostAccessCheck.check(Json.parse(definition), policy(HostGrants.NONE), REAL);
    assertEquals(1, refusals.size());
    assertTrue(refusals.get(0).message().contains("local-driver volume binding /"), refusals.get(0).message());
  }

  @Test
  void privilegeHostNamespacesCapabilitiesAndDevicesNeedTheirFlags() {
    String definition = """
        {"networkMode":"host","pidMode":"host","ipcMode":"host","containerDefinitions":[{"name":"app","image":"x",
         "privileged":true,"dockerSecurityOptions":["apparmor:unconfined","no-new-privileges"],
         "linuxParameters":{"capabilities":{"add":["SYS_ADMIN"]},"devices":[{"hostPath":"/dev/sda"}]}}]}
        """;
    List<String> flags = HostAccessCheck.check(Json.parse(definition), policy(HostGrants.NONE), REAL).stream()
        .map(HostAccessCheck.Refusal::flag).toList();
    assertEquals(List.of("--allow-host-network", "--allow-host-namespaces", "--allow-host-namespaces",
        "--allow-privileged", "--allow-privileged", "--allow-capabilities", "--allow-devices"), flags);
    HostGrants all = new HostGrants(List.of(), List.of(), true, true, true, true, true);
    assertEquals(List.of(), HostAccessCheck.check(Json.parse(definition), policy(all), REAL));
  }
}
