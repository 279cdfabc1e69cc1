#include "cli/input_version.hpp"

#include "cli/messages.hpp"
#include "load/loader.hpp"

namespace tl::cli {

int load_input_version(InputVersion& v, const Options& o) {
    LoadOptions options;
    options.max_input_bytes = o.max_input_bytes;
    options.max_events = o.max_events;
    if (v.git) {
        if (const auto failed = load_git_source(*v.git, options, v.model, v.diags)) {
            print_error(*failed,
                        "a revision is read as git:REV or git:REV:PATH, PATH from the "
                        "repository's top (default: events)");
            return kOutputFailed;
        }
    } else {
        v.model = load_inputs({v.word}, v.diags, options);
    }
    v.diags.sort();
    return kOk;
}

std::string version_name(const InputVersion& v) {
    return v.git ? v.git->revision : v.word;
}

}  // namespace tl::cli
