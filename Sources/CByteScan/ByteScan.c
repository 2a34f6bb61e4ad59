#include "CByteScan.h"
#include <malloc.h>

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
