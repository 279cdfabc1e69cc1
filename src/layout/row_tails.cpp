#include "layout/row_tails.hpp"

#include <algorithm>
#include <limits>

namespace tl {

namespace {
constexpr double kInf = std::numeric_limits<double>::infinity();
}

RowTails::Node RowTails::unset() {
    return {kInf, -kInf, -kInf};
}

void RowTails::reset(Row first, std::size_t count) {
    // Room for as many rows again, half of it on each side: rows are added above as well as
    // below, and a reset costs the size of the tree, so it comes once per doubling.
    size_ = 1;
    while (size_ < 2 * count + 2)
        size_ *= 2;
    base_ = first - static_cast<Row>((size_ - count) / 2);
    nodes_.assign(2 * size_, unset());
}

void RowTails::pull(std::size_t node) {
    const Node& a = nodes_[2 * node];
    const Node& b = nodes_[2 * node + 1];
    nodes_[node] = {std::min(a.min_end, b.min_end), std::max(a.max_end, b.max_end),
                    std::max(a.max_start, b.max_start)};
}

void RowTails::set(Row row, double start, double end) {
    std::size_t node = size_ + static_cast<std::size_t>(row - base_);
    nodes_[node] = {end, end, start};
    for (node /= 2; node >= 1; node /= 2)
        pull(node);
}

void RowTails::set_empty(Row row) {
    // Free over any stretch, taken nowhere.
    set(row, -kInf, -kInf);
}

}  // namespace tl
