#ifndef LOGSCAN_CBYTESCAN_H
#define LOGSCAN_CBYTESCAN_H
#include <stddef.h>

/// glibc's memrchr (a GNU extension), for Swift.
void *logscan_memrchr(const void *haystack, int byte, size_t length);

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

#endif
