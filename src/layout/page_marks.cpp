#include "layout/page_marks.hpp"

#include <algorithm>
#include <string>

namespace tl {
namespace {

constexpr double kPageLabelGap = 6;  // between two page labels

/// Labels a page's band "p. N" centred in it when it has room; else, like an axis tick,
/// starting at the band's left edge when the label before leaves room, so that many narrow
/// pages get every few a label; else not at all (the bands still show the cuts).
void label(PageWriter& page, const FontSpec& font, int number, double left, double width, double y,
           double height, double& label_right) {
    const std::string text = "p. " + std::to_string(number);
    const TextSize size = page.measurer.measure(text, font);
    double x = left + (width - size.width) / 2;
    if (size.width + 2 > width) x = left + 1;
    if (x < label_right + kPageLabelGap || x + size.width > page.width - page.theme.margin) return;
    page.text(x, y + (height - size.height) / 2, text, font, page.theme.text, "page-mark-label");
    label_right = x + size.width;
}

}  // namespace

double draw_page_marks(PageWriter& page, const TimeScale& scale, double y,
                       const std::vector<PageMark>& marks) {
    const FontSpec font = page.theme.font(page.theme.axis_size);
    const double height = page.measurer.measure("p. 0", font).height + 2;
    const auto clamp_x = [&](double x) { return std::clamp(x, scale.x0, scale.x1); };
    const std::size_t first = page.scene.items.size();  // this row's first band
    double right = scale.x0;                            // of the band before
    for (std::size_t i = 0; i < marks.size();) {
        // Pages cut inside one day (a burst too big for one page) share that day's width.
        std::size_t end = i + 1;
        while (end < marks.size() && marks[end].days.first == marks[i].days.first &&
               marks[end].days.last == marks[i].days.last)
            ++end;
        // A page that begins on the day the one before ends (cut inside that day) starts
        // where that one's band ends.
        const double x0 = std::max(clamp_x(scale.x(marks[i].days.first)), right);
        const double x1 = clamp_x(scale.x_end(marks[i].days.last));
        const double share = std::max(x1 - x0, 0.0) / static_cast<double>(end - i);
        for (std::size_t k = i; k < end; ++k) {
            const double left = x0 + share * static_cast<double>(k - i);
            Item band;
            band.type = ItemType::band;
            band.role = "page-mark";
            band.text = std::to_string(marks[k].page);
            band.box = {left, y, share, height};
            // Neighbours alternate in shade, so that narrow pages still read as separate.
            band.fill = page.tint(page.theme.muted, k % 2 == 0 ? 0.75 : 0.88);
            page.scene.items.push_back(std::move(band));
        }
        right = std::max(right, x1);
        i = end;
    }
    // The labels after all the bands, which would cover a label reaching past its own.
    double label_right = scale.x0 - kPageLabelGap;  // of the label before
    for (std::size_t i = 0, n = page.scene.items.size() - first; i < n; ++i) {
        const Item band = page.scene.items[first + i];
        label(page, font, marks[i].page, band.box.x, band.box.width, y, height, label_right);
    }
    return y + height + 4;
}

}  // namespace tl
