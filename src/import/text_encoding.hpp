#pragma once

#include <string>
#include <string_view>

namespace tl::importer {

/// The bytes of an export as UTF-8. SIPRI writes Latin-1; spreadsheet programs that re-save
/// a file write UTF-8. A file that is valid UTF-8 (a BOM is dropped) is taken as it is;
/// anything else is read as Windows-1252, which agrees with Latin-1 on every printable
/// character and gives the bytes 0x80-0x9F the typographic marks (’ “ ” € –) Windows
/// programs put there. The five bytes Windows-1252 leaves undefined become U+FFFD.
std::string export_text_to_utf8(std::string_view bytes);

/// Latin-1 / Windows-1252 bytes to UTF-8, whatever they hold.
std::string windows1252_to_utf8(std::string_view bytes);

}  // namespace tl::importer
