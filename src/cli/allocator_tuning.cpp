#include "cli/allocator_tuning.hpp"

#include <malloc.h>

namespace tl::cli {

void keep_large_blocks_for_reuse() {
    // When cairo 1.16 writes a PDF that uses a CFF font such as Noto Sans CJK, it copies the
    // font's whole CFF table (about 16 MB) into a fresh buffer twice per face: once to ask
    // whether the font is CID-keyed, once to subset it. By default glibc serves each copy
    // with its own mmap and unmaps it on free, so every copy pays a page fault per 4 KiB;
    // on this project's reference machine (a virtual machine, where faults are dear) that
    // was about a quarter of rendering 1,000 events. Served from the heap, and not trimmed
    // straight after, the later copies reuse the pages of the first.
    //
    // 32 MiB is the largest mmap threshold glibc accepts. Up to 128 MiB of freed memory may
    // stay at the top of the heap; the process is short-lived, and under --watch the next
    // render reuses it.
    mallopt(M_MMAP_THRESHOLD, 32 * 1024 * 1024);
    mallopt(M_TRIM_THRESHOLD, 128 * 1024 * 1024);
}

}  // namespace tl::cli
