#include "render/render_cache.hpp"

#include <cairo-pdf.h>

#include <memory>

namespace tl {

class RenderCache {
  public:
    RenderCache()
        : surface_(cairo_pdf_surface_create_for_stream(
              [](void*, const unsigned char*, unsigned int) { return CAIRO_STATUS_SUCCESS; },
              nullptr, 1, 1)),
          cr_(cairo_create(surface_.get())),
          shaper_(std::make_unique<TextShaper>(cr_.get(), 0)) {}

    const TextShaper& shaper() const { return *shaper_; }

  private:
    gfx::Surface surface_;
    gfx::Context cr_;
    std::unique_ptr<TextShaper> shaper_;
};

std::shared_ptr<RenderCache> make_render_cache() {
    return std::make_shared<RenderCache>();
}

const TextShaper& cached_shaper(const RenderCache& cache) {
    return cache.shaper();
}

}  // namespace tl
