#include "layout/page_fit.hpp"

#include <algorithm>
#include <cmath>

namespace tl {

std::string page_overflow(const Document& doc) {
    // Half a point: rounding in text measurement, never a visible cut.
    constexpr double kSlack = 0.5;
    for (std::size_t p = 0; p < doc.pages.size(); ++p) {
        const Scene& page = doc.pages[p];
        for (const Item& item : page.items) {
            const double right = item.box.right() - page.width;
            const double bottom = item.box.bottom() - page.height;
            const double left = -item.box.x;
            const double worst = std::max({right, bottom, left});
            if (worst <= kSlack) continue;
            const char* edge = worst == right ? "right" : worst == bottom ? "bottom" : "left";
            const std::string what = item.role.empty() ? "a drawn item" : "the " + item.role;
            return what + (item.text.empty() ? "" : " '" + item.text + "'") + " runs " +
                   std::to_string(static_cast<long>(std::ceil(worst))) + " points past the " +
                   edge + " edge of page " + std::to_string(p + 1);
        }
    }
    return {};
}

}  // namespace tl
