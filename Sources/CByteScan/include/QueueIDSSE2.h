#ifndef LOGSCAN_QUEUE_ID_SSE2_H
#define LOGSCAN_QUEUE_ID_SSE2_H
// A Postfix queue id at the start of a message, read with one 16-byte SSE2 compare instead of word masks:
// PostfixQueueLines.queueIDEnd calls it on every postfix line that reaches the queue-id test. `static
// inline` so Swift inlines it (no call); SSE2 is x86-64's baseline, so there is no CPU check, and other
// CPUs get a function that always hands the text to the Swift scan.
#include <stdint.h>

/// No queue id: the scan would find none either.
#define LOGSCAN_QUEUE_ID_NONE (-1)
/// The first 16 bytes are all letters and digits: the caller runs its scan (ids of 16 and more, or not x86-64).
#define LOGSCAN_QUEUE_ID_FALLBACK (-2)

#if defined(__x86_64__)
#include <emmintrin.h>

/// The index of the `:` that ends a queue id at `bytes` (17 bytes readable): the letters and digits before
/// the first other byte, five or more with a digit among them, then `: `. LOGSCAN_QUEUE_ID_NONE when the
/// first other byte (within the first 16) does not end an id; LOGSCAN_QUEUE_ID_FALLBACK when there is none.
static inline long logscan_queue_id_end(const uint8_t *bytes) {
    const __m128i v = _mm_loadu_si128((const __m128i *)bytes);
    // A byte is in lo...lo + n - 1 when byte + (0x80 - lo), compared as signed, is below -128 + n.
    const __m128i digits =
        _mm_cmplt_epi8(_mm_add_epi8(v, _mm_set1_epi8((char)(0x80 - '0'))), _mm_set1_epi8(-128 + 10));
    // `| 0x20` folds exactly the upper-case letters onto the lower-case ones.
    const __m128i folded = _mm_or_si128(v, _mm_set1_epi8(0x20));
    const __m128i letters =
        _mm_cmplt_epi8(_mm_add_epi8(folded, _mm_set1_epi8((char)(0x80 - 'a'))), _mm_set1_epi8(-128 + 26));
    const unsigned digitBits = (unsigned)_mm_movemask_epi8(digits);
    const unsigned stops = ~(digitBits | (unsigned)_mm_movemask_epi8(letters)) & 0xFFFF;
    if (stops == 0) return LOGSCAN_QUEUE_ID_FALLBACK;
    const unsigned end = (unsigned)__builtin_ctz(stops);
    const int ends = end >= 5 && bytes[end] == ':' && bytes[end + 1] == ' ' && (digitBits & ((1u << end) - 1)) != 0;
    return ends ? (long)end : LOGSCAN_QUEUE_ID_NONE;
}
#else
static inline long logscan_queue_id_end(const uint8_t *bytes) {
    (void)bytes;
    return LOGSCAN_QUEUE_ID_FALLBACK;
}
#endif

#endif
