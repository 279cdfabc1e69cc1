// `timeline import FORMAT INPUT... -o FOLDER`: a tracker's export to event files.

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <memory>
#include <set>
#include <vector>

#include "base/atomic_file.hpp"
#include "base/text.hpp"
#include "cli/input_pipeline.hpp"
#include "cli/messages.hpp"
#include "cli/options.hpp"
#include "import/sipri_events.hpp"
#include "import/sipri_register.hpp"
#include "import/text_encoding.hpp"
#include "load/input_reader.hpp"

namespace tl::cli {
namespace {

namespace fs = std::filesystem;

/// The files that exist already among `names` in `folder`.
std::vector<std::string> existing_outputs(const fs::path& folder,
                                          const std::vector<importer::ImportedFile>& files) {
    std::vector<std::string> out;
    for (const importer::ImportedFile& f : files) {
        std::error_code ec;
        if (fs::symlink_status(folder / f.name, ec).type() != fs::file_type::not_found)
            out.push_back((folder / f.name).string());
    }
    return out;
}

/// Event files of an earlier import that this one does not write (a supplier that left the
/// register): their events would still be read with the new ones, so each is a warning.
void warn_stale_files(const fs::path& folder, const std::vector<importer::ImportedFile>& files,
                      SourceFiles& sources, Diagnostics& diags) {
    std::set<std::string> written;
    for (const importer::ImportedFile& f : files)
        written.insert(f.name);
    std::error_code ec;
    std::vector<std::string> stale;
    for (const fs::directory_entry& entry : fs::directory_iterator(folder, ec)) {
        const std::string name = entry.path().filename().string();
        if (name.starts_with("from-") && name.ends_with(".yaml") && !written.contains(name))
            stale.push_back(entry.path().string());
    }
    std::sort(stale.begin(), stale.end());
    for (const std::string& path : stale)
        diags.warning({sources.add(path), 0, 0}, "stale-file",
                      "this import wrote no such file: its events are left as they were and "
                      "are read with the new ones",
                      "remove it if its supplier has left the register, or import into a new "
                      "folder");
}

/// Writes every file to a temporary one beside its place, then renames them all into place
/// together (commit_all): a failed import leaves the folder as it was.
int write_outputs(const fs::path& folder, const std::vector<importer::ImportedFile>& files) {
    std::vector<std::unique_ptr<AtomicFile>> outputs;
    std::vector<AtomicFile*> pointers;
    for (const importer::ImportedFile& f : files) {
        outputs.push_back(std::make_unique<AtomicFile>((folder / f.name).string()));
        AtomicFile& out = *outputs.back();
        if (out.error().empty()) out.write(f.bytes.data(), f.bytes.size());
        if (!out.error().empty()) {
            print_error("cannot write " + out.path() + ": " + out.error());
            return kOutputFailed;
        }
        pointers.push_back(&out);
    }
    if (const auto failure = commit_all(pointers)) {
        print_error("cannot write " + pointers[failure->index]->path() + ": " + failure->why);
        return kOutputFailed;
    }
    return kOk;
}

}  // namespace

int run_import(const Options& o) {
    install_signal_cleanup();
    Diagnostics diags;
    SourceFiles sources;
    std::vector<importer::SipriRegister> registers;
    bool unreadable = false;
    for (const std::string& input : o.inputs) {
        const std::uint32_t id = sources.add(input);
        const std::optional<std::string> bytes = read_input(input, id, o.max_input_bytes, diags);
        if (!bytes) {
            unreadable = true;
            continue;
        }
        registers.push_back(
            importer::read_sipri_register(importer::export_text_to_utf8(*bytes), id, diags));
    }
    diags.sort();
    if (unreadable || diags.has_errors()) {
        print_diagnostics(diags, sources, o);
        return unreadable ? kOutputFailed : kInvalidInput;
    }
    const importer::SipriImport imported = importer::sipri_import(registers);
    const std::vector<importer::ImportedFile> files = importer::event_files(
        imported.events, imported.actors,
        "Written by timeline import sipri from SIPRI's trade register; import again rather "
        "than edit (docs/import.md)");

    const fs::path folder(o.output_folder);
    std::error_code ec;
    fs::create_directories(folder, ec);
    if (ec || !fs::is_directory(folder, ec)) {
        print_error("cannot make the folder " + o.output_folder + ": " +
                    (ec ? ec.message() : "a file of that name is in the way"));
        return kOutputFailed;
    }
    const std::vector<std::string> existing = existing_outputs(folder, files);
    if (!existing.empty() && !o.force) {
        print_diagnostics(diags, sources, o);
        print_error(
            existing.front() + " exists" +
                (existing.size() > 1 ? " (and " + plural(existing.size() - 1, "other output") + ")"
                                     : "") +
                "; nothing was written",
            "--force replaces the files an import writes; or import into a new folder");
        return kUsage;
    }
    if (const int code = write_outputs(folder, files)) return code;
    warn_stale_files(folder, files, sources, diags);

    print_diagnostics(diags, sources, o);
    std::size_t skipped = 0;
    std::size_t deals = 0;
    for (const importer::SipriRegister& r : registers) {
        skipped += r.skipped;
        deals += r.deals.size();
    }
    if (!o.silent)
        print_note(plural(deals, "deal") + " imported into " + o.output_folder + " (" +
                   plural(files.size() - 1, "event file") + " and actors.yaml, " +
                   plural(imported.actors.size(), "actor") + "); " + plural(skipped, "row") +
                   " skipped");
    return kOk;
}

}  // namespace tl::cli
