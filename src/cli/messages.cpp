#include "cli/messages.hpp"

#include <iostream>

#include "base/text.hpp"

namespace tl::cli {

void print_error(std::string_view message, std::string_view hint) {
    std::cerr << "timeline: error: " << visible(message) << "\n";
    if (!hint.empty()) std::cerr << "  hint: " << visible(hint) << "\n";
}

void print_note(std::string_view message) {
    std::cerr << "timeline: " << visible(message) << "\n";
}

}  // namespace tl::cli
