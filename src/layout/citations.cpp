#include "layout/citations.hpp"

#include <algorithm>
#include <map>

namespace tl {

Citations number_citations(const std::vector<const Event*>& events) {
    Citations c;
    std::map<std::string, int> seen;
    for (const Event* e : events) {
        std::vector<int>& numbers = c.numbers[e];
        for (const Source& s : e->sources) {
            const std::string key = s.publisher + '\x1f' + s.title + '\x1f' + s.url + '\x1f' +
                                    (s.date ? s.date->text() : "");
            auto [it, inserted] = seen.emplace(key, static_cast<int>(c.sources.size()) + 1);
            if (inserted) c.sources.push_back(&s);
            if (std::find(numbers.begin(), numbers.end(), it->second) == numbers.end())
                numbers.push_back(it->second);
        }
    }
    c.said_once = c.sources.size() == 1 &&
                  std::all_of(events.begin(), events.end(),
                              [&](const Event* e) { return c.numbers[e] == std::vector<int>{1}; });
    return c;
}

std::string Citations::marks_for(const Event* e) const {
    const auto it = numbers.find(e);
    if (said_once || it == numbers.end() || it->second.empty()) return {};
    std::string s = " [";
    for (std::size_t i = 0; i < it->second.size(); ++i) {
        if (i) s += ", ";
        s += std::to_string(it->second[i]);
    }
    return s + "]";
}

}  // namespace tl
