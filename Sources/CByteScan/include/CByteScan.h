#ifndef LOGSCAN_CBYTESCAN_H
#define LOGSCAN_CBYTESCAN_H
#include <stddef.h>
#include <stdint.h>
#include "QueueIDSSE2.h"

/// glibc's memrchr (a GNU extension), for Swift: declared under glibc's own symbol (an asm label), so Swift
/// calls it directly; a C wrapper cost 5 instructions a call (84,207 calls on bench/'s 20 MB mail cut).
void *logscan_memrchr(const void *haystack, int byte, size_t length) __asm__("memrchr");

/// glibc's pipe2 and mkostemp (GNU extensions), for descriptors that are close-on-exec from the start.
int logscan_pipe2(int fds[2], int flags);
int logscan_mkostemp(char *pathTemplate, int flags);

/// glibc's malloc_trim (hands freed pages back to the system), likewise.
int logscan_malloc_trim(size_t pad);

/// Makes glibc hand freed memory back at once (a fixed trim threshold of 64 KiB and no top pad, as
/// MALLOC_TRIM_THRESHOLD_=65536 MALLOC_TOP_PAD_=0 would): large freed tables stop counting in the peak.
void logscan_malloc_return_freed_memory(void);

/// Makes every thread allocate from glibc's one main arena (as MALLOC_ARENA_MAX=1 would): memory one
/// worker frees is reused by the other instead of staying in a per-thread arena.
void logscan_malloc_single_arena(void);

/// 1 when the CPU has SSSE3 (set before main): logscan_dotted_quad and logscan_dotted_quad_tail may be called
/// only then. A test of a global rather than a dispatching call: the readers' callers are hot.
static inline int logscan_dotted_quad_ready(void) {
    extern int logscan_dotted_quad_simd;
    return logscan_dotted_quad_simd;
}

/// The IPv4 dotted quad at the start of the 16 bytes at `bytes` (all 16 must be readable), read with SSSE3:
/// its value | its length << 32 when the bytes start with four octets of one to three digits, no leading
/// zero, none above 255, followed (within the 16) by a byte that is neither a digit nor a dot;
/// LOGSCAN_QUAD_NONE when the scalar reader would find no quad there either; LOGSCAN_QUAD_FALLBACK for any
/// other shape: the caller then runs the scalar reader. A read that starts with the same bytes as this thread's
/// last answered one (the quad and the byte after it) takes that answer from a memo, without the shuffles.
int64_t logscan_dotted_quad(const uint8_t *bytes);
/// The same for a quad with only `count` (1...15) bytes in reach, `bytes[0..<count]`, when the 16 - count
/// bytes before `bytes` are readable too: the 16 bytes that end at bytes + count are read and shifted, so
/// the text ends where the reach ends.
int64_t logscan_dotted_quad_tail(const uint8_t *bytes, long count);
#define LOGSCAN_QUAD_NONE (-1)
#define LOGSCAN_QUAD_FALLBACK (-2)

/// Sets bit j of bits[i] when buffer[i * 64 + j] is a newline, for the words that hold bytes from..<to:
/// whole 64-byte blocks are read (buffer[from / 64 * 64 ..< (to + 63) / 64 * 64] must be readable, whatever
/// those bytes are). Then bit `to` is set as a sentinel, so a walk needs no bounds check: the last word's
/// other bits past `to` are cleared, and bits[to / 64] is written even when no byte of it is read (bits
/// must have to / 64 + 1 words). The first word's bits before `from` describe whatever bytes are there. AVX2 when the CPU has it, else SSE2, else a byte loop.
void logscan_newline_bits(const uint8_t *buffer, size_t from, size_t to, uint64_t *bits);
/// The same by one path, for the tests: 0 the byte loop, 1 SSE2, 2 AVX2; returns 0 (and writes nothing)
/// when this machine has no such path.
int logscan_newline_bits_by(int path, const uint8_t *buffer, size_t from, size_t to, uint64_t *bits);

#endif
