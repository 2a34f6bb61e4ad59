#ifndef LOGSCAN_CZLIB_SHIM_H
#define LOGSCAN_CZLIB_SHIM_H
#include <zlib.h>

/// `inflateInit2` is a macro, which Swift cannot import.
static inline int logscan_inflateInit2(z_streamp stream, int windowBits) {
    return inflateInit2(stream, windowBits);
}

#endif
