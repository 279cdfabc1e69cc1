#pragma once

// What each fuzz target does with one input. The libFuzzer entry points in fuzz/ and the
// replay of tests/fuzz/regressions/ in tests/unit/fuzz_regressions_test.cpp both call these,
// so a saved input runs through exactly the same code in `make test` as in the fuzzer.

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic_format.hpp"
#include "base/text.hpp"
#include "load/loader.hpp"
#include "model/date.hpp"
#include "theme/template_loader.hpp"
#include "validate/validate.hpp"

namespace tl::fuzz {

/// A promise the code under test broke. Thrown, not asserted, so that the replay test
/// reports it; in a fuzzer it escapes, aborts, and libFuzzer saves the input.
struct BrokenPromise : std::logic_error {
    using std::logic_error::logic_error;
};

inline void expect(bool ok, const char* what) {
    if (!ok) throw BrokenPromise(what);
}

/// What one run answered: its diagnostics and how many values it read.
struct Answer {
    std::size_t diagnostics = 0;
    std::size_t values = 0;
};

/// Line `n` (1-based) of `text` without its line break, as the CLI shows it under a message;
/// `starts` holds where each line begins.
inline std::string line_of(std::string_view text, const std::vector<std::size_t>& starts,
                           std::uint32_t n) {
    if (n == 0 || n > starts.size()) return {};
    const std::size_t start = starts[n - 1];
    std::string_view line = text.substr(start, text.find('\n', start) - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    return std::string(line);
}

/// Every diagnostic points into the file it came from, and prints in both formats.
inline void print_all(std::string_view text, const Diagnostics& diags, const SourceFiles& files,
                      std::uint32_t file) {
    // Found once, as the CLI reads each file once for all its diagnostics.
    std::vector<std::size_t> starts{0};
    for (std::size_t i = 0; i < text.size(); ++i)
        if (text[i] == '\n') starts.push_back(i + 1);
    const std::size_t lines = starts.size();
    const DiagnosticStyle style{true, true};
    for (const Diagnostic& d : diags.items()) {
        expect(d.loc.file == file || d.loc.file == kNoFile, "a diagnostic names another file");
        expect(d.loc.line <= lines + 1, "a diagnostic points past the end of the file");
        expect(!d.rule.empty() && !d.message.empty(), "a diagnostic without a rule or message");
        const std::string line = line_of(text, starts, d.loc.line);
        const std::string out = format_diagnostic(d, files, style, line);
        expect(!out.empty(), "a diagnostic printed as nothing");
        // Without colour, nothing from the input may reach a terminal raw: beside the line
        // breaks of the layout and the tabs of the source line, every control or invisible
        // character is escaped.
        const std::string plain = format_diagnostic(d, files, {false, true}, line);
        for (std::size_t i = 0; i < plain.size();) {
            const CodePoint c = next_code_point(plain, i);
            expect(c.valid && (!is_invisible(c.value) || c.value == '\n' || c.value == '\t'),
                   "a printed diagnostic holds a raw control or invisible character");
            i += c.size;
        }
    }
    expect(!diagnostics_json(diags, files).empty(), "no JSON for the diagnostics");
    expect(!diagnostics_summary(diags).empty(), "no summary for the diagnostics");
}

/// The date's days are in order and its text reads back as written.
inline void check_date(const Date& date, std::string_view written) {
    expect(date.text() == written, "a parsed date does not print back as written");
    for (const DatePoint* p : {&date.start, date.end ? &*date.end : nullptr}) {
        if (p == nullptr || !p->bounded()) continue;
        expect(p->earliest <= p->latest, "a date side ends before it starts");
        // The first day prints as YYYY-MM-DD and parses back to the same day.
        const auto day = parse_date(iso_date(p->earliest));
        expect(day && day.value->start.precision == Precision::day &&
                   day.value->start.earliest == p->earliest,
               "iso_date does not parse back to the same day");
    }
}

/// The whole loader and validator on one file, with the diagnostics printed.
inline Answer load_and_validate(std::string_view text) {
    Model model;
    Diagnostics diags;
    const std::uint32_t file = model.files.add("fuzz.yaml");
    load_text(text, file, model, diags);
    validate(model, diags);
    diags.sort();
    print_all(text, diags, model.files, file);
    for (const Event& e : model.events) {
        expect(!e.id.empty(), "an event without an id was kept");
        if (!e.date.start.text.empty() || e.date.end) check_date(e.date, e.date.text());
    }
    return {diags.items().size(),
            model.events.size() + model.actors.size() + model.kinds.size() + model.eras.size()};
}

/// The EDTF date parser on one string.
inline Answer parse_one_date(std::string_view text) {
    const Parsed<Date> parsed = parse_date(text);
    expect(parsed.value.has_value() != !parsed.error.empty(),
           "a date parse gave both or neither of a value and an error");
    if (parsed) check_date(*parsed.value, text);
    return {parsed ? 0u : 1u, parsed ? 1u : 0u};
}

/// The template loader on one file.
inline Answer load_template_file(std::string_view text) {
    SourceFiles files;
    Diagnostics diags;
    const std::uint32_t file = files.add("fuzz-template.yaml");
    const Theme theme = load_template_text(text, file, diags);
    diags.sort();
    print_all(text, diags, files, file);
    expect(theme.page_width >= 100 && theme.page_width <= 14400, "page width out of bounds");
    expect(theme.page_height == 0 || (theme.page_height >= 100 && theme.page_height <= 14400),
           "page height out of bounds");
    return {diags.items().size(), 1};
}

}  // namespace tl::fuzz
