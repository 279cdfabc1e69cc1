#pragma once

namespace tl {

/// What every stage reports when memory runs out (cairo's CAIRO_STATUS_NO_MEMORY, a failed
/// allocation while an output is kept in memory), so that the command line can tell it from
/// an I/O error and give the hint that fits.
inline constexpr const char* kOutOfMemory = "out of memory";

}  // namespace tl
