#include "render/library_errors.hpp"

#include <glib.h>
#include <unistd.h>

#include <cstdio>
#include <mutex>
#include <string>

#include "base/atomic_file.hpp"
#include "base/out_of_memory.hpp"
#include "base/text.hpp"

namespace tl {
namespace {

int g_exit_code = 3;

[[noreturn]] void fail(const char* message) {
    remove_temporary_files_now();
    const std::string text = std::string("timeline: error: ") + kOutOfMemory +
                             " or system resources (GLib: " + visible(message ? message : "") +
                             ")\n  hint: raise the process's memory limit (ulimit -v), or draw "
                             "less: --from, --to, filters, --layout density\n";
    std::fputs(text.c_str(), stderr);
    std::fflush(stderr);
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
