#include "import/csv_reader.hpp"

#include <algorithm>

namespace tl::importer {
namespace {

bool continuation(char c) {
    return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

}  // namespace

bool CsvRecord::blank() const {
    return std::all_of(fields.begin(), fields.end(),
                       [](const CsvField& f) { return f.text.empty(); });
}

CsvReader::CsvReader(std::string_view text, std::uint32_t first_line, char separator)
    : text_(text), line_(first_line), separator_(separator) {}

void CsvReader::start_field(CsvRecord& record) {
    CsvField f;
    f.line = line_;
    // Columns count characters, not UTF-8 bytes, so that they are the bytes of the Latin-1
    // file the user has.
    const std::string_view before = text_.substr(line_start_, at_ - line_start_);
    f.column = static_cast<std::uint32_t>(
        1 + std::count_if(before.begin(), before.end(), [](char c) { return !continuation(c); }));
    record.fields.push_back(std::move(f));
}

void CsvReader::end_line() {
    if (text_[at_] == '\r' && at_ + 1 < text_.size() && text_[at_ + 1] == '\n') ++at_;
    ++at_;
    ++line_;
    line_start_ = at_;
}

bool CsvReader::next(CsvRecord& record) {
    record.fields.clear();
    record.unclosed_quote = false;
    if (at_ >= text_.size()) return false;
    record.line = line_;
    start_field(record);
    bool quoted = false;
    bool was_quoted = false;
    while (at_ < text_.size()) {
        const char c = text_[at_];
        std::string& field = record.fields.back().text;
        if (quoted) {
            if (c == '"') {
                if (at_ + 1 < text_.size() && text_[at_ + 1] == '"') {
                    field += '"';
                    at_ += 2;
                } else {
                    quoted = false;
                    ++at_;
                }
            } else if (c == '\n' || c == '\r') {
                field += '\n';
                end_line();
            } else {
                field += c;
                ++at_;
            }
            continue;
        }
        if (c == '\n' || c == '\r') {
            end_line();
            return true;
        }
        if (c == separator_) {
            ++at_;
            start_field(record);
            was_quoted = false;
            continue;
        }
        if (c == '"' && field.empty() && !was_quoted) {
            quoted = true;
            was_quoted = true;
            ++at_;
            continue;
        }
        field += c;
        ++at_;
    }
    record.unclosed_quote = quoted;
    return true;
}

std::vector<std::string> csv_line_fields(std::string_view line, char separator) {
    CsvReader reader(line, 1, separator);
    CsvRecord record;
    std::vector<std::string> out;
    if (reader.next(record))
        for (CsvField& f : record.fields)
            out.push_back(std::move(f.text));
    return out;
}

}  // namespace tl::importer
