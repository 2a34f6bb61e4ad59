#define _GNU_SOURCE
#include <string.h>
#include "CByteScan.h"
#include <malloc.h>

void *logscan_memmem(const void *haystack, size_t haystackLength,
                     const void *needle, size_t needleLength) {
    return memmem(haystack, haystackLength, needle, needleLength);
}

void *logscan_memrchr(const void *haystack, int byte, size_t length) {
    return memrchr(haystack, byte, length);
}

int logscan_malloc_trim(size_t pad) {
    return malloc_trim(pad);
}
