// pipe2 and mkostemp need _GNU_SOURCE, which the Swift Glibc module is not built with.
#define _GNU_SOURCE
#include <stdlib.h>
#include <unistd.h>
#include "CByteScan.h"

int logscan_pipe2(int fds[2], int flags) { return pipe2(fds, flags); }

int logscan_mkostemp(char *pathTemplate, int flags) { return mkostemp(pathTemplate, flags); }
