#!/usr/bin/env python3
"""Prints the ids of the processes that listen on the Unix socket PATH, one per line.

Usage: socket-pid.py PATH
Exit 0 when at least one was found, 1 when none (no socket, or a stale socket file).
Reads /proc/net/unix for the socket's inode and /proc/*/fd for who holds it, like `ss -xlp`
(only processes of the same user are visible unless run as root).
"""
import os
import sys


def listening_inodes(path):
    inodes = set()
    with open("/proc/net/unix") as f:
        next(f)
        for line in f:
            fields = line.split()
            # Num RefCount Protocol Flags Type St Inode Path
            if len(fields) >= 8 and fields[7] == path and int(fields[3], 16) & 0x10000:
                inodes.add(fields[6])
    return inodes


def holders(inodes):
    wanted = {"socket:[%s]" % i for i in inodes}
    pids = []
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            fds = os.listdir("/proc/%s/fd" % pid)
        except OSError:
            continue
        for fd in fds:
            try:
                if os.readlink("/proc/%s/fd/%s" % (pid, fd)) in wanted:
                    pids.append(int(pid))
                    break
            except OSError:
                pass
    return sorted(pids)


def main():
    if len(sys.argv) != 2:
        print("usage: socket-pid.py PATH", file=sys.stderr)
        return 2
    path = os.path.abspath(sys.argv[1])
    pids = holders(listening_inodes(path)) if os.path.exists(path) else []
    for pid in pids:
        print(pid)
    return 0 if pids else 1


if __name__ == "__main__":
    sys.exit(main())
