#ifndef LOGSCAN_CBYTESCAN_H
#define LOGSCAN_CBYTESCAN_H
#include <stddef.h>

/// glibc's memmem, which the Swift Glibc module does not export.
void *logscan_memmem(const void *haystack, size_t haystackLength,
                     const void *needle, size_t needleLength);

/// glibc's memrchr, likewise.
void *logscan_memrchr(const void *haystack, int byte, size_t length);

/// glibc's pipe2 and mkostemp (GNU extensions), for descriptors that are close-on-exec from the start.
int logscan_pipe2(int fds[2], int flags);
int logscan_mkostemp(char *pathTemplate, int flags);

#endif
