# The ecsl pause process: PID 1 of every awsvpc task's network namespace.
#
# It only has to hold the namespace open and exit promptly when Docker stops it. As PID 1 it gets
# no default signal actions, so it installs a SIGTERM/SIGINT handler that exits 0, then sleeps in
# pause(2) forever. No libc, no dynamic loader: the result is a ~500-byte static executable that
# the runtime imports as the image ecsl/pause (see io.ecsl.runtime.docker.PauseImage).
#
# Rebuild (binutils only):  as pause-amd64.S -o pause.o && ld -static -s -n pause.o -o pause-amd64
# and copy the result to runtime/src/main/resources/io/ecsl/runtime/docker/pause-amd64.

        .globl  _start
        .text
_start:
        mov     $13, %eax               # rt_sigaction(SIGTERM, &exit_action, NULL, 8)
        mov     $15, %edi
        lea     exit_action(%rip), %rsi
        xor     %edx, %edx
        mov     $8, %r10d
        syscall
        mov     $13, %eax               # rt_sigaction(SIGINT, &exit_action, NULL, 8)
        mov     $2, %edi
        lea     exit_action(%rip), %rsi
        xor     %edx, %edx
        mov     $8, %r10d
        syscall
wait_forever:
        mov     $34, %eax               # pause()
        syscall
        jmp     wait_forever

exit_cleanly:
        mov     $60, %eax               # exit(0)
        xor     %edi, %edi
        syscall

# struct kernel_sigaction { handler, flags, restorer, mask }. x86-64 requires SA_RESTORER; the
# handler never returns, so the restorer is never used.
        .balign 8
exit_action:
        .quad   exit_cleanly
        .quad   0x04000000              # SA_RESTORER
        .quad   exit_cleanly
        .quad   0
