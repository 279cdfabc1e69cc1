#include "layout/page_writer.hpp"

namespace tl {

Item& PageWriter::text(double x, double y, std::string s, const FontSpec& font, Color color,
                       std::string role, std::string event) {
    const TextSize size = measurer.measure(s, font);
    Item it;
    it.type = ItemType::text;
    it.box = {x, y, size.width, size.height};
    it.text = std::move(s);
    it.font = font;
    it.fill = color;
    it.role = std::move(role);
    it.event = std::move(event);
    scene.items.push_back(std::move(it));
    return scene.items.back();
}

}  // namespace tl
