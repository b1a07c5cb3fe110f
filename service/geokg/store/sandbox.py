"""Take the network away from the store engine process: it may open Unix sockets only.

Why: Oxigraph evaluates `SERVICE <url>` and `LOAD <url>` by itself, fetching any URL from
the server's network. geokg refuses both before a query reaches the engine
(`geokg.query.guard`); this is the second wall, which holds even if a text fools that
check. A seccomp filter (Linux) makes `socket()` fail with EACCES for every address family
but AF_UNIX, in this process and every thread it starts; the engine talks to its clients
over a Unix socket and needs nothing else. The filter cannot be lifted once installed.

The filter is a few BPF instructions written here because Python has no seccomp binding
in its standard library and libseccomp's binding is not on PyPI; each instruction says
what it checks.
"""

from __future__ import annotations

import ctypes
import errno
import logging
import platform
import socket
import struct
import sys

log = logging.getLogger(__name__)

_PR_SET_NO_NEW_PRIVS = 38
_PR_SET_SECCOMP = 22
_SECCOMP_MODE_FILTER = 2
_SECCOMP_RET_ALLOW = 0x7FFF0000
_SECCOMP_RET_ERRNO = 0x00050000
_SECCOMP_RET_KILL_PROCESS = 0x80000000
# BPF opcodes: load a 32-bit word of seccomp_data; jump if equal / if greater or equal; return.
_LD_W_ABS = 0x20
_JEQ_K = 0x15
_JGE_K = 0x35
_RET_K = 0x06
# Offsets in struct seccomp_data: nr (syscall number), arch, then args[0] (low word first).
_NR, _ARCH, _ARG0 = 0, 4, 16
#: machine -> (AUDIT_ARCH_* value, number of the socket syscall)
_ARCHES = {"x86_64": (0xC000003E, 41), "aarch64": (0xC00000B7, 198)}
_X32_SYSCALL_BIT = 0x40000000


def _instruction(code: int, k: int, jump_true: int = 0, jump_false: int = 0) -> bytes:
    return struct.pack("HBBI", code, jump_true, jump_false, k)


def _program(arch: int, socket_nr: int) -> bytes:
    deny = _SECCOMP_RET_ERRNO | errno.EACCES
    return b"".join([
        _instruction(_LD_W_ABS, _ARCH),
        _instruction(_JEQ_K, arch, 1, 0),  # another ABI (e.g. i386 on x86_64): kill
        _instruction(_RET_K, _SECCOMP_RET_KILL_PROCESS),
        _instruction(_LD_W_ABS, _NR),
        _instruction(_JGE_K, _X32_SYSCALL_BIT, 4, 0),  # the x32 ABI's numbers: deny
        _instruction(_JEQ_K, socket_nr, 0, 2),  # not socket(): allow
        _instruction(_LD_W_ABS, _ARG0),
        _instruction(_JEQ_K, socket.AF_UNIX, 0, 1),  # socket(AF_UNIX, ...): allow, else deny
        _instruction(_RET_K, _SECCOMP_RET_ALLOW),
        _instruction(_RET_K, deny),
    ])


class _SockFprog(ctypes.Structure):
    _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.c_void_p)]


def forbid_network() -> bool:
    """Install the filter in this process; False (and a warning) where seccomp is missing.

    Call it before starting threads that should be covered (threads started later are).
    """
    arch = _ARCHES.get(platform.machine())
    if not sys.platform.startswith("linux") or arch is None:
        log.warning("the store engine keeps network access: seccomp is not available on %s/%s; "
                    "SERVICE and LOAD are refused by the query check only",
                    sys.platform, platform.machine())
        return False
    code = _program(*arch)
    buffer = ctypes.create_string_buffer(code)
    program = _SockFprog(len(code) // 8, ctypes.cast(buffer, ctypes.c_void_p))
    libc = ctypes.CDLL(None, use_errno=True)
    if (libc.prctl(_PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0
            or libc.prctl(_PR_SET_SECCOMP, _SECCOMP_MODE_FILTER, ctypes.byref(program), 0, 0) != 0):
        log.warning("the store engine keeps network access: seccomp failed (%s); SERVICE and "
                    "LOAD are refused by the query check only", errno.errorcode.get(ctypes.get_errno()))
        return False
    return True
