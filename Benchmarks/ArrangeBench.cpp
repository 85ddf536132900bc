// loopmind_bench arrange: not written yet (issue #7); says so instead of printing a made-up figure.
#include "BenchSupport.h"
#include <cstdio>

int runArrangeBench(int, char**)
{
    std::fprintf(stderr, "loopmind_bench arrange: not implemented yet\n");
    return 2;
}
