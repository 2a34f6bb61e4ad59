#ifndef LOGSCAN_CBYTESCAN_H
#define LOGSCAN_CBYTESCAN_H
#include <stddef.h>

/// glibc's memmem, which the Swift Glibc module does not export.
void *logscan_memmem(const void *haystack, size_t haystackLength,
                     const void *needle, size_t needleLength);

/// glibc's memrchr, likewise.
void *logscan_memrchr(const void *haystack, int byte, size_t length);

/// glibc's malloc_trim (hands freed pages back to the system), likewise.
int logscan_malloc_trim(size_t pad);

#endif
