#pragma once

#include <string>
#include <string_view>

namespace tl {

/// The one place that writes standard output: everything std::cout and stdout hold is
/// flushed first, then every byte of `bytes` is written, however the writes are split.
/// Returns "" or why it failed (a full disk, a closed descriptor, a reader that left).
std::string write_standard_output(std::string_view bytes);

/// Writes every byte to `fd`, retrying short and interrupted writes: "" or why it failed.
std::string write_all(int fd, std::string_view bytes);

/// Flushes what std::cout and stdout still hold and closes standard output, so that a
/// failure only the last flush or close reveals is reported: "" or why it failed. Nothing
/// written to a closed standard output is not a failure.
std::string close_standard_output();

/// Gives each of descriptors 0, 1 and 2 that is closed a placeholder (/dev/null, opened so
/// that using it as intended fails with EBADF), so that no file this process opens later
/// takes its number and receives what was meant for that stream. Call first in main().
void reserve_standard_streams();

}  // namespace tl
