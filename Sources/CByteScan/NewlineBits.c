// The newlines of a buffer as a bit mask, 64 bytes to a word: the line splitter hands out the set bits one
// line at a time instead of calling memchr per line, whose call and set-up (alignment and page checks) cost
// as much as its search on a 130-byte line. AVX2 (two 32-byte compares a word) when the CPU and the OS
// have it, else SSE2 (x86-64's baseline, four 16-byte compares), else a portable byte loop.
#include <stdint.h>
#include <stddef.h>
#include "CByteScan.h"

/// Word i's bit j for byte i * 64 + j of `blocks` (count * 64 bytes): the portable reference, and the path
/// off x86-64.
static void newlineBitsPortable(const uint8_t *blocks, size_t count, uint64_t *bits) {
    for (size_t i = 0; i < count; i++) {
        uint64_t word = 0;
        for (unsigned j = 0; j < 64; j++) word |= (uint64_t)(blocks[i * 64 + j] == '\n') << j;
        bits[i] = word;
    }
}

#if defined(__x86_64__)
#include <cpuid.h>
#include <immintrin.h>

/// 1 when the CPU has AVX2 and the OS saves the YMM registers (set before main).
static int newlineBitsAVX2Ready;

__attribute__((constructor))
static void logscan_newline_bits_setup(void) {
    unsigned eax, ebx, ecx, edx;
    if (!__get_cpuid(1, &eax, &ebx, &ecx, &edx) || (ecx & bit_OSXSAVE) == 0 || (ecx & bit_AVX) == 0) return;
    unsigned xcr0, xcr0High;
    __asm__("xgetbv" : "=a"(xcr0), "=d"(xcr0High) : "c"(0));
    if ((xcr0 & 6) != 6) return;  // XMM and YMM state
    if (!__get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx)) return;
    newlineBitsAVX2Ready = (ebx & bit_AVX2) != 0;
}

__attribute__((target("avx2")))
static void newlineBitsAVX2(const uint8_t *blocks, size_t count, uint64_t *bits) {
    const __m256i newline = _mm256_set1_epi8('\n');
    // Four words an iteration: the loop's own count, compare and branch for every fourth word only
    // (bench/'s 20 MB mail cut: 2.81 M instructions in this loop before, 2.50 M unrolled).
#pragma clang loop unroll_count(4)
    for (size_t i = 0; i < count; i++) {
        const __m256i *block = (const __m256i *)(blocks + i * 64);
        const uint32_t low = (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(_mm256_loadu_si256(block), newline));
        const uint32_t high = (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(_mm256_loadu_si256(block + 1), newline));
        bits[i] = (uint64_t)high << 32 | low;
    }
}

static void newlineBitsSSE2(const uint8_t *blocks, size_t count, uint64_t *bits) {
    const __m128i newline = _mm_set1_epi8('\n');
    for (size_t i = 0; i < count; i++) {
        const __m128i *block = (const __m128i *)(blocks + i * 64);
        uint64_t word = 0;
        for (unsigned k = 0; k < 4; k++) {
            const unsigned mask = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_loadu_si128(block + k), newline));
            word |= (uint64_t)mask << (16 * k);
        }
        bits[i] = word;
    }
}
#endif

typedef void (*NewlineBlocks)(const uint8_t *blocks, size_t count, uint64_t *bits);

/// The words for bytes from..<to with `scan`: whole 64-byte blocks, the last word cut back to `to`, and the
/// sentinel bit `to` set (in a word of its own when `to` starts one).
static void newlineBitsWith(NewlineBlocks scan, const uint8_t *buffer, size_t from, size_t to, uint64_t *bits) {
    const uint64_t sentinel = (uint64_t)1 << (to % 64);
    if (from < to) {
        const size_t first = from / 64, end = (to + 63) / 64;
        scan(buffer + first * 64, end - first, bits + first);
    }
    bits[to / 64] = to % 64 == 0 || from >= to ? sentinel : (bits[to / 64] & (sentinel - 1)) | sentinel;
}

void logscan_newline_bits(const uint8_t *buffer, size_t from, size_t to, uint64_t *bits) {
#if defined(__x86_64__)
    newlineBitsWith(newlineBitsAVX2Ready ? newlineBitsAVX2 : newlineBitsSSE2, buffer, from, to, bits);
#else
    newlineBitsWith(newlineBitsPortable, buffer, from, to, bits);
#endif
}

int logscan_newline_bits_by(int path, const uint8_t *buffer, size_t from, size_t to, uint64_t *bits) {
    switch (path) {
    case 0: newlineBitsWith(newlineBitsPortable, buffer, from, to, bits); return 1;
#if defined(__x86_64__)
    case 1: newlineBitsWith(newlineBitsSSE2, buffer, from, to, bits); return 1;
    case 2: if (!newlineBitsAVX2Ready) return 0;
        newlineBitsWith(newlineBitsAVX2, buffer, from, to, bits); return 1;
#endif
    default: return 0;
    }
}
