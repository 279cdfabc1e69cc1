#include "load/input_files.hpp"

#include <algorithm>
#include <filesystem>
#include <system_error>

namespace tl {
namespace fs = std::filesystem;
namespace {

bool is_yaml_name(const fs::path& p) {
    const std::string ext = p.extension().string();
    return ext == ".yaml" || ext == ".yml";
}

bool is_hidden(const fs::path& p) {
    const std::string name = p.filename().string();
    return !name.empty() && name[0] == '.';
}

void collect_folder(const fs::path& folder, std::vector<std::string>& out, std::error_code& ec) {
    for (fs::recursive_directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
        if (is_hidden(it->path())) {
            if (it->is_directory(ec)) it.disable_recursion_pending();
            continue;
        }
        if (is_yaml_name(it->path()) && it->is_regular_file(ec)) out.push_back(it->path().string());
    }
}

}  // namespace

std::vector<std::string> expand_inputs(const std::vector<std::string>& inputs, Diagnostics& diags) {
    std::vector<std::string> files;
    for (const std::string& input : inputs) {
        std::error_code ec;
        if (input == "-" || !fs::is_directory(input, ec)) {
            files.push_back(input);  // a missing file is reported when it is read
            continue;
        }
        std::vector<std::string> found;
        collect_folder(input, found, ec);
        if (ec) {
            diags.error({}, "unreadable-input",
                        "cannot read folder '" + input + "': " + ec.message());
            continue;
        }
        if (found.empty()) {
            diags.error({}, "no-input", "folder '" + input + "' holds no *.yaml or *.yml file",
                        "name a folder with event files, or the files themselves");
        }
        std::sort(found.begin(), found.end());
        files.insert(files.end(), found.begin(), found.end());
    }
    return files;
}

}  // namespace tl
