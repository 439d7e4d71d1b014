package io.ecsl.rules.container;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsl.diag.Suggestions;
import io.ecsl.rules.ContainerRule;
import io.ecsl.rules.ContainerView;
import io.ecsl.rules.Nodes;
import io.ecsl.rules.RuleContext;
import io.ecsl.rules.TaskDefinitionView;
import java.util.List;
import java.util.Set;

/**
 * E1129: Linux parameters: known capability names, swappiness 0–100, non-negative swap and shared
 * memory, tmpfs mounts with a positive size and known mount options.
 */
public final class LinuxParameters extends ContainerRule {
  static final Set<String> CAPABILITIES = Set.of("ALL", "AUDIT_CONTROL", "AUDIT_WRITE", "BLOCK_SUSPEND", "CHOWN",
      "DAC_OVERRIDE", "DAC_READ_SEARCH", "FOWNER", "FSETID", "IPC_LOCK", "IPC_OWNER", "KILL", "LEASE", "LINUX_IMMUTABLE",
      "MAC_ADMIN", "MAC_OVERRIDE", "MKNOD", "NET_ADMIN", "NET_BIND_SERVICE", "NET_BROADCAST", "NET_RAW", "SETFCAP",
      "SETGID", "SETPCAP", "SETUID", "SYS_ADMIN", "SYS_BOOT", "SYS_CHROOT", "SYS_MODULE", "SYS_NICE", "SYS_PACCT",
      "SYS_PTRACE", "SYS_RAWIO", "SYS_RESOURCE", "SYS_TIME", "SYS_TTY_CONFIG", "SYSLOG", "WAKE_ALARM");
  static final Set<String> TMPFS_OPTIONS = Set.of("defaults", "ro", "rw", "suid", "nosuid", "dev", "nodev", "exec", "noexec",
      "sync", "async", "dirsync", "remount", "mand", "nomand", "atime", "noatime", "diratime", "nodiratime", "bind", "rbind",
      "unbindable", "runbindable", "private", "rprivate", "shared", "rshared", "slave", "rslave", "relatime", "norelatime",
      "strictatime", "nostrictatime", "mode", "uid", "gid", "nr_inodes", "nr_blocks", "mpol");

  public LinuxParameters() {
    super("E1129", "Linux parameters use known capabilities and tmpfs options, swappiness 0–100", "ECS API");
  }

  @Override
  protected void check(RuleContext ctx, TaskDefinitionView task, ContainerView c) {
    JsonNode linux = Nodes.object(c.node(), "linuxParameters");
    if (linux == null) {
      return;
    }
    String base = "/linuxParameters";
    JsonNode caps = Nodes.object(linux, "capabilities");
    for (String list : new String[] {"add", "drop"}) {
      List<String> names = Nodes.strings(caps, list);
      for (int i = 0; i < names.size(); i++) {
        if (!CAPABILITIES.contains(names.get(i))) {
          String hint = Suggestions.didYouMean(names.get(i).toUpperCase(java.util.Locale.ROOT).replaceFirst("^CAP_", ""),
              CAPABILITIES);
          c.report(ctx, base + "/capabilities/" + list + "/" + i, "`" + names.get(i) + "` is not a Linux capability ECS knows",
              hint != null ? hint : "write names without the CAP_ prefix, e.g. NET_ADMIN");
        }
      }
    }
    Long swappiness = Nodes.integer(linux, "swappiness");
    if (swappiness != null && (swappiness < 0 || swappiness > 100)) {
      c.report(ctx, base + "/swappiness", "swappiness must be 0 to 100; " + c.label() + " sets " + swappiness,
          "use 0 (avoid swapping) to 100 (swap aggressively); the default is 60");
    }
    for (String size : new String[] {"maxSwap", "sharedMemorySize"}) {
      Long v = Nodes.integer(linux, size);
      if (v != null && v < 0) {
        c.report(ctx, base + "/" + size, Nodes.name(size) + " of " + c.label() + " is negative", "use 0 or a size in MiB");
      }
    }
    List<JsonNode> tmpfs = Nodes.list(linux, "tmpfs");
    for (int i = 0; i < tmpfs.size(); i++) {
      Long size = Nodes.integer(tmpfs.get(i), "size");
      if (size != null && size <= 0) {
        c.report(ctx, base + "/tmpfs/" + i + "/size", "a tmpfs mount needs a positive size in MiB", "write e.g. `size = 64 MiB`");
      }
      List<String> options = Nodes.strings(tmpfs.get(i), "mountOptions");
      for (int j = 0; j < options.size(); j++) {
        String option = options.get(j).contains("=") ? options.get(j).substring(0, options.get(j).indexOf('=')) : options.get(j);
        if (!TMPFS_OPTIONS.contains(option)) {
          c.report(ctx, base + "/tmpfs/" + i + "/mountOptions/" + j, "`" + options.get(j) + "` is not a tmpfs mount option",
              "use options such as `rw`, `noexec`, `nosuid`, `mode=1777`");
        }
      }
    }
  }
}
