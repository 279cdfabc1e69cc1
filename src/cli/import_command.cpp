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
#include "import/csv_mapping.hpp"
#include "import/mapped_import.hpp"
#include "import/sipri_events.hpp"
#include "import/sipri_register.hpp"
#include "import/text_encoding.hpp"
#include "import/xlsx_table.hpp"
#include "load/input_reader.hpp"
#include "theme/template_loader.hpp"

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

/// What an import read: the files to write, what to say about them, and the diagnostics'
/// files. `code` is not kOk when it must stop before writing.
struct ImportResult {
    std::vector<importer::ImportedFile> files;
    std::string summary;
    int code = kOk;
};

/// Reads every input's bytes whole; nullopt (after the diagnostics) when one cannot be read.
std::optional<std::vector<std::string>> read_inputs(const Options& o, SourceFiles& sources,
                                                    Diagnostics& diags,
                                                    std::vector<std::uint32_t>& ids) {
    std::vector<std::string> texts;
    bool unreadable = false;
    for (const std::string& input : o.inputs) {
        const std::uint32_t id = sources.add(input);
        const std::optional<std::string> bytes = read_input(input, id, o.max_input_bytes, diags);
        if (!bytes) {
            unreadable = true;
            continue;
        }
        ids.push_back(id);
        texts.push_back(*bytes);
    }
    if (unreadable) return std::nullopt;
    return texts;
}

ImportResult import_sipri(const Options& o, SourceFiles& sources, Diagnostics& diags) {
    ImportResult result;
    std::vector<std::uint32_t> ids;
    const auto texts = read_inputs(o, sources, diags, ids);
    if (!texts) return {{}, "", kOutputFailed};
    std::vector<importer::SipriRegister> registers;
    for (std::size_t i = 0; i < texts->size(); ++i)
        registers.push_back(importer::read_sipri_register(
            importer::export_text_to_utf8((*texts)[i]), ids[i], diags));
    if (diags.has_errors()) return {{}, "", kInvalidInput};
    const importer::SipriImport imported = importer::sipri_import(registers);
    result.files = importer::event_files(
        imported.events, imported.actors,
        "Written by timeline import sipri from SIPRI's trade register; import again rather "
        "than edit (docs/import.md)");
    std::size_t skipped = 0;
    std::size_t deals = 0;
    for (const importer::SipriRegister& r : registers) {
        skipped += r.skipped;
        deals += r.deals.size();
    }
    result.summary = plural(deals, "deal") + " imported into " + o.output_folder + " (" +
                     plural(result.files.size() - 1, "event file") + " and actors.yaml, " +
                     plural(imported.actors.size(), "actor") + "); " + plural(skipped, "row") +
                     " skipped";
    return result;
}

/// The mapping file of --mapping: a preset's name (templates/mappings/NAME.yaml beside the
/// templates) or a path.
std::string mapping_path(const Options& o) {
    std::vector<std::string> dirs = template_dirs(o.executable);
    for (std::string& dir : dirs)
        dir += "/mappings";
    return find_template(o.mapping, dirs);
}

ImportResult import_mapped(const Options& o, SourceFiles& sources, Diagnostics& diags) {
    if (o.mapping.empty()) {
        print_error("import " + o.import_format + " needs --mapping",
                    "--mapping FILE names a mapping file, or a preset: acled, ucdp-ged, kiel "
                    "(docs/import.md)");
        return {{}, "", kUsage};
    }
    const std::string path = mapping_path(o);
    if (path.empty()) {
        print_error("no mapping file or preset '" + visible(o.mapping) + "'",
                    "give a path to a mapping file, or a preset: acled, ucdp-ged, kiel "
                    "(docs/import.md)");
        return {{}, "", kUsage};
    }
    const std::uint32_t mapping_file = sources.add(path);
    const std::optional<std::string> mapping_text =
        read_input(path, mapping_file, o.max_input_bytes, diags);
    if (!mapping_text) return {{}, "", kOutputFailed};
    const importer::CsvMapping mapping =
        importer::read_csv_mapping(*mapping_text, mapping_file, diags);
    if (diags.has_errors()) return {{}, "", kInvalidInput};

    std::vector<std::uint32_t> ids;
    const auto texts = read_inputs(o, sources, diags, ids);
    if (!texts) return {{}, "", kOutputFailed};
    std::vector<importer::Table> tables;
    for (std::size_t i = 0; i < texts->size(); ++i) {
        if (o.import_format != "xlsx") {
            tables.push_back(importer::read_delimited_table(
                importer::export_text_to_utf8((*texts)[i]), mapping));
        } else if (auto table = importer::read_xlsx_table((*texts)[i], o.sheet, ids[i], diags)) {
            tables.push_back(std::move(*table));
        } else {
            tables.emplace_back();  // an error says why; keeps tables[i] with ids[i]
        }
    }
    if (diags.has_errors()) return {{}, "", kInvalidInput};
    std::vector<std::pair<importer::CsvMapping, importer::TableInput>> inputs;
    for (std::size_t i = 0; i < tables.size(); ++i) {
        importer::CsvMapping resolved = mapping;
        if (tables[i].header.empty()) {
            diags.error({ids[i], 0, 0}, "empty-table", "the input has no header row",
                        "the first row (after the mapping's 'skip-lines') names the columns");
            continue;
        }
        importer::resolve_columns(resolved, tables[i].header, visible(o.inputs[i]), diags);
        inputs.emplace_back(std::move(resolved), importer::TableInput{&tables[i], ids[i]});
    }
    if (diags.has_errors()) return {{}, "", kInvalidInput};
    const importer::MappedImport imported = importer::map_tables(inputs, diags);
    const std::string comment = "Written by timeline import " + o.import_format + " with " +
                                visible(o.mapping) +
                                "; import again rather than edit (docs/import.md)";
    ImportResult result;
    result.files = importer::event_files(imported.events, imported.actors, comment);
    if (std::string kinds = importer::kinds_file(imported.kinds, comment); !kinds.empty())
        result.files.push_back({"kinds.yaml", std::move(kinds)});
    result.summary = plural(imported.events.size(), "event") + " imported into " + o.output_folder +
                     " (" + plural(result.files.size(), "file") + ", " +
                     plural(imported.actors.size(), "actor") + "); " +
                     plural(imported.skipped, "row") + " skipped";
    return result;
}

/// An option the format does not read is a usage error rather than ignored: `--sheet` on a
/// CSV would otherwise import a table the user did not mean without a word.
bool options_fit_the_format(const Options& o) {
    if (!o.sheet.empty() && o.import_format != "xlsx") {
        print_error("--sheet is for import xlsx; a " + o.import_format + " file has no sheets",
                    "leave out --sheet, or save the sheet as CSV and import that");
        return false;
    }
    if (!o.mapping.empty() && o.import_format == "sipri") {
        print_error("import sipri reads SIPRI's own layout and takes no --mapping",
                    "leave out --mapping, or use import csv with it (docs/import.md)");
        return false;
    }
    return true;
}

}  // namespace

int run_import(const Options& o) {
    if (!options_fit_the_format(o)) return kUsage;
    install_signal_cleanup();
    Diagnostics diags;
    SourceFiles sources;
    ImportResult imported = o.import_format == "sipri" ? import_sipri(o, sources, diags)
                                                       : import_mapped(o, sources, diags);
    diags.sort();
    if (imported.code != kOk) {
        print_diagnostics(diags, sources, o);
        return imported.code;
    }
    const std::vector<importer::ImportedFile>& files = imported.files;

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
    if (!o.silent) print_note(imported.summary);
    return kOk;
}

}  // namespace tl::cli
