#pragma once

// Internal to the layout stage: lanes stacked down the page, each with its band, accent
// strip and name.

#include <cstddef>
#include <vector>

#include "layout/chart_canvas.hpp"
#include "layout/lane_packer.hpp"

namespace tl {

inline constexpr double kLanePad = 5;  // above and below a lane's rows

/// How a tall stack of lanes makes room for the time axis again: a row of `height` points
/// for its labels at least every `every` points down the chart, counted from the axis above
/// the lanes (whose labels' top is at `first`), between lanes where it can be and between
/// rows of a lane taller than that. `below` is how far under a lane's end the labels of
/// the next axis row start at most (under the last lane: after the today label). `every`
/// 0: never.
struct AxisRepeat {
    double every = 0;
    double first = 0;
    double height = 0;
    double below = 0;
};

/// Where each lane lies once every lane's rows are known: lanes stacked from a y, each as
/// tall as its rows (one at least, or its entry of `min_rows`) under a strip of `strip`
/// points, with rows for the axis between them when the stack is too tall to read against
/// the axis above it.
class LaneStack {
  public:
    LaneStack(const std::vector<LaneRows>& rows, double y, double strip, double pitch,
              const AxisRepeat& repeat = {}, const std::vector<std::size_t>& min_rows = {});

    double top(std::size_t lane) const { return tops_[lane]; }
    double bottom(std::size_t lane) const { return bottoms_[lane]; }
    /// The top of the first lane and the bottom of the last.
    double first_top() const { return first_top_; }
    double last_bottom() const { return last_bottom_; }
    /// The middle of a row of a lane.
    double row_y(std::size_t lane, LaneRows::RowIndex row) const {
        double y =
            tops_[lane] + kLanePad + strip_ + (row - first_rows_[lane]) * pitch_ + pitch_ / 2;
        for (const RowBreak& b : breaks_[lane])
            if (row >= b.row) y += b.height;
        return y;
    }

    /// The tops of the rows the axis is drawn again in, between lanes or rows; and whether
    /// it is drawn under the last lane too (a stack too tall for one axis).
    const std::vector<double>& axis_rows() const { return axis_rows_; }
    bool axis_below() const { return axis_below_; }
    /// The rows of `lane` that follow an axis row inside it, where its name is said again.
    std::vector<LaneRows::RowIndex> rows_after_axis(std::size_t lane) const;

  private:
    /// An axis row of `height` points inside a lane, above its row `row`.
    struct RowBreak {
        LaneRows::RowIndex row;
        double height;
    };

    std::vector<double> tops_;
    std::vector<double> bottoms_;
    std::vector<LaneRows::RowIndex> first_rows_;  ///< each lane's top row index
    std::vector<std::vector<RowBreak>> breaks_;   ///< each lane's axis rows, top down
    std::vector<double> axis_rows_;
    bool axis_below_ = false;
    double strip_;
    double pitch_;
    double first_top_;
    double last_bottom_;
};

/// The fill of lane `l`'s band: every other lane is shaded.
Color lane_fill(const Theme& theme, std::size_t l);

/// Draws lane `l`'s band, accent and name (again under each axis row inside the lane);
/// returns the bottom of the name.
double draw_lane_background(ChartCanvas& c, const LaneStack& lanes, std::size_t l);

}  // namespace tl
