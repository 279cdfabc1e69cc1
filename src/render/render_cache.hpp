#pragma once

// Internal to src/render: what a RenderCache holds.

#include "render/cairo_handles.hpp"
#include "render/render.hpp"
#include "render/text_shaper.hpp"

namespace tl {

/// The shaper of a cache: one for PDF surfaces (made on a PDF surface that writes nothing,
/// so that its fonts are a PDF's), used from its first text on.
const TextShaper& cached_shaper(const RenderCache& cache);

}  // namespace tl
