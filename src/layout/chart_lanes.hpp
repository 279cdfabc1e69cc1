#pragma once

// Internal to the layout stage: lanes stacked down the page, each with its band, accent
// strip and name.

#include <cstddef>
#include <vector>

#include "layout/chart_canvas.hpp"
#include "layout/lane_packer.hpp"

namespace tl {

inline constexpr double kLanePad = 5;  // above and below a lane's rows

/// Where each lane lies once every lane's rows are known: lanes stacked from a y, each as
/// tall as its rows (one at least) under a strip of `strip` points.
class LaneStack {
  public:
    LaneStack(const std::vector<LaneRows>& rows, double y, double strip, double pitch);

    double top(std::size_t lane) const { return tops_[lane]; }
    double bottom(std::size_t lane) const { return bottoms_[lane]; }
    /// The top of the first lane and the bottom of the last.
    double first_top() const { return first_top_; }
    double last_bottom() const { return last_bottom_; }
    /// The middle of a row of a lane.
    double row_y(std::size_t lane, LaneRows::RowIndex row) const {
        return tops_[lane] + kLanePad + strip_ + (row - first_rows_[lane]) * pitch_ + pitch_ / 2;
    }

  private:
    std::vector<double> tops_;
    std::vector<double> bottoms_;
    std::vector<LaneRows::RowIndex> first_rows_;  ///< each lane's top row index
    double strip_;
    double pitch_;
    double first_top_;
    double last_bottom_;
};

/// Draws lane `l`'s band, accent and name; returns the bottom of the name.
double draw_lane_background(ChartCanvas& c, const LaneStack& lanes, std::size_t l);

}  // namespace tl
