/*
 * The ecsl pause process with the task metadata relay: PID 1 of every awsvpc task's network
 * namespace, and of the relay container the runtime joins to each bridge-mode container's namespace
 * (see io.ecsl.runtime.docker.PauseImage and docs/runtime-model.md, "Task metadata").
 *
 * It holds the namespace open and exits 0 at once on SIGTERM/SIGINT (PID 1 gets no default signal
 * actions). When the runtime gave its container NET_ADMIN and mounted the runtime's metadata
 * socket directory at /ecsl-tmds, it also makes 169.254.170.2 an address of the namespace's
 * loopback interface and listens on 169.254.170.2:80, the address the ECS agent serves tasks on
 * (or on the port given as its first argument, when the task serves port 80 itself);
 * each connection is forked off and copied both ways to the runtime's unix socket
 * /ecsl-tmds/tmds.sock. Only processes inside this namespace reach that address; the socket is
 * reachable only from the host and from the containers the runtime mounts it into (pause
 * containers, which run nothing else). If any step of the relay fails, it still pauses: the task
 * must not die because its metadata endpoint cannot be offered.
 *
 * No libc: raw Linux x86-64 system calls, so the binary is a few kilobytes and needs nothing in
 * the image. Rebuild (gcc and binutils only):
 *   gcc -Os -static -nostdlib -fno-builtin -fno-stack-protector -fno-asynchronous-unwind-tables \
 *       -fcf-protection=none -Wl,--build-id=none -s -o pause-amd64 pause-relay.c
 * and copy the result to runtime/src/main/resources/io/ecsl/runtime/docker/pause-amd64.
 */

typedef unsigned long u64;
typedef unsigned int u32;
typedef unsigned short u16;

#define SYS_read 0
#define SYS_write 1
#define SYS_close 3
#define SYS_poll 7
#define SYS_rt_sigaction 13
#define SYS_ioctl 16
#define SYS_pause 34
#define SYS_socket 41
#define SYS_connect 42
#define SYS_accept 43
#define SYS_shutdown 48
#define SYS_bind 49
#define SYS_listen 50
#define SYS_setsockopt 54
#define SYS_fork 57
#define SYS_exit 60
#define SYS_exit_group 231

static long sys6(long n, long a, long b, long c, long d, long e, long f) {
  long ret;
  register long r10 __asm__("r10") = d;
  register long r8 __asm__("r8") = e;
  register long r9 __asm__("r9") = f;
  __asm__ volatile("syscall" : "=a"(ret) : "a"(n), "D"(a), "S"(b), "d"(c), "r"(r10), "r"(r8), "r"(r9)
                   : "rcx", "r11", "memory");
  return ret;
}
#define sys3(n, a, b, c) sys6(n, (long)(a), (long)(b), (long)(c), 0, 0, 0)

struct sigaction_k { void (*handler)(int); u64 flags; void (*restorer)(void); u64 mask; };
struct sockaddr_in_k { u16 family; u16 port; u32 addr; char zero[8]; };
struct sockaddr_un_k { u16 family; char path[108]; };
struct ifreq_k { char name[16]; union { struct sockaddr_in_k addr; short flags; char pad[24]; } u; };
struct pollfd_k { int fd; short events; short revents; };

#define AF_UNIX 1
#define AF_INET 2
#define SOCK_STREAM 1
#define SOCK_DGRAM 2
#define SOCK_CLOEXEC 02000000
#define SOL_SOCKET 1
#define SO_REUSEADDR 2
#define SIOCSIFFLAGS 0x8914
#define SIOCSIFADDR 0x8916
#define SIOCSIFNETMASK 0x891c
#define IFF_UP 0x1
#define IFF_LOOPBACK 0x8
#define IFF_RUNNING 0x40
#define POLLIN 0x1
#define POLLHUP 0x10
#define POLLERR 0x8
#define SIGINT 2
#define SIGTERM 15
#define SIGCHLD 17
#define SA_RESTORER 0x04000000
#define SIG_IGN ((void (*)(int))1)

/* 169.254.170.2, network byte order. */
#define METADATA_ADDR 0x02aafea9u
#define SOCKET_PATH "/ecsl-tmds/tmds.sock"

static void on_stop(int sig) { (void)sig; sys3(SYS_exit_group, 0, 0, 0); }

void restorer(void);
__asm__(".text\n.globl restorer\nrestorer:\n mov $15, %eax\n syscall\n");

static void handle(int sig, void (*handler)(int)) {
  struct sigaction_k action = {handler, SA_RESTORER, restorer, 0};
  sys6(SYS_rt_sigaction, sig, (long)&action, 0, 8, 0, 0);
}

static void pause_forever(void) {
  for (;;) sys3(SYS_pause, 0, 0, 0);
}

static void copy_name(char *to, const char *from) {
  while ((*to++ = *from++) != 0) {}
}

