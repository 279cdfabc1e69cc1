#include "render/library_errors.hpp"

#include <glib.h>
#include <unistd.h>

#include <array>
#include <mutex>
#include <string_view>

#include "base/atomic_file.hpp"
#include "base/out_of_memory.hpp"

namespace tl {
namespace {

int g_exit_code = 3;

void write_stderr(std::string_view s) {
    [[maybe_unused]] const ssize_t n = ::write(STDERR_FILENO, s.data(), s.size());
}

/// Ends the process with the out-of-memory message. Memory has most likely run out, so
/// nothing here allocates: GLib's message is copied into a fixed buffer, printable ASCII as
/// it is and every other byte as '?', which is also all the escaping it needs.
[[noreturn]] void fail(const char* message) {
    remove_temporary_files_now();
    std::array<char, 512> text{};
    std::size_t n = 0;
    for (const char* p = message ? message : ""; *p && n < text.size(); ++p) {
        const auto c = static_cast<unsigned char>(*p);
        text[n++] = c >= 0x20 && c < 0x7f ? static_cast<char>(c) : '?';
    }
    write_stderr("timeline: error: ");
    write_stderr(kOutOfMemory);
    write_stderr(" or system resources (GLib: ");
    write_stderr(std::string_view(text.data(), n));
    write_stderr(
        ")\n  hint: raise the process's memory limit (ulimit -v), or draw less: "
        "--from, --to, filters, --layout density\n");
    _exit(g_exit_code);
}

/// g_log() and g_error() in code built without structured logging.
void log_handler(const gchar* domain, GLogLevelFlags level, const gchar* message, gpointer data) {
    if (level & (G_LOG_LEVEL_ERROR | G_LOG_FLAG_FATAL)) fail(message);
    g_log_default_handler(domain, level, message, data);
}

/// g_error() in code built with G_LOG_USE_STRUCTURED, as GLib itself is.
GLogWriterOutput log_writer(GLogLevelFlags level, const GLogField* fields, gsize n_fields,
                            gpointer data) {
    if (level & (G_LOG_LEVEL_ERROR | G_LOG_FLAG_FATAL)) {
        const char* message = nullptr;
        for (gsize i = 0; i < n_fields; ++i) {
            if (std::string_view(fields[i].key) == "MESSAGE" && fields[i].length < 0)
                message = static_cast<const char*>(fields[i].value);
        }
        fail(message);
    }
    return g_log_writer_default(level, fields, n_fields, data);
}

}  // namespace

void install_library_error_handlers(int exit_code) {
    static std::once_flag once;
    std::call_once(once, [exit_code] {
        g_exit_code = exit_code;
        g_log_set_default_handler(log_handler, nullptr);
        g_log_set_writer_func(log_writer, nullptr, nullptr);
    });
}

}  // namespace tl
