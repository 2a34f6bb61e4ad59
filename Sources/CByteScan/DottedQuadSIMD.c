// An IPv4 dotted quad read with SSSE3 shuffles (the known "parse IPv4 with SIMD" technique): the digit and
// dot masks of 16 bytes give the quad's shape, a table gives the shuffle that puts each octet's digits in
// its own 32-bit lane, and two multiply-adds turn the digits into the four values. Only the clean shape is
// answered here (four octets of one to three digits, the run of digits and dots ending within the 16 bytes,
// no leading zero); everything else is left to the scalar reader (DottedQuad.swift), which is also the
// fallback on a CPU without SSSE3 and the tests' oracle.
#include <stdint.h>
#include "CByteScan.h"

#if defined(__x86_64__) || defined(__i386__)
#include <cpuid.h>
#include <tmmintrin.h>

/// The 81 clean shapes (each octet one to three digits) from index 1: the shuffle that puts octet k's
/// hundreds, tens and units digit in lane k's first three bytes (0x80 zeroes a byte), and the bits of the
/// octets' first bytes.
static struct { uint8_t shuffle[16]; uint32_t starts; uint32_t padding[3]; } quadShapes[82] __attribute__((aligned(16)));
/// A shape's index in quadShapes by its key (bit i for a dot at byte i, and bit n for the byte n that ends
/// the run of digits and dots); 0 for any key that is not a clean shape.
static uint8_t quadShapeByKey[1 << 16];
/// 1 when the CPU has SSSE3 and the tables are filled (both before main, in one thread).
int logscan_dotted_quad_simd;

__attribute__((constructor))
static void logscan_dotted_quad_setup(void) {
    for (int index = 1; index <= 81; index++) {
        const int lengths[4] = { (index - 1) / 27 % 3 + 1, (index - 1) / 9 % 3 + 1, (index - 1) / 3 % 3 + 1, (index - 1) % 3 + 1 };
        unsigned start = 0, key = 0;
        for (int octet = 0; octet < 4; octet++) {
            const unsigned end = start + (unsigned)lengths[octet];  // after the units digit: a dot, or the run's end
            quadShapes[index].starts |= 1u << start;
            for (unsigned place = 0; place < 3; place++) {  // hundreds, tens, units; a missing digit is zero
                quadShapes[index].shuffle[octet * 4 + place] = end + place >= start + 3 ? (uint8_t)(end + place - 3) : 0x80;
            }
            quadShapes[index].shuffle[octet * 4 + 3] = 0x80;
            key |= 1u << end;
            start = end + 1;
        }
        quadShapeByKey[key] = (uint8_t)index;
    }
    unsigned eax, ebx, ecx, edx;
    logscan_dotted_quad_simd = __get_cpuid(1, &eax, &ebx, &ecx, &edx) && (ecx & bit_SSSE3) != 0;
}

/// 0...15, then 16 bytes that zero: loaded from index 16 - n, the shuffle that moves a register's last n
/// bytes to its start and zeroes the rest.
static const uint8_t quadTailShift[32] = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
    0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80 };

/// The last quad this thread read: its bytes and the one after them (the byte that ended the run of digits
/// and dots), as bits of `quadMemoBytes`, and the answer. A read whose input starts with the same bytes has
/// the same run, shape and value, so it takes the answer without the shuffles: mail logs name a client
/// several lines running (connect, warnings, rejects, disconnect), and on bench's mail cut 79 % of reads
/// repeat the read before (the reader's ~53 instructions a call become ~15: bench/RESULTS.md, round seven).
/// Per thread, so the parallel scan's workers never share it; `initial-exec` makes each access one load
/// from the thread pointer instead of a call to __tls_get_addr. Empty at first: no bytes to match.
static _Thread_local __m128i quadMemoInput __attribute__((tls_model("initial-exec")));
static _Thread_local unsigned quadMemoBytes __attribute__((tls_model("initial-exec")));
static _Thread_local int64_t quadMemoRead __attribute__((tls_model("initial-exec")));