/* ifconfig lo:ecs 169.254.170.2 netmask 255.255.255.255 up */
static int add_metadata_address(void) {
  int fd = (int)sys3(SYS_socket, AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return -1;
  struct ifreq_k req = {0};
  copy_name(req.name, "lo:ecs");
  req.u.addr.family = AF_INET;
  req.u.addr.addr = METADATA_ADDR;
  int failed = sys3(SYS_ioctl, fd, SIOCSIFADDR, &req) < 0;
  struct ifreq_k mask = {0};
  copy_name(mask.name, "lo:ecs");
  mask.u.addr.family = AF_INET;
  mask.u.addr.addr = 0xffffffffu;
  failed |= sys3(SYS_ioctl, fd, SIOCSIFNETMASK, &mask) < 0;
  struct ifreq_k up = {0};
  copy_name(up.name, "lo");
  up.u.flags = IFF_UP | IFF_LOOPBACK | IFF_RUNNING;
  failed |= sys3(SYS_ioctl, fd, SIOCSIFFLAGS, &up) < 0;
  sys3(SYS_close, fd, 0, 0);
  return failed ? -1 : 0;
}

static int listen_metadata(u16 port) {
  int fd = (int)sys3(SYS_socket, AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return -1;
  int one = 1;
  sys6(SYS_setsockopt, fd, SOL_SOCKET, SO_REUSEADDR, (long)&one, sizeof one, 0);
  struct sockaddr_in_k addr = {AF_INET, (u16)((port << 8) | (port >> 8)) /* network order */, METADATA_ADDR, {0}};
  if (sys3(SYS_bind, fd, &addr, sizeof addr) < 0 || sys3(SYS_listen, fd, 64, 0) < 0) {
    sys3(SYS_close, fd, 0, 0);
    return -1;
  }
  return fd;
}

static int write_all(int fd, const char *buf, long len) {
  while (len > 0) {
    long n = sys3(SYS_write, fd, buf, len);
    if (n <= 0) return -1;
    buf += n;
    len -= n;
  }
  return 0;
}

/* In the forked child: copy both ways until both directions have ended. */
static void relay(int client) {
  int runtime = (int)sys3(SYS_socket, AF_UNIX, SOCK_STREAM, 0);
  struct sockaddr_un_k addr = {AF_UNIX, {0}};
  copy_name(addr.path, SOCKET_PATH);
  if (runtime < 0 || sys3(SYS_connect, runtime, &addr, sizeof addr) < 0) {
    sys3(SYS_exit, 1, 0, 0);
  }
  static char buf[16384];
  int open_in = 1, open_out = 1; /* client -> runtime, runtime -> client */
  while (open_in || open_out) {
    struct pollfd_k fds[2] = {{open_in ? client : -1, POLLIN, 0}, {open_out ? runtime : -1, POLLIN, 0}};
    if (sys3(SYS_poll, fds, 2, 300000) <= 0) break; /* idle for 5 minutes: give up */
    for (int i = 0; i < 2; i++) {
      if (!(fds[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
      int from = i == 0 ? client : runtime, to = i == 0 ? runtime : client;
      long n = sys3(SYS_read, from, buf, sizeof buf);
      if (n <= 0 || write_all(to, buf, n) < 0) {
        sys3(SYS_shutdown, to, 1 /* SHUT_WR */, 0);
        if (i == 0) open_in = 0; else open_out = 0;
      }
    }
  }
  sys3(SYS_exit, 0, 0, 0);
}

/* The decimal port of argv[1], else 80. */
static u16 port_of(long argc, char **argv) {
  if (argc < 2 || argv[1] == 0 || argv[1][0] == 0) return 80;
  u32 port = 0;
  for (const char *c = argv[1]; *c; c++) {
    if (*c < '0' || *c > '9' || port > 6553) return 80;
    port = port * 10 + (u32)(*c - '0');
  }
  return port >= 1 && port <= 65535 ? (u16)port : 80;
}

void _start_c(long *stack) {
  u16 port = port_of(stack[0], (char **)(stack + 1));
  handle(SIGTERM, on_stop);
  handle(SIGINT, on_stop);
  handle(SIGCHLD, SIG_IGN); /* children are reaped by the kernel */
  int listener = -1;
  if (add_metadata_address() == 0) listener = listen_metadata(port);
  if (listener < 0) pause_forever();
  for (;;) {
    int client = (int)sys3(SYS_accept, listener, 0, 0);
    if (client < 0) continue;
    long pid = sys3(SYS_fork, 0, 0, 0);
    if (pid == 0) {
      sys3(SYS_close, listener, 0, 0);
      relay(client);
    }
    sys3(SYS_close, client, 0, 0);
  }
}

__asm__(".text\n.globl _start\n_start:\n xor %rbp, %rbp\n mov %rsp, %rdi\n and $-16, %rsp\n call _start_c\n hlt\n");
