#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "base/diagnostics.hpp"

namespace tl {

/// Reads one input to its end, never more than `max_bytes` of it: "-" is standard input.
///
/// A regular file larger than the bound is refused before it is read. Pipes, FIFOs
/// (`/dev/stdin`, `<(cmd)`), terminals and character devices that end (`/dev/null`) are read
/// as streams until they end; one that sends more than the bound is refused then, a device
/// that does so (`/dev/zero`, `/dev/urandom`) as "not a regular file", since it never ends.
/// A block device is refused without being read. Problems are reported against `file` (rules
/// `unreadable-input`, `input-too-large`) and give nothing.
std::optional<std::string> read_input(const std::string& path, std::uint32_t file,
                                      std::size_t max_bytes, Diagnostics& diags);

}  // namespace tl