/// The quad at the start of `input` (see logscan_dotted_quad).
__attribute__((target("ssse3"), always_inline))
static inline int64_t dottedQuadSSSE3(const __m128i input) {
    const unsigned same = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(input, quadMemoInput));
    if (quadMemoBytes != 0 && (same & quadMemoBytes) == quadMemoBytes) return quadMemoRead;
    const __m128i digits = _mm_sub_epi8(input, _mm_set1_epi8('0'));
    const __m128i isDigit = _mm_cmpeq_epi8(_mm_min_epu8(digits, _mm_set1_epi8(9)), digits);
    const unsigned digitMask = (unsigned)_mm_movemask_epi8(isDigit);
    const unsigned dotMask = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(input, _mm_set1_epi8('.')));
    const unsigned run = digitMask | dotMask;
    if (run == 0xFFFF) return LOGSCAN_QUAD_FALLBACK;  // no end within the 16 bytes
    const unsigned length = (unsigned)__builtin_ctz(~run);
    const unsigned end = 1u << length;                 // the bit of the byte that ends the run
    const unsigned shape = quadShapeByKey[(dotMask & (end - 1)) | end];
    if (shape == 0) return LOGSCAN_QUAD_FALLBACK;     // not four octets of one to three digits
    // A leading zero: a `0` that starts an octet and has a digit after it.
    const unsigned zeroMask = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(digits, _mm_setzero_si128()));
    if ((zeroMask & quadShapes[shape].starts & (digitMask >> 1)) != 0) return LOGSCAN_QUAD_FALLBACK;
    const __m128i placed = _mm_shuffle_epi8(digits, _mm_load_si128((const __m128i *)quadShapes[shape].shuffle));
    const __m128i pairs = _mm_maddubs_epi16(placed, _mm_setr_epi8(100, 10, 1, 0, 100, 10, 1, 0,
                                                                  100, 10, 1, 0, 100, 10, 1, 0));
    const __m128i octets = _mm_madd_epi16(pairs, _mm_set1_epi16(1));
    // An octet above 255 in a clean shape: the scalar reader fails on it too.
    if (_mm_movemask_epi8(_mm_cmpgt_epi32(octets, _mm_set1_epi32(255))) != 0) return LOGSCAN_QUAD_NONE;
    // Octet 1 in the value's high byte: lane 3's low byte first in memory (little-endian).
    const __m128i gathered = _mm_shuffle_epi8(octets, _mm_setr_epi8(12, 8, 4, 0, -1, -1, -1, -1,
                                                                    -1, -1, -1, -1, -1, -1, -1, -1));
    const int64_t read = (int64_t)(uint32_t)_mm_cvtsi128_si32(gathered) | (int64_t)length << 32;
    quadMemoInput = input;
    quadMemoBytes = (2u << length) - 1;  // the quad's bytes and the byte after them
    quadMemoRead = read;
    return read;
}

__attribute__((target("ssse3")))
int64_t logscan_dotted_quad(const uint8_t *bytes) {
    return dottedQuadSSSE3(_mm_loadu_si128((const __m128i *)bytes));
}

__attribute__((target("ssse3")))
int64_t logscan_dotted_quad_tail(const uint8_t *bytes, long count) {
    const __m128i window = _mm_loadu_si128((const __m128i *)(bytes + count - 16));
    return dottedQuadSSSE3(_mm_shuffle_epi8(window, _mm_loadu_si128((const __m128i *)(quadTailShift + 16 - count))));
}

#else
// Not an x86 CPU: no SSSE3, so logscan_dotted_quad_ready() is 0 and the scalar reader answers every quad.
int logscan_dotted_quad_simd = 0;

int64_t logscan_dotted_quad(const uint8_t *bytes) {
    (void)bytes;
    return LOGSCAN_QUAD_FALLBACK;
}

int64_t logscan_dotted_quad_tail(const uint8_t *bytes, long count) {
    (void)bytes;
    (void)count;
    return LOGSCAN_QUAD_FALLBACK;
}
#endif
