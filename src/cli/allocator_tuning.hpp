#pragma once

namespace tl::cli {

/// Tells glibc's malloc to keep large freed blocks for reuse rather than hand them back to
/// the kernel at once. See allocator_tuning.cpp for why a one-shot render needs this.
void keep_large_blocks_for_reuse();

}  // namespace tl::cli
