#pragma once

namespace tl {

/// GLib ends the process on its fatal errors (a failed allocation, or Pango unable to start
/// a font thread when memory is short), with SIGTRAP and no word a user can act on. After
/// this call such an error removes every live output's temporary file, prints one line
/// ("timeline: error: out of memory or system resources (GLib: ...)") with a hint, and exits
/// with `exit_code`. Other GLib messages are printed as before. Call once, early.
void install_library_error_handlers(int exit_code);

}  // namespace tl
