#define _GNU_SOURCE
#include <string.h>
#include "CByteScan.h"
#include <malloc.h>

/* The needles are short literals and the haystacks one log message: glibc's memmem sets up a shift table
   on every call (a few hundred instructions), while memchr for the needle's first byte, a check of its last
   byte and a memcmp of the rest cost a few dozen. */
void *logscan_memmem(const void *haystack, size_t haystackLength,
                     const void *needle, size_t needleLength) {
    if (needleLength == 0) return (void *)haystack;
    if (needleLength > haystackLength) return NULL;
    const unsigned char *bytes = haystack;
    const unsigned char *pattern = needle;
    const unsigned char first = pattern[0], last = pattern[needleLength - 1];
    /* the last place the needle can start */
    const unsigned char *limit = bytes + (haystackLength - needleLength);
    const unsigned char *at = bytes;
    while (at <= limit) {
        at = memchr(at, first, (size_t)(limit - at) + 1);
        if (at == NULL) return NULL;
        /* at <= limit, so at[needleLength - 1] is at most the haystack's last byte */
        if (at[needleLength - 1] == last && memcmp(at + 1, pattern + 1, needleLength - 1) == 0) return (void *)at;
        at++;
    }
    return NULL;
}

void *logscan_memrchr(const void *haystack, int byte, size_t length) {
    return memrchr(haystack, byte, length);
}

int logscan_malloc_trim(size_t pad) {
    return malloc_trim(pad);
}

void logscan_malloc_return_freed_memory(void) {
    mallopt(M_TRIM_THRESHOLD, 64 * 1024);
    mallopt(M_TOP_PAD, 0);
}

void logscan_malloc_single_arena(void) {
    mallopt(M_ARENA_MAX, 1);
}
